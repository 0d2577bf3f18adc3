import NextAuth from "next-auth";
import { authConfig, runtimeOptions } from "@/auth.config";
import { withLegacyV4Sessions } from "@/lib/auth/legacy-v4-session";
import { env } from "@/lib/env";

/**
 * Next 16 renames middleware.ts to proxy.ts and the export to `proxy`; nothing else changes.
 * (`npx @next/codemod@latest middleware-to-proxy .` does the rename.) The rule stays in
 * `callbacks.authorized` (auth.config.ts).
 */
const { auth } = withLegacyV4Sessions(NextAuth(() => ({ ...authConfig, ...runtimeOptions(env()) })));

export const proxy = auth;

export const config = {
  matcher: ["/((?!api|_next/static|_next/image|favicon.ico).*)"],
};
