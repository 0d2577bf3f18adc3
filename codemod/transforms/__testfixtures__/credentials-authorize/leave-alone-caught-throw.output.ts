import Credentials from "next-auth/providers/credentials";
import Auth0 from "next-auth/providers/auth0";
import { lookUpMember } from "./members";

export const providers = [
  Auth0({
    clientId: process.env.AUTH0_ID!,
    clientSecret: process.env.AUTH0_SECRET!,
    issuer: process.env.AUTH0_ISSUER,
    // Its authorize endpoint, named for the login screen:
    authorization: { url: `${process.env.AUTH0_ISSUER}/authorize`, params: { prompt: "login" } },
  }),
  Credentials({
    credentials: { email: {}, password: {} },
    async authorize(credentials) {
      const parsed = credentials as Record<"email" | "password", string>;
      try {
        const member = await lookUpMember(parsed);
        if (!member) throw new Error("no such member");
        return member;
      } catch {
        return null;
      }
    },
  }),
];

export function assertConfigured() {
  if (!process.env.AUTH0_ID) throw new Error("AUTH0_ID is missing");
}
