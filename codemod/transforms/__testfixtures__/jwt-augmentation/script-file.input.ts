declare module "next-auth/jwt" {
  interface JWT {
    role?: string;
  }
}
