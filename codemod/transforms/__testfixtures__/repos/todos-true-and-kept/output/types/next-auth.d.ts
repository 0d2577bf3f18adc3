import type { DefaultSession } from "next-auth";

declare module "next-auth" {
  interface SessionUser {
    id: string;
  }
  interface Session {
    user: SessionUser & DefaultSession["user"];
  }
}
