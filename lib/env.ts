import { z } from "zod";

/**
 * The one place environment variables are read and checked.
 * Parsed lazily on first use so that `next build` needs no secrets and no database.
 * Every variable is documented in `.env.example`.
 */

const csv = z
  .string()
  .optional()
  .transform((value) =>
    (value ?? "")
      .split(",")
      .map((item) => item.trim().toLowerCase())
      .filter(Boolean),
  );

const emptyAsUndefined = (value: unknown) => (value === "" ? undefined : value);
const optionalText = z.preprocess(emptyAsUndefined, z.string().optional());
const optionalUrl = z.preprocess(emptyAsUndefined, z.url().optional());

/** A whole number of seconds, with a default and an upper bound. */
function seconds(fallback: number, max: number) {
  return z.preprocess(emptyAsUndefined, z.coerce.number().int().min(0).max(max).default(fallback));
}

/** scrypt's cost for new password hashes: OWASP's N=2^17. Only tests may lower it (to 2^10). */
export const PASSWORD_HASH_LOG2_N = 17;
const PASSWORD_HASH_MIN_LOG2_N = 10;

const envSchema = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
    NEXTAUTH_SECRET: optionalText,
    AUTH_SECRET: optionalText,
    NEXTAUTH_URL: optionalUrl,
    AUTH_GITHUB_ID: optionalText,
    AUTH_GITHUB_SECRET: optionalText,
    GITHUB_ID: optionalText,
    GITHUB_SECRET: optionalText,
    AUTH_GITHUB_ENTERPRISE_URL: optionalUrl,
    ADMIN_EMAILS: csv,
    DATABASE_URL: z.preprocess(
      emptyAsUndefined,
      z
        .string()
        .regex(/^postgres(ql)?:\/\//, "must be a postgres:// or postgresql:// URL")
        .optional(),
    ),
    PGLITE_DATA_DIR: z.preprocess(emptyAsUndefined, z.string().default(".data/pglite")),
    ROLE_RECHECK_SECONDS: seconds(60, 86_400),
    SESSION_MAX_LIFETIME: seconds(30 * 24 * 60 * 60, 365 * 24 * 60 * 60),
    REAUTH_WINDOW_SECONDS: seconds(15 * 60, 7 * 24 * 60 * 60),
    RATE_LIMIT_ACCOUNT_ATTEMPTS: z.preprocess(emptyAsUndefined, z.coerce.number().int().min(1).max(10_000).default(5)),
    RATE_LIMIT_IP_ATTEMPTS: z.preprocess(emptyAsUndefined, z.coerce.number().int().min(1).max(100_000).default(20)),
    TRUST_PROXY: z.preprocess(emptyAsUndefined, z.enum(["true", "false"]).default("false")),
    PASSWORD_HASH_LOG2_N: z.preprocess(
      emptyAsUndefined,
      z.coerce.number().int().min(PASSWORD_HASH_MIN_LOG2_N).max(PASSWORD_HASH_LOG2_N).default(PASSWORD_HASH_LOG2_N),
    ),
  })
  .transform((raw, ctx) => {
    const secret = raw.NEXTAUTH_SECRET ?? raw.AUTH_SECRET;
    if (!secret) {
      ctx.addIssue({
        code: "custom",
        path: ["NEXTAUTH_SECRET"],
        message: "is required (run `npm run demo` once, or `openssl rand -base64 32`)",
      });
    } else if (secret.length < 32) {
      ctx.addIssue({
        code: "custom",
        path: ["NEXTAUTH_SECRET"],
        message: "must be at least 32 characters",
      });
    }
    if (raw.NODE_ENV === "production" && !raw.NEXTAUTH_URL) {
      // Without it next-auth v4 guesses the origin, and with AUTH_TRUST_HOST trusts X-Forwarded-Host.
      ctx.addIssue({
        code: "custom",
        path: ["NEXTAUTH_URL"],
        message: "is required in production (the public URL of the app)",
      });
    }
    if (raw.NODE_ENV === "production" && raw.PASSWORD_HASH_LOG2_N !== PASSWORD_HASH_LOG2_N) {
      ctx.addIssue({
        code: "custom",
        path: ["PASSWORD_HASH_LOG2_N"],
        message: `is for tests only: production hashes at N=2^${PASSWORD_HASH_LOG2_N} (unset it)`,
      });
    }
    const githubId = raw.AUTH_GITHUB_ID ?? raw.GITHUB_ID;
    const githubSecret = raw.AUTH_GITHUB_SECRET ?? raw.GITHUB_SECRET;
    if (Boolean(githubId) !== Boolean(githubSecret)) {
      ctx.addIssue({
        code: "custom",
        path: [githubId ? "AUTH_GITHUB_SECRET" : "AUTH_GITHUB_ID"],
        message: "GitHub sign-in needs both AUTH_GITHUB_ID and AUTH_GITHUB_SECRET",
      });
    }
    return {
      nodeEnv: raw.NODE_ENV,
      secret: secret ?? "",
      baseUrl: new URL(raw.NEXTAUTH_URL ?? "http://localhost:3000").origin,
      github:
        githubId && githubSecret
          ? { clientId: githubId, clientSecret: githubSecret, enterpriseUrl: raw.AUTH_GITHUB_ENTERPRISE_URL }
          : undefined,
      adminEmails: raw.ADMIN_EMAILS,
      databaseUrl: raw.DATABASE_URL,
      pgliteDataDir: raw.PGLITE_DATA_DIR,
      roleRecheckSeconds: raw.ROLE_RECHECK_SECONDS,
      sessionMaxLifetimeSeconds: raw.SESSION_MAX_LIFETIME,
      reauthWindowSeconds: raw.REAUTH_WINDOW_SECONDS,
      rateLimit: {
        accountAttempts: raw.RATE_LIMIT_ACCOUNT_ATTEMPTS,
        ipAttempts: raw.RATE_LIMIT_IP_ATTEMPTS,
        windowSeconds: 15 * 60,
      },
      trustProxy: raw.TRUST_PROXY === "true",
      passwordHashLog2N: raw.PASSWORD_HASH_LOG2_N,
    };
  });

export type Env = z.output<typeof envSchema>;

/** Every variable the schema reads, e.g. for tooling that starts the app with a clean environment. */
export const ENV_VARIABLES = Object.keys(envSchema.in.shape) as (keyof typeof envSchema.in.shape)[];

export class EnvError extends Error {
  constructor(issues: readonly z.core.$ZodIssue[]) {
    const lines = issues.map((issue) => `  - ${issue.path.join(".") || "environment"}: ${issue.message}`);
    super(`Invalid environment. Set these in .env.local or the process environment:\n${lines.join("\n")}`);
    this.name = "EnvError";
  }
}

/** Parses an environment object; throws an EnvError that names each bad variable. */
export function parseEnv(source: Record<string, string | undefined>): Env {
  const result = envSchema.safeParse(source);
  if (!result.success) throw new EnvError(result.error.issues);
  return result.data;
}

let cached: Env | undefined;

/** The validated environment of this process, parsed once. */
export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}

/** Tests change process.env between cases; this forgets the parsed copy. */
export function resetEnvForTests(): void {
  cached = undefined;
}
