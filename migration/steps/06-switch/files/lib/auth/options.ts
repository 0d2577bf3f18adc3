import type { NextAuthConfig } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { authConfig, runtimeOptions } from "@/auth.config";
import { buildCallbacks } from "@/lib/auth/callbacks";
import { authorizeCredentials } from "@/lib/auth/credentials";
import { githubProvider } from "@/lib/auth/github";
import { authLogger } from "@/lib/auth/logger";
import type { Env } from "@/lib/env";
import { clientAddressFromRequest } from "@/lib/http/client-address";

export { SESSION_MAX_AGE_SECONDS, SESSION_UPDATE_AGE_SECONDS } from "@/auth.config";

/**
 * The whole Auth.js configuration: the Edge-safe part plus providers and database callbacks.
 * Only auth.ts uses it; pages and API routes call `auth` from lib/auth/session.ts.
 * @see https://authjs.dev/reference/nextjs#nextauthconfig
 */
export function buildAuthConfig(config: Env): NextAuthConfig {
  return {
    ...authConfig,
    ...runtimeOptions(config),
    providers: [
      Credentials({
        id: "credentials",
        name: "Email and password",
        credentials: {
          email: { label: "Email", type: "email" },
          password: { label: "Password", type: "password" },
        },
        authorize: (credentials, request) =>
          authorizeCredentials(credentials, clientAddressFromRequest(request, config.trustProxy)),
      }),
      ...(config.github ? [githubProvider(config.github)] : []),
    ],
    callbacks: { ...authConfig.callbacks, ...buildCallbacks(config) },
    logger: authLogger,
  };
}
