// ==> auth.ts
import NextAuth from "next-auth";
import { authOptions } from "@/lib/auth";
import { withLegacyV4 } from "./legacy-v4-session";

export const { handlers, auth, signIn, signOut } = withLegacyV4(NextAuth)(authOptions);

// ==> legacy-v4-session.ts (codemod/templates/legacy-v4-session.ts)

// ==> app/api/auth/[...nextauth]/route.tsx
import { handlers } from "@/auth";

export const { GET, POST } = handlers;
