/* Copyright ACME. Keep me first. */
// v5 merges the "next-auth/jwt" augmentation only when the module is imported (TS2664).
import "next-auth/jwt";

declare module "next-auth/jwt" {
  interface JWT {
    tenant?: string;
  }
}
