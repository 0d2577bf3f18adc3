import CredentialsProvider from "next-auth/providers/credentials";
import { authorizeUser } from "./users";

export const password = CredentialsProvider({
  credentials: { email: {}, password: {} },
  authorize: authorizeUser,
});
