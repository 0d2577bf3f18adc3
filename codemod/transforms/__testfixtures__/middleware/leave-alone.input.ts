import { NextResponse, type NextRequest } from "next/server";

// A middleware that does not use next-auth.
export function middleware(req: NextRequest) {
  return NextResponse.next({ headers: { "x-path": req.nextUrl.pathname } });
}
