import { loadProjectEnv } from "../tooling/load-env";

loadProjectEnv();

async function main() {
  const { closeDb, databaseKind, migrateDatabase } = await import("@/lib/db/client");
  const started = Date.now();
  await migrateDatabase();
  console.log(`[db:migrate] ${await databaseKind()} database is up to date (${Date.now() - started} ms)`);
  await closeDb();
}

main().catch((error: Error) => {
  console.error(`[db:migrate] failed: ${error.message}`);
  process.exit(1);
});
