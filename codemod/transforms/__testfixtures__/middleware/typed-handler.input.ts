import { withAuth, type NextRequestWithAuth } from "next-auth/middleware";
import { NextResponse } from "next/server";

function handle(req: NextRequestWithAuth) {
  const token = req.nextauth.token;
  return token ? NextResponse.next() : NextResponse.redirect(new URL("/", req.url));
}

export const middleware = withAuth(handle);
