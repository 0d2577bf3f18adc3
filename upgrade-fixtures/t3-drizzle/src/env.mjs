import { z } from "zod";

/**
 * The server's environment, parsed once, each bad variable named. `next build` runs without a
 * secret: it is checked when a request reads it.
 */
const schema = z.object({
  NEXTAUTH_SECRET: z.string().min(32, "NEXTAUTH_SECRET: at least 32 characters (openssl rand -base64 32)"),
  /** Unset where the platform or the proxy says the host (Vercel, AUTH_TRUST_HOST). */
  NEXTAUTH_URL: z.url().optional(),
  GITHUB_ID: z.string().min(1),
  GITHUB_SECRET: z.string().min(1),
  /** A GitHub-compatible server (GitHub Enterprise, or a local one in tests); github.com when unset. */
  GITHUB_URL: z.url().optional(),
  PGLITE_DATA_DIR: z.string().default("memory://"),
});

/** @type {z.infer<typeof schema> | undefined} */
let parsed;

/** @returns {z.infer<typeof schema>} */
export function env() {
  parsed ??= schema.parse(process.env);
  return parsed;
}
