import GitHubProvider from "next-auth/providers/github";

export const secret = process.env.NEXTAUTH_SECRET;
// the public URL, for links in emails
export const baseUrl = process.env.NEXTAUTH_URL || "http://localhost:3000";

export const github = GitHubProvider({
  clientId: process.env.GITHUB_ID!,
  clientSecret: process.env["GITHUB_SECRET"] as string,
});
