import NextAuth from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { findUser } from "./users";

export default NextAuth({
  providers: [
    CredentialsProvider({
      name: "Password",
      credentials: {
        email: { label: "Email" },
        password: { label: "Password", type: "password" },
      },
      async authorize(v5Credentials) {
        // v5 types these as unknown: the cast keeps v4's types.
        const credentials = v5Credentials as Record<"email" | "password", string>;
        if (!credentials) return null;
        return findUser(credentials.email, credentials.password);
      },
    }),
  ],
});
