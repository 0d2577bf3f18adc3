// Written before the app dropped semicolons and double quotes; auth.ts, made from it, keeps its style.
import NextAuth from "next-auth";
import GitHubProvider from "next-auth/providers/github";
import { withLegacyV4 } from "./legacy-v4-session";

export const { handlers, auth, signIn, signOut } = withLegacyV4(NextAuth)({
  providers: [GitHubProvider({ clientId: process.env.GITHUB_ID ?? "", clientSecret: process.env.GITHUB_SECRET ?? "" })],
});
