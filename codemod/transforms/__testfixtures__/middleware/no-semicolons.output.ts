import { auth } from "@/auth";
import type { NextAuthRequest } from "next-auth";
import { NextResponse } from "next/server";
import type { NextRequest } from "next/server";

/** Paths v4's withAuth never guarded: the auth endpoints and pages, Next's assets. */
function isV4PublicPath(req: NextRequest) {
  const { pathname } = req.nextUrl;
  return (
    pathname.startsWith("/api/auth") ||
    ["/api/auth/signin", "/api/auth/error"].includes(pathname) ||
    ["/_next", "/favicon.ico"].some((prefix) => pathname.startsWith(prefix))
  );
}

/** v4 withAuth's answer to a visitor it did not authorize: its sign-in page, with the page as callbackUrl. */
function signInRedirect(req: NextRequest) {
  const { pathname, search, basePath, origin } = req.nextUrl;
  const url = new URL(`${basePath}/api/auth/signin`, origin);
  url.searchParams.append("callbackUrl", `${basePath}${pathname}${search}`);
  return NextResponse.redirect(url);
}

const middleware = function middleware(req: NextAuthRequest) {
  const flags = Array.from(req.nextUrl.searchParams.keys())
  if (flags.includes('debug')) console.log('middleware', req.nextUrl.pathname)
};

// Written without semicolons: each import still ends at its own line.
export default auth((req) => {
  if (isV4PublicPath(req)) return;
  if (!req.auth) return signInRedirect(req);
  return middleware(req);
})

export const config = { matcher: ['/dashboard/:path*'] }
