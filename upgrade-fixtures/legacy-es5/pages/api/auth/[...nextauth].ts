import NextAuth, { NextAuthOptions } from "next-auth";
import GithubProvider from "next-auth/providers/github";

const adminEmails = (process.env.ADMIN_EMAILS || "").split(",").filter(Boolean);

// GitHub Enterprise (or a local GitHub-compatible server) where GITHUB_URL is set; github.com otherwise.
const githubUrl = process.env.GITHUB_URL ? process.env.GITHUB_URL.replace(/\/+$/, "") : undefined;

export const authOptions: NextAuthOptions = {
  providers: [
    GithubProvider({
      clientId: process.env.GITHUB_ID,
      clientSecret: process.env.GITHUB_SECRET,
      ...(githubUrl
        ? {
            authorization: { url: githubUrl + "/login/oauth/authorize", params: { scope: "read:user user:email" } },
            token: githubUrl + "/login/oauth/access_token",
            userinfo: { url: githubUrl + "/api/v3/user" },
          }
        : {}),
    }),
  ],
  session: {
    strategy: "jwt",
  },
  callbacks: {
    async jwt({ token, user }) {
      if (user) {
        token.role = adminEmails.indexOf(user.email) !== -1 ? "admin" : "user";
      }
      return token;
    },
    async session({ session, token }) {
      session.user.id = token.sub;
      session.user.role = token.role;
      return session;
    },
  },
};

export default NextAuth(authOptions);
