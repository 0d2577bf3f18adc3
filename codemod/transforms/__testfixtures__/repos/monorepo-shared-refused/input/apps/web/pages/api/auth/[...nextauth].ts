import NextAuth from "next-auth";
import { authOptions } from "@acme/auth/options";

export default NextAuth(authOptions);
