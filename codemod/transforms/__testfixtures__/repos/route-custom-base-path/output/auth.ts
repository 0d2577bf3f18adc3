import NextAuth from "next-auth";
import DiscordProvider from "next-auth/providers/discord";
import { withLegacyV4 } from "./legacy-v4-session";

// The API is versioned, next-auth with it: NEXTAUTH_URL ends in /api/v2/auth.
export const { handlers, auth, signIn, signOut } = withLegacyV4(NextAuth)(() => ({
    basePath: "/api/v2/auth",
    providers: [
      DiscordProvider({
        clientId: process.env.DISCORD_CLIENT_ID!,
        clientSecret: process.env.DISCORD_CLIENT_SECRET!,
      }),
    ],
    pages: { signIn: "/login" },
  }));
