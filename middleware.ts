import { withAuth } from "next-auth/middleware";
import { NextResponse, type NextRequest } from "next/server";
import { isPublicPath, requiredRole } from "@/lib/auth/access-rules";
import { decodeSessionToken } from "@/lib/auth/session-token";

/**
 * Where middleware redirects point. Under `next start`, `req.nextUrl` is always
 * http://localhost:<port> whatever host the visitor used (Next 13–15), and withAuth's own sign-in
 * redirect is built on it: a visitor of a proxied domain would land on localhost. (Next also
 * rewrites 127.0.0.1 and [::1] to localhost in any middleware redirect: use localhost locally.)
 */
function redirectTo(req: NextRequest, pathAndQuery: string) {
  let origin = req.nextUrl.origin;
  try {
    if (process.env.NEXTAUTH_URL) origin = new URL(process.env.NEXTAUTH_URL).origin;
  } catch {
    // An invalid NEXTAUTH_URL stops the app at start (lib/env.ts); keep the request's origin here.
  }
  return NextResponse.redirect(new URL(pathAndQuery, origin));
}

/**
 * First line of defence only. v4 middleware decrypts the cookie without running the jwt
 * callback, so the role it sees can be stale; the server guards decide.
 * @see https://next-auth.js.org/configuration/nextjs#middleware
 */
export default withAuth(
  function middleware(req) {
    const { pathname, search } = req.nextUrl;
    const token = req.nextauth.token;
    if (!token && !isPublicPath(pathname)) {
      return redirectTo(req, `/login?callbackUrl=${encodeURIComponent(`${pathname}${search}`)}`);
    }
    const role = requiredRole(pathname);
    if (role && token?.role !== role) return redirectTo(req, "/403");
    return NextResponse.next();
  },
  {
    // Let every request reach the function above, which redirects on the public origin.
    callbacks: { authorized: () => true },
    pages: { signIn: "/login" },
    // Same token as the server's; the derived key is cached across requests.
    jwt: { decode: decodeSessionToken },
  },
);

export const config = {
  matcher: ["/((?!api|_next/static|_next/image|favicon.ico).*)"],
};
