import { withAuth } from "next-auth/middleware";
import { NextResponse } from "next/server";

export default withAuth(
  function middleware(req) {
    if (req.nextUrl.pathname.startsWith("/settings") && req.nextauth.token?.role !== "owner") {
      return NextResponse.redirect(new URL("/dashboard", req.url));
    }
    return NextResponse.next();
  },
  {
    callbacks: {
      authorized: ({ token }) => token?.role !== "suspended",
    },
  },
);

export const config = { matcher: ["/dashboard/:path*", "/settings/:path*"] };
