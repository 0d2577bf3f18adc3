import NextAuth from "next-auth";
import GitHubProvider from "next-auth/providers/github";
import { withLegacyV4 } from "./legacy-v4-session";

// The app's pages are all under app/; only this route is a Pages one.
export const { handlers, auth, signIn, signOut } = withLegacyV4(NextAuth)({
  providers: [GitHubProvider({ clientId: process.env.GITHUB_ID ?? "", clientSecret: process.env.GITHUB_SECRET ?? "" })],
});
