import type { NextAuthOptions } from "next-auth";
import GitHub from "next-auth/providers/github";

declare module "next-auth" {
  interface Session {
    user: { id: string; name?: string | null; email?: string | null; image?: string | null; role: "admin" | "user" };
  }
}

const admins = () =>
  (process.env.ADMIN_EMAILS ?? "")
    .split(",")
    .map((email) => email.trim())
    .filter(Boolean);

/** github.com, or a GitHub-compatible server at GITHUB_URL (GitHub Enterprise; a local one in tests). */
function github() {
  const server = process.env.GITHUB_URL?.replace(/\/+$/, "");
  return GitHub({
    clientId: process.env.GITHUB_ID ?? "",
    clientSecret: process.env.GITHUB_SECRET ?? "",
    ...(server && {
      authorization: { url: `${server}/login/oauth/authorize`, params: { scope: "read:user user:email" } },
      token: `${server}/login/oauth/access_token`,
      userinfo: { url: `${server}/api/v3/user` },
    }),
  });
}

/** JWT sessions (no database); the role is set once, at sign-in, and travels in the token. */
export const authOptions: NextAuthOptions = {
  session: { strategy: "jwt" },
  providers: [github()],
  callbacks: {
    async jwt({ token, user }) {
      if (user) token.role = admins().includes(user.email ?? "") ? "admin" : "user";
      return token;
    },
    async session({ session, token }) {
      session.user.id = token.sub ?? "";
      session.user.role = token.role === "admin" ? "admin" : "user";
      return session;
    },
  },
};
