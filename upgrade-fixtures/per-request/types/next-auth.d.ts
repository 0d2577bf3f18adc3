import type { DefaultSession } from "next-auth";
import type { Tenant } from "@/lib/tenants";

declare module "next-auth" {
  interface Session {
    user: DefaultSession["user"] & { id: string; role: "admin" | "user" };
    tenant: Tenant;
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    role?: "admin" | "user";
    tenant?: Tenant;
  }
}
