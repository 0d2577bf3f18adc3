import NextAuth from "next-auth";
import { authOptions } from "../../../lib/auth";

// Mounts next-auth.
export default NextAuth(authOptions);
