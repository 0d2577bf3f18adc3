// ==> auth.ts
import NextAuth from "next-auth";
import { getAuthOptions } from "@/lib/auth/options";
import { withLegacyV4 } from "./legacy-v4-session";

// Options are built on the first request.
export const { handlers, auth, signIn, signOut } = withLegacyV4(NextAuth)(() => getAuthOptions());

// ==> app/api/auth/[...nextauth]/route.ts
import { handlers } from "@/auth";

// Auth.js v5 has no Pages API handler: its endpoints live here; everything else stays in pages/.
export const { GET, POST } = handlers;

// ==> legacy-v4-session.ts (codemod/templates/legacy-v4-session.ts)
// ==> pages/api/auth/[...nextauth].ts deleted
