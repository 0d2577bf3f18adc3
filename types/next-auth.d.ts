import type { DefaultSession } from "next-auth";
import type { Role } from "@/lib/users/roles";

// Importing the module being augmented keeps these declarations merging (v5 requires it for "next-auth/jwt").
import "next-auth/jwt";

declare module "next-auth" {
  interface Session {
    user: {
      id: string;
      role: Role;
    } & DefaultSession["user"];
    /** Unix seconds of the sign-in: sensitive actions ask for a recent one. */
    authTime: number;
    /** Set when the periodic database re-check could not run: guards answer 503. */
    accessUnverified?: true;
  }

  interface User {
    role?: Role;
    sessionVersion?: number;
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    id?: string;
    role?: Role;
    /** Unix seconds of the last role/disabled/session-version read from the database. */
    roleCheckedAt?: number;
    /** The user's session version at sign-in; "sign out everywhere" bumps the stored one. */
    sessionVersion?: number;
    /** Unix seconds of the sign-in, for the absolute lifetime cap and re-authentication. */
    authTime?: number;
    /** The last re-check could not reach the database. */
    accessUnverified?: true;
  }
}
