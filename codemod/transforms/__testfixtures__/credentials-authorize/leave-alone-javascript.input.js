import CredentialsProvider from "next-auth/providers/credentials";
import { findUser } from "./users";

// JavaScript: v5's types change nothing here.
export const password = CredentialsProvider({
  credentials: { email: {}, password: {} },
  async authorize(credentials) {
    return findUser(credentials.email, credentials.password);
  },
});
