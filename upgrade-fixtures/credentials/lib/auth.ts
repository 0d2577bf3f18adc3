import type { GetServerSidePropsContext, NextApiRequest, NextApiResponse } from "next";
import { getServerSession, type NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import GithubProvider from "next-auth/providers/github";
import { findUserByEmail, verifyPassword } from "@/lib/users";

const githubAdmins = () => (process.env.ADMIN_EMAILS ?? "").split(",").filter(Boolean);

/** GitHub, or a GitHub-compatible server at GITHUB_URL (its API under /api/v3). */
function github() {
  const web = process.env.GITHUB_URL?.replace(/\/+$/, "");
  return GithubProvider({
    clientId: process.env.GITHUB_ID!,
    clientSecret: process.env.GITHUB_SECRET!,
    ...(web && {
      authorization: { url: `${web}/login/oauth/authorize`, params: { scope: "read:user user:email" } },
      token: `${web}/login/oauth/access_token`,
      userinfo: { url: `${web}/api/v3/user` },
    }),
  });
}

export const authOptions: NextAuthOptions = {
  session: { strategy: "jwt" },
  pages: { signIn: "/login" },
  providers: [
    CredentialsProvider({
      name: "Email and password",
      credentials: {
        email: { label: "Email", type: "email" },
        password: { label: "Password", type: "password" },
      },
      async authorize(credentials) {
        if (!credentials?.email || !credentials.password) return null;
        const user = findUserByEmail(credentials.email);
        if (!user || !verifyPassword(credentials.password, user.passwordHash)) return null;
        return { id: user.id, email: user.email, name: user.name, role: user.role };
      },
    }),
    github(),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user) token.role = user.role ?? (user.email && githubAdmins().includes(user.email) ? "admin" : "user");
      return token;
    },
    session({ session, token }) {
      return { ...session, user: { ...session.user, id: token.sub!, role: token.role } };
    },
  },
};

export function getSession(
  req: GetServerSidePropsContext["req"] | NextApiRequest,
  res: GetServerSidePropsContext["res"] | NextApiResponse,
) {
  return getServerSession(req, res, authOptions);
}
