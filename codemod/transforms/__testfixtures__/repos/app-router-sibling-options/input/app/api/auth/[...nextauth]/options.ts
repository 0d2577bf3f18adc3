import { NextAuthOptions } from "next-auth";
import GitHub from "next-auth/providers/github";

export const authOptions: NextAuthOptions = { providers: [GitHub({ clientId: "a", clientSecret: "b" })] };
