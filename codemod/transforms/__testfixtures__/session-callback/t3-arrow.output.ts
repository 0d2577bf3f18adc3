import { DrizzleAdapter } from "@auth/drizzle-adapter";
import type { NextAuthOptions } from "next-auth";
import GithubProvider from "next-auth/providers/github";
import { db } from "~/server/db";

// create-t3-app 7.x, Pages Router: database sessions (an adapter, no strategy).
export const authOptions: NextAuthOptions = {
  callbacks: {
    session: ({ session, user }) => ({ expires: session.expires, user: { ...session.user, id: user.id } }),
  },
  adapter: DrizzleAdapter(db),
  providers: [GithubProvider({ clientId: "id", clientSecret: "secret" })],
};
