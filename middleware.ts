import { withAuth } from "next-auth/middleware";
import { NextResponse, type NextRequest } from "next/server";
import { isPublicPath, requiredRole } from "@/lib/auth/access-rules";
import { decodeSessionToken } from "@/lib/auth/session-token";

/** Redirects on NEXTAUTH_URL's origin: under `next start`, `req.nextUrl` is http://localhost:<port> whatever the host (Next 13–15). */
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
 * First line of defence only: v4 middleware skips the jwt callback, so the role it sees can be stale; the server guards decide.
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
    // Optional speed-up: same token as the server's, the derived key cached across requests.
    jwt: { decode: decodeSessionToken },
  },
);

export const config = {
  // Faster than the Edge sandbox under next start (README: Performance); Next ≥ 15.5 only.
  runtime: "nodejs",
  matcher: ["/((?!api|_next/static|_next/image|favicon.ico).*)"],
};
