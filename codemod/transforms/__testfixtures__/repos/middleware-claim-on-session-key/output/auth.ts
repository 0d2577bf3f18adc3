import NextAuth from "next-auth";
import { authOptions } from "./lib/auth";
import { withLegacyV4 } from "./legacy-v4-session";

export const { handlers, auth, signIn, signOut } = withLegacyV4(NextAuth)(authOptions);
