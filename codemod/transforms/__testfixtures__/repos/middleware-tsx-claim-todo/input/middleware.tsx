import { withAuth } from "next-auth/middleware";
import { NextResponse } from "next/server";

export default withAuth(
  function middleware(req) {
    if (req.nextauth.token?.role === "noc") {
      return NextResponse.redirect(new URL("/alerts/feed", req.url));
    }
    return NextResponse.next();
  },
);
