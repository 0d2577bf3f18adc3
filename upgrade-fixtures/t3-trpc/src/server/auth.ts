import { type GetServerSidePropsContext } from "next";
import { getServerSession, type DefaultSession, type NextAuthOptions } from "next-auth";
import GithubProvider from "next-auth/providers/github";
import { env } from "~/env.mjs";

export type Role = "admin" | "user";

/**
 * The session's user carries an id and a role, typed for every page and procedure.
 * @see https://next-auth.js.org/getting-started/typescript#module-augmentation
 */
declare module "next-auth" {
  interface Session extends DefaultSession {
    user: DefaultSession["user"] & {
      id: string;
      role: Role;
    };
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    role?: Role;
  }
}

const isAdmin = (email: string | null | undefined) =>
  !!email &&
  env()
    .ADMIN_EMAILS.split(",")
    .map((entry) => entry.trim())
    .includes(email);

/** github.com, or the GitHub-compatible server at GITHUB_URL (its REST API under /api/v3). */
function githubProvider() {
  const base = env().GITHUB_URL?.replace(/\/+$/, "");
  return GithubProvider({
    clientId: env().GITHUB_ID,
    clientSecret: env().GITHUB_SECRET,
    ...(base
      ? {
          authorization: { url: `${base}/login/oauth/authorize`, params: { scope: "read:user user:email" } },
          token: `${base}/login/oauth/access_token`,
          userinfo: { url: `${base}/api/v3/user` },
        }
      : {}),
  });
}

/**
 * NextAuth.js options: GitHub sign-in, sessions in a signed JWT cookie (no database).
 * @see https://next-auth.js.org/configuration/options
 */
export const authOptions: NextAuthOptions = {
  session: { strategy: "jwt" },
  callbacks: {
    jwt: ({ token, user }) => {
      if (user) token.role = isAdmin(user.email) ? "admin" : "user";
      return token;
    },
    session: ({ session, token }) => ({
      ...session,
      user: {
        ...session.user,
        id: token.sub ?? "",
        role: token.role ?? "user",
      },
    }),
  },
  providers: process.env.GITHUB_ID ? [githubProvider()] : [],
};

/**
 * Wrapper for `getServerSession` so that you don't need to import the `authOptions` in every file.
 * @see https://next-auth.js.org/configuration/nextjs
 */
export const getServerAuthSession = (ctx: {
  req: GetServerSidePropsContext["req"];
  res: GetServerSidePropsContext["res"];
}) => {
  return getServerSession(ctx.req, ctx.res, authOptions);
};
