import type { JWT } from "next-auth/jwt";

export function roleOf(token: JWT) {
  return token.role;
}

declare module "next-auth/jwt" {
  interface JWT {
    role?: string;
  }
}
