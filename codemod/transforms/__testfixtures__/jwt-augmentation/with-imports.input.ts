import type { DefaultSession } from "next-auth";

declare module "next-auth" {
  interface Session {
    user: { id: string } & DefaultSession["user"];
  }
}

// Claims we add in the jwt callback.
declare module "next-auth/jwt" {
  interface JWT {
    id?: string;
  }
}
