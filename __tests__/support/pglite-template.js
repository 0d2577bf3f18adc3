// Jest globalSetup (plain CommonJS: it runs outside Jest's module system).
// Creating an embedded PostgreSQL (initdb) costs seconds; copying a migrated one costs
// milliseconds. This builds one migrated data directory per run; each test file copies it.
const { mkdtempSync, rmSync } = require("node:fs");
const { tmpdir } = require("node:os");
const path = require("node:path");

module.exports = async function createPgliteTemplate() {
  if (process.env.TEST_DATABASE_URL) return; // PostgreSQL runs need no template
  const { PGlite } = await import("@electric-sql/pglite");
  const { drizzle } = await import("drizzle-orm/pglite");
  const { migrate } = await import("drizzle-orm/pglite/migrator");
  const dir = mkdtempSync(path.join(tmpdir(), "authref-pglite-template-"));
  const client = new PGlite(dir);
  await client.waitReady;
  await migrate(drizzle(client), { migrationsFolder: path.join(__dirname, "..", "..", "drizzle") });
  await client.close();
  process.env.PGLITE_TEMPLATE_DIR = dir;
  globalThis.__PGLITE_TEMPLATE_CLEANUP__ = () => rmSync(dir, { recursive: true, force: true });
};
