import { withAuth } from "next-auth/middleware";
import { NextResponse } from "next/server";
import { isPublicPath, requiredRole } from "@/lib/auth/access-rules";

/**
 * First line of defence only. v4 middleware decrypts the cookie without running the jwt
 * callback, so the role it sees can be stale; the server guards decide.
 * @see https://next-auth.js.org/configuration/nextjs#middleware
 */
export default withAuth(
  function middleware(req) {
    const role = requiredRole(req.nextUrl.pathname);
    if (role && req.nextauth.token?.role !== role) {
      const forbidden = req.nextUrl.clone();
      forbidden.pathname = "/403";
      forbidden.search = "";
      return NextResponse.redirect(forbidden);
    }
    return NextResponse.next();
  },
  {
    callbacks: { authorized: ({ req, token }) => isPublicPath(req.nextUrl.pathname) || Boolean(token) },
    pages: { signIn: "/login" },
  },
);

export const config = {
  matcher: ["/((?!api|_next/static|_next/image|favicon.ico).*)"],
};
