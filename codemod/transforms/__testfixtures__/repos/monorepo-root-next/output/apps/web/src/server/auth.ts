import type { NextAuthConfig } from "next-auth";

export const authOptions: NextAuthConfig = {
  providers: [],
  session: { strategy: "jwt" },
};
