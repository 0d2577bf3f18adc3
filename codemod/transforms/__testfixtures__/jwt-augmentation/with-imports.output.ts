import type { DefaultSession } from "next-auth";

// v5 merges the "next-auth/jwt" augmentation only when the module is imported (TS2664).
import "next-auth/jwt";

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
