import { withAuth } from "next-auth/middleware";
import { NextResponse } from "next/server";
import { sessionCookieName } from "./lib/auth";

/** Signed-out visitors go to sign in; /admin is for admins. The pages themselves trust this. */
export default withAuth(
  function middleware(req) {
    if (req.nextUrl.pathname.startsWith("/admin") && req.nextauth.token?.role !== "admin") {
      return new NextResponse("Admins only", { status: 403 });
    }
  },
  {
    callbacks: {
      authorized: ({ token }) => !!token,
    },
    // withAuth reads no auth options: the session cookie's name, where this deployment sets one.
    cookies: { sessionToken: { name: sessionCookieName() } },
  },
);

export const config = { matcher: ["/dashboard", "/admin"] };
