import NextAuth from "next-auth";
import GitHubProvider from "next-auth/providers/github";

// The app's pages are all under app/; only this route is a Pages one.
export default NextAuth({
  providers: [GitHubProvider({ clientId: process.env.GITHUB_ID ?? "", clientSecret: process.env.GITHUB_SECRET ?? "" })],
});
