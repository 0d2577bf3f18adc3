// Jest globalSetup (plain CommonJS: it runs outside Jest's module system).
// Creating an embedded PostgreSQL (initdb) and migrating it costs seconds before any test can
// start; loading an archive of a migrated one costs under one. This makes that archive once per
// set of migrations and PGlite version, kept in node_modules/.cache; each test file loads it.
const { createHash } = require("node:crypto");
const { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } = require("node:fs");
const path = require("node:path");

const root = path.join(__dirname, "..", "..");
const migrationsFolder = path.join(root, "drizzle");

/** Changes when a migration or the PGlite version changes, so a stale archive is never loaded. */
function archiveKey() {
  const hash = createHash("sha256");
  // Its package.json is not in its exports map: read it from the folder.
  hash.update(
    JSON.parse(readFileSync(path.join(root, "node_modules", "@electric-sql", "pglite", "package.json"), "utf8"))
      .version,
  );
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const file = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(file);
      else hash.update(path.relative(migrationsFolder, file)).update(readFileSync(file));
    }
  };
  walk(migrationsFolder);
  return hash.digest("hex").slice(0, 16);
}

module.exports = async function createPgliteTemplate() {
  if (process.env.TEST_DATABASE_URL) return; // PostgreSQL runs need no template
  const cacheDir = path.join(root, "node_modules", ".cache", "authref-pglite-template");
  const archive = path.join(cacheDir, `${archiveKey()}.tar`);
  if (!existsSync(archive)) {
    const { PGlite } = await import("@electric-sql/pglite");
    const { drizzle } = await import("drizzle-orm/pglite");
    const { migrate } = await import("drizzle-orm/pglite/migrator");
    const client = new PGlite("memory://");
    await client.waitReady;
    await migrate(drizzle(client), { migrationsFolder });
    const dump = Buffer.from(await (await client.dumpDataDir("none")).arrayBuffer());
    await client.close();
    mkdirSync(cacheDir, { recursive: true });
    // Written whole, then renamed: a run stopped half-way leaves no truncated archive behind.
    const partial = `${archive}.${process.pid}.partial`;
    writeFileSync(partial, dump);
    renameSync(partial, archive);
    for (const old of readdirSync(cacheDir))
      if (old.endsWith(".tar") && path.join(cacheDir, old) !== archive) rmSync(path.join(cacheDir, old));
  }
  process.env.PGLITE_TEMPLATE_ARCHIVE = archive;
};
