import type { DefaultSession } from "next-auth";
import type { Role } from "@/lib/auth/roles";

// Importing the module being augmented keeps these declarations merging (v5 requires it for "next-auth/jwt").
import "next-auth/jwt";

declare module "next-auth" {
  interface Session {
    user: {
      id: string;
      role: Role;
    } & DefaultSession["user"];
  }

  interface User {
    role?: Role;
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    id?: string;
    role?: Role;
    /** Unix seconds of the last role/disabled read from the database. */
    roleCheckedAt?: number;
  }
}
