import { withAuth } from "next-auth/middleware";

// The role reaches the session; the plan stays in the JWT.
export default withAuth({
  callbacks: {
    authorized: ({ req, token }) => {
      if (!token) return false;
      if (req.nextUrl.pathname.startsWith("/admin")) return token.role === "admin";
      if (req.nextUrl.pathname.startsWith("/pro")) return token.plan === "pro";
      return true;
    },
  },
});

export const config = { matcher: ["/dashboard", "/admin/:path*", "/pro/:path*"] };
