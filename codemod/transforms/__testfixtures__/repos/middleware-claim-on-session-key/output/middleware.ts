import { auth } from "./auth";
import type { NextAuthRequest, Session } from "next-auth";
import type { NextRequest } from "next/server";
import { NextResponse } from "next/server";

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

/** v4 withAuth's authorized callback; `token` is now the session, not the JWT. */
const authorized: (params: { req: NextAuthRequest; token: Session | null }) => unknown = ({ token }) => token?.accountRole !== "suspended";

const middleware = function middleware(req: NextAuthRequest) {
  if (req.nextUrl.pathname.startsWith("/settings") && req.auth?.accountRole !== "owner") {
    return NextResponse.redirect(new URL("/dashboard", req.url));
  }
  return NextResponse.next();
};

export default auth(async (req) => {
  if (isV4PublicPath(req)) return;
  if (!((await authorized({ req, token: req.auth })) ?? !!req.auth)) return signInRedirect(req);
  return middleware(req);
});

export const config = { matcher: ["/dashboard/:path*", "/settings/:path*"] };
