import { z } from "zod";

/**
 * The server's environment, checked on first read (so `next build` needs no secret), each bad
 * variable named in the error.
 */
const server = z.object({
  NEXTAUTH_SECRET: z.string().min(32, "NEXTAUTH_SECRET: at least 32 characters (openssl rand -base64 32)"),
  NEXTAUTH_URL: z.url().optional(),
  GITHUB_ID: z.string().min(1),
  GITHUB_SECRET: z.string().min(1),
  /** A GitHub Enterprise (or a local GitHub-compatible server in tests); github.com when unset. */
  GITHUB_URL: z.url().optional(),
  /** Comma-separated: who may open /admin. */
  ADMIN_EMAILS: z.string().default(""),
});

/** @type {z.infer<typeof server> | undefined} */
let checked;

/** @returns {z.infer<typeof server>} */
export function env() {
  checked ??= server.parse(process.env);
  return checked;
}
