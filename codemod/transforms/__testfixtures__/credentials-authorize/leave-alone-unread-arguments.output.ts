import Credentials from "next-auth/providers/credentials";
import { signInAsGuest } from "./guests";

// Neither the credentials nor the request are read: v5's types change nothing here.
export const guest = Credentials({
  id: "guest",
  credentials: { nickname: { label: "Nickname" } },
  async authorize(_credentials, _request) {
    return signInAsGuest();
  },
});

export const demo = Credentials({
  id: "demo",
  authorize: async (input) => signInAsGuest(),
});
