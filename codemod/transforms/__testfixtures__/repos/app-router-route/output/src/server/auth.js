import GithubProvider from "next-auth/providers/github";

export const authOptions = {
  providers: [GithubProvider({ clientId: process.env.AUTH_GITHUB_ID ?? process.env.GITHUB_ID, clientSecret: process.env.AUTH_GITHUB_SECRET ?? process.env.GITHUB_SECRET })],
};
