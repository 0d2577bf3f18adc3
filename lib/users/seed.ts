import { z } from "zod";
import { hashPassword } from "@/lib/users/password";
import type { Role } from "@/lib/users/roles";
import { createUser, findUserByEmail } from "@/lib/users/repository";

/** The demo accounts used when SEED_* are unset, outside production only. Listed in the README. */
export const DEMO_USERS = {
  admin: { email: "admin@example.com", password: "admin-demo-password", name: "Ada Admin" },
  user: { email: "user@example.com", password: "user-demo-password", name: "Uma User" },
} as const;

const MIN_PRODUCTION_PASSWORD_LENGTH = 12;

const seedEnvSchema = z.object({
  SEED_ADMIN_EMAIL: z.email().optional(),
  SEED_ADMIN_PASSWORD: z.string().min(8).max(256).optional(),
  SEED_ADMIN_NAME: z.string().min(1).max(80).optional(),
  SEED_USER_EMAIL: z.email().optional(),
  SEED_USER_PASSWORD: z.string().min(8).max(256).optional(),
  SEED_USER_NAME: z.string().min(1).max(80).optional(),
});

export interface SeedAccount {
  email: string;
  password: string;
  name: string;
  role: Role;
}

/** The accounts to seed, from SEED_* or the demo defaults; refuses weak passwords in production. */
export function seedAccounts(source: Record<string, string | undefined>, production: boolean): SeedAccount[] {
  const blankAsUnset = Object.fromEntries(Object.entries(source).filter(([, value]) => value !== ""));
  const parsed = seedEnvSchema.safeParse(blankAsUnset);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((issue) => `  - ${issue.path.join(".")}: ${issue.message}`).join("\n");
    throw new Error(`Invalid seed settings:\n${issues}`);
  }
  const seed = parsed.data;
  const accounts: SeedAccount[] = [
    {
      role: "admin",
      email: seed.SEED_ADMIN_EMAIL ?? DEMO_USERS.admin.email,
      password: seed.SEED_ADMIN_PASSWORD ?? DEMO_USERS.admin.password,
      name: seed.SEED_ADMIN_NAME ?? DEMO_USERS.admin.name,
    },
    {
      role: "user",
      email: seed.SEED_USER_EMAIL ?? DEMO_USERS.user.email,
      password: seed.SEED_USER_PASSWORD ?? DEMO_USERS.user.password,
      name: seed.SEED_USER_NAME ?? DEMO_USERS.user.name,
    },
  ];
  if (production) {
    const demoPasswords: string[] = [DEMO_USERS.admin.password, DEMO_USERS.user.password];
    for (const account of accounts) {
      const variable = account.role === "admin" ? "SEED_ADMIN_PASSWORD" : "SEED_USER_PASSWORD";
      if (demoPasswords.includes(account.password)) {
        throw new Error(`${variable} is unset or a demo default: set a real password to seed in production.`);
      }
      if (account.password.length < MIN_PRODUCTION_PASSWORD_LENGTH) {
        throw new Error(`${variable} must be at least ${MIN_PRODUCTION_PASSWORD_LENGTH} characters in production.`);
      }
    }
  }
  return accounts;
}

/** Creates each account that does not exist yet; existing users and their data are kept. */
export async function seedUsers(accounts: SeedAccount[]): Promise<{ email: string; created: boolean }[]> {
  const results: { email: string; created: boolean }[] = [];
  for (const account of accounts) {
    if (await findUserByEmail(account.email)) {
      results.push({ email: account.email, created: false });
      continue;
    }
    await createUser({
      email: account.email,
      name: account.name,
      role: account.role,
      passwordHash: await hashPassword(account.password),
    });
    results.push({ email: account.email, created: true });
  }
  return results;
}
