import Credentials from "next-auth/providers/credentials";
import { z } from "zod";
import { findUser } from "./users";

const schema = z.object({ email: z.string().email(), password: z.string() });

// Validates the whole input: v5's types need nothing more.
export const password = Credentials({
  credentials: { email: {}, password: {} },
  async authorize(credentials) {
    const { email, password } = schema.parse(credentials);
    return findUser(email, password);
  },
});
