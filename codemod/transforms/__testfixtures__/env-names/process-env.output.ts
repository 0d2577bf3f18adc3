import GitHubProvider from "next-auth/providers/github";

export const secret = process.env.AUTH_SECRET ?? process.env.NEXTAUTH_SECRET;
// the public URL, for links in emails
export const baseUrl = process.env.NEXTAUTH_URL || "http://localhost:3000";

export const github = GitHubProvider({
  clientId: (process.env.AUTH_GITHUB_ID ?? process.env.GITHUB_ID)!,
  clientSecret: (process.env.AUTH_GITHUB_SECRET ?? process.env["GITHUB_SECRET"]) as string,
});
