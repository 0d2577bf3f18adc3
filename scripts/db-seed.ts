import { loadProjectEnv } from "../tooling/load-env";

loadProjectEnv();

async function main() {
  const { closeDb, migrateDatabase } = await import("@/lib/db/client");
  const { env } = await import("@/lib/env");
  const { seedAccounts, seedUsers } = await import("@/lib/users/seed");
  const accounts = seedAccounts(process.env, env().nodeEnv === "production");
  await migrateDatabase();
  for (const { email, created } of await seedUsers(accounts)) {
    console.log(`[db:seed] ${email}: ${created ? "created" : "already exists, kept"}`);
  }
  await closeDb();
}

main().catch((error: Error) => {
  console.error(`[db:seed] failed: ${error.message}`);
  process.exit(1);
});
