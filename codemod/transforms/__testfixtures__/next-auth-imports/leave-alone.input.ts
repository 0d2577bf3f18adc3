import NextAuth, { type Session } from "next-auth";
import { useSession } from "next-auth/react";

export { NextAuth, useSession };
export type { Session };
