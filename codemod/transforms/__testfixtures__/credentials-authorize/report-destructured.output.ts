import CredentialsProvider from "next-auth/providers/credentials";
import { findUser } from "./users";

export const password = CredentialsProvider({
  credentials: { email: {}, password: {} },
  authorize: async ({ email, password }, req) => findUser(email, password, req.body),
});
