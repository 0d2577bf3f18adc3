import CredentialsProvider from "next-auth/providers/credentials";
import { fields, findUser } from "./users";

export const password = CredentialsProvider({
  credentials: fields,
  async authorize(credentials) {
    return findUser(credentials?.email ?? "", credentials?.password ?? "");
  },
});
