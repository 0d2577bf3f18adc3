/**
 * The accounts of a security run besides the demo admin and user (DEMO_USERS), created in the
 * run's database through the app's own seed and repository modules (so the rows look exactly like
 * real ones).
 */

const EXTRA_PASSWORD = "security-run-password";

const extra = (local: string) => ({ email: `${local}@security.test`, password: EXTRA_PASSWORD, name: local });

/** Distinct users for the load run: each response must show exactly the user of its cookie. */
export const LOAD_USERS = Array.from({ length: 20 }, (_, i) => extra(`load-${String(i + 1).padStart(2, "0")}`));
/** Changed by the legitimate admin writes of the corpus. */
export const TARGET = extra("target");
/** Promoted and demoted through one instance, observed on the other. */
export const PROMOTED = extra("promoted");
/** Signs out everywhere through one instance; its old token is tried on the other. */
export const EVERYWHERE = extra("everywhere");
/** Collects failed sign-ins until the per-account limit answers. */
export const LIMITED = extra("limited");

/**
 * Migrates and seeds the database at `databaseUrl`. Runs in this process: the app modules read
 * DATABASE_URL and NEXTAUTH_SECRET through lib/env, so they are set before the first import.
 */
export async function seedRunDatabase(databaseUrl: string, secret: string): Promise<Map<string, string>> {
  process.env.DATABASE_URL = databaseUrl;
  process.env.NEXTAUTH_SECRET = secret;
  const { migrateDatabase, closeDb } = await import("@/lib/db/client");
  const { seedAccounts, seedUsers } = await import("@/lib/users/seed");
  const { createUser, listUsers } = await import("@/lib/users/repository");
  const { hashPassword } = await import("@/lib/users/password");
  try {
    await migrateDatabase();
    await seedUsers(seedAccounts({}, false)); // the demo admin and user
    const passwordHash = await hashPassword(EXTRA_PASSWORD);
    for (const account of [...LOAD_USERS, TARGET, PROMOTED, EVERYWHERE, LIMITED]) {
      await createUser({ email: account.email, name: account.name, role: "user", passwordHash });
    }
    return new Map((await listUsers()).map((user) => [user.email ?? user.id, user.id]));
  } finally {
    await closeDb();
  }
}
