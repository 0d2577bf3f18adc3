import { withAuth } from "next-auth/middleware";

/** Signed-out visitors go to sign in; /admin is for admins only (others are sent to sign in again). */
export default withAuth({
  callbacks: {
    authorized: ({ req, token }) => {
      if (!token) return false;
      if (req.nextUrl.pathname.startsWith("/admin")) return token.role === "admin";
      return true;
    },
  },
});

export const config = { matcher: ["/dashboard", "/admin/:path*"] };
