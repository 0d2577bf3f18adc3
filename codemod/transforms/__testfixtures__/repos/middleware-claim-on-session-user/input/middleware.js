import { withAuth } from "next-auth/middleware"
import { NextResponse } from "next/server"

export default withAuth(function middleware(req) {
  if (req.nextUrl.pathname.startsWith("/admin") && req.nextauth.token?.role !== "admin") {
    return new NextResponse("Admins only", { status: 403 })
  }
  if (req.nextUrl.pathname.startsWith("/pro") && req.nextauth.token?.plan !== "pro") {
    return NextResponse.redirect(new URL("/pricing", req.url))
  }
})

export const config = { matcher: ["/admin/:path*", "/pro/:path*"] }
