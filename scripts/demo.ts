/**
 * `npm run demo`: secret → migrate → seed → build → serve, on the embedded database by default.
 * The process environment wins over .env.local (PORT, NEXTAUTH_URL, SEED_*, ROLE_RECHECK_SECONDS, …).
 */
import { spawn } from "node:child_process";
import path from "node:path";
import { ensureSecretInEnvFile } from "../tooling/env-file";
import { loadProjectEnv } from "../tooling/load-env";

const started = Date.now();
const step = (message: string) => console.log(`[demo ${((Date.now() - started) / 1000).toFixed(1)}s] ${message}`);

function run(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: "inherit", env });
    child.on("error", reject);
    child.on("exit", (code) =>
      code === 0 ? resolve() : reject(new Error(`${command} ${args.join(" ")} exited with ${code}`)),
    );
  });
}

async function main() {
  const envFile = path.join(process.cwd(), ".env.local");
  if (ensureSecretInEnvFile(envFile)) step("wrote a random NEXTAUTH_SECRET to .env.local");
  else step("using the secret already set in .env.local");

  loadProjectEnv();
  const port = process.env.PORT ?? "3000";
  process.env.NEXTAUTH_URL ??= `http://localhost:${port}`;

  const { env } = await import("@/lib/env");
  const config = env(); // stops here with a clear message if a variable is wrong
  const { closeDb, databaseKind, migrateDatabase } = await import("@/lib/db/client");
  const { seedAccounts, seedUsers } = await import("@/lib/users/seed");

  await migrateDatabase();
  step(`database migrated (${await databaseKind()}${config.databaseUrl ? "" : `, ${config.pgliteDataDir}`})`);
  for (const { email, created } of await seedUsers(seedAccounts(process.env, false))) {
    step(`${email}: ${created ? "created" : "already exists, kept"}`);
  }
  await closeDb(); // the embedded database allows one process at a time: the server is next

  const nextBin = require.resolve("next/dist/bin/next");
  const childEnv: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" };
  step("building (next build)…");
  await run(process.execPath, [nextBin, "build"], childEnv);
  step(`serving ${process.env.NEXTAUTH_URL} (Ctrl+C to stop)`);
  await run(process.execPath, [nextBin, "start", "-p", port], childEnv);
}

main().catch((error: Error) => {
  console.error(`[demo] ${error.message}`);
  process.exit(1);
});
