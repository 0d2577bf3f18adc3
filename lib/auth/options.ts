import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { buildCallbacks } from "@/lib/auth/callbacks";
import { authorizeCredentials } from "@/lib/auth/credentials";
import { githubProvider } from "@/lib/auth/github";
import { authLogger } from "@/lib/auth/logger";
import { decodeSessionToken, encodeSessionToken } from "@/lib/auth/session-token";
import { env, type Env } from "@/lib/env";
import { clientAddressFromHeaders } from "@/lib/http/client-address";

export const SESSION_MAX_AGE_SECONDS = 30 * 24 * 60 * 60; // 30 days
export const SESSION_UPDATE_AGE_SECONDS = 24 * 60 * 60; // re-issue the cookie at most daily

/**
 * The whole next-auth configuration. Pages and API routes never import this: they use
 * getServerAuthSession() or the guards in lib/auth/guards.ts.
 * @see https://next-auth.js.org/configuration/options
 */
export function buildAuthOptions(config: Env): NextAuthOptions {
  return {
    secret: config.secret,
    providers: [
      CredentialsProvider({
        id: "credentials",
        name: "Email and password",
        credentials: {
          email: { label: "Email", type: "email" },
          password: { label: "Password", type: "password" },
        },
        authorize: (credentials, req) => authorizeCredentials(credentials, clientAddressFromHeaders(req.headers)),
      }),
      ...(config.github ? [githubProvider(config.github)] : []),
    ],
    session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS, updateAge: SESSION_UPDATE_AGE_SECONDS },
    // Optional speed-up: v4's token format, the derived key cached across requests (lib/auth/session-token.ts).
    jwt: { encode: encodeSessionToken, decode: decodeSessionToken },
    pages: { signIn: "/login", error: "/login" },
    callbacks: buildCallbacks(config),
    logger: authLogger,
  };
}

let cached: { config: Env; options: NextAuthOptions } | undefined;

/** The options for this process's environment, built once. */
export function getAuthOptions(): NextAuthOptions {
  const config = env();
  if (cached?.config !== config) cached = { config, options: buildAuthOptions(config) };
  return cached.options;
}
