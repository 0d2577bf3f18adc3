import type { NextAuthOptions } from "next-auth";
import GitHubProvider from "next-auth/providers/github";

export async function getAuthOptions(attribution: { adClickIds: Record<string, string> }): Promise<NextAuthOptions> {
  return {
    providers: [GitHubProvider({ clientId: process.env.GITHUB_ID!, clientSecret: process.env.GITHUB_SECRET! })],
    events: {
      createUser: ({ user }) => console.info("sign-up", user.id, attribution.adClickIds),
    },
  };
}
