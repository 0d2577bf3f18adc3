/* Copyright ACME. Keep me first. */
declare module "next-auth/jwt" {
  interface JWT {
    tenant?: string;
  }
}
