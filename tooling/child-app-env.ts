/**
 * The environment of a child process that runs the app (`next start`, `npm run db:seed`) or a tool
 * on it (jest, `next build`). The variable list comes from lib/env.ts's schema, so a variable added
 * there is controlled here too, without editing any script.
 */
import { ENV_VARIABLES } from "@/lib/env";
import { DEMO_USERS } from "@/lib/users/seed";

/** Read by next-auth / Auth.js itself rather than by lib/env.ts (VERCEL: v4 then trusts X-Forwarded-Host). */
const READ_BY_NEXT_AUTH = ["AUTH_URL", "AUTH_TRUST_HOST", "VERCEL"];

/** The seeded accounts, in the shape of lib/users/seed.ts's DEMO_USERS. */
export type SeedAccounts = Record<keyof typeof DEMO_USERS, { email: string; password: string; name: string }>;

/**
 * The parent's environment without anything that configures the app, plus `values`: for tools
 * (install, type check, jest, build) that set or default what they need themselves.
 */
export function toolEnv(values: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };
  for (const name of [...ENV_VARIABLES, ...READ_BY_NEXT_AUTH, "PORT"]) delete env[name];
  for (const name of Object.keys(env)) if (name.startsWith("SEED_")) delete env[name];
  return { ...env, ...values };
}

/** The SEED_* variables lib/users/seed.ts reads, e.g. SEED_ADMIN_EMAIL. */
function seedVariables(accounts: SeedAccounts): Record<string, string> {
  return Object.fromEntries(
    Object.entries(accounts).flatMap(([role, account]) =>
      Object.entries(account).map(([field, value]) => [`SEED_${role.toUpperCase()}_${field.toUpperCase()}`, value]),
    ),
  );
}

interface ChildAppOptions {
  /** The app's public URL: NEXTAUTH_URL, and AUTH_URL (v5 trusts the Host header only with it; v4 ignores it). */
  url: string;
  /** Seeded by `npm run db:seed`; the demo accounts when not given. */
  accounts?: SeedAccounts;
  /** Any other variable, e.g. NEXTAUTH_SECRET or PGLITE_DATA_DIR. */
  values?: Record<string, string>;
}

/**
 * Every variable the app reads, set: what the caller gives, "" (unset, for lib/env.ts) for the
 * rest, so that nothing leaks in from the parent or from .env.local (`next start` loads it, but
 * never over a variable that is set). NODE_ENV is left to the runner: "" is not a valid value.
 */
export function childAppEnv({ url, accounts = DEMO_USERS, values = {} }: ChildAppOptions): NodeJS.ProcessEnv {
  const blank = Object.fromEntries(
    [...ENV_VARIABLES, ...READ_BY_NEXT_AUTH].filter((name) => name !== "NODE_ENV").map((name) => [name, ""]),
  );
  return toolEnv({ ...blank, NEXTAUTH_URL: url, AUTH_URL: url, ...seedVariables(accounts), ...values });
}
