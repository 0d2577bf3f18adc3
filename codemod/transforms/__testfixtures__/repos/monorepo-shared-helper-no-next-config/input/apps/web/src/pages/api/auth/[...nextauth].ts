import NextAuth from "next-auth";
import { authOptions } from "@acme/auth";

export default NextAuth(authOptions);
