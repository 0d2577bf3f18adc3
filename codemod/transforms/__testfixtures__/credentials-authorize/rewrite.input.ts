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
      async authorize(credentials) {
        if (!credentials) return null;
        return findUser(credentials.email, credentials.password);
      },
    }),
  ],
});
