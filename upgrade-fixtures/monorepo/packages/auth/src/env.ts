import { z } from "zod";

/** The auth package's environment, parsed on first use (so `next build` needs no secret), each bad variable named. */
const schema = z.object({
  NEXTAUTH_SECRET: z.string().min(32, "NEXTAUTH_SECRET: at least 32 characters (openssl rand -base64 32)"),
  GITHUB_ID: z.string().min(1),
  GITHUB_SECRET: z.string().min(1),
  /** A GitHub-compatible server (GitHub Enterprise, or a local one in tests); github.com when unset. */
  GITHUB_URL: z.url().optional(),
  ADMIN_EMAILS: z.string().default(""),
  PGLITE_DATA_DIR: z.string().default("memory://"),
});

let parsed: z.infer<typeof schema> | undefined;

export function env(): z.infer<typeof schema> {
  parsed ??= schema.parse(process.env);
  return parsed;
}
