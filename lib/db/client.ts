import { mkdirSync } from "node:fs";
import path from "node:path";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { env } from "@/lib/env";
import * as schema from "./schema";

export type Database = PgDatabase<PgQueryResultHKT, typeof schema>;

interface Connection {
  db: Database;
  kind: "pglite" | "postgres";
  migrate(): Promise<void>;
  close(): Promise<void>;
}

const migrationsFolder = path.join(process.cwd(), "drizzle");

// Modules are imported only when a connection is opened, so `next build` never touches a database.
async function openPostgres(url: string): Promise<Connection> {
  const [{ Pool }, { drizzle }, { migrate }] = await Promise.all([
    import("pg"),
    import("drizzle-orm/node-postgres"),
    import("drizzle-orm/node-postgres/migrator"),
  ]);
  const pool = new Pool({ connectionString: url, max: 10, connectionTimeoutMillis: 5_000 });
  // An idle client that loses its server emits 'error'; without a listener Node would crash.
  pool.on("error", (error) => console.error("[db] idle PostgreSQL client error:", error.message));
  const db = drizzle(pool, { schema });
  return {
    db: db as unknown as Database,
    kind: "postgres",
    migrate: () => migrate(db, { migrationsFolder }),
    close: () => pool.end(),
  };
}

/** `archive`: a data directory dumped by PGlite (`dumpDataDir`), loaded into memory instead. */
async function openPglite(dataDir: string, archive?: Blob): Promise<Connection> {
  const [{ PGlite }, { drizzle }, { migrate }] = await Promise.all([
    import("@electric-sql/pglite"),
    import("drizzle-orm/pglite"),
    import("drizzle-orm/pglite/migrator"),
  ]);
  const isMemory = archive !== undefined || dataDir.startsWith("memory://");
  if (!isMemory) mkdirSync(path.dirname(path.resolve(dataDir)), { recursive: true });
  const client = archive
    ? new PGlite({ loadDataDir: archive })
    : new PGlite(isMemory ? dataDir : path.resolve(dataDir));
  await client.waitReady;
  const db = drizzle(client, { schema });
  return {
    db: db as unknown as Database,
    kind: "pglite",
    migrate: () => migrate(db, { migrationsFolder }),
    close: () => client.close(),
  };
}

/** One connection per process: pages and API routes load this module in separate webpack runtimes, and two PGlite instances on one directory miss each other's writes. */
const shared = globalThis as typeof globalThis & { __appDbConnection?: Promise<Connection> };

function connect(): Promise<Connection> {
  const { databaseUrl, pgliteDataDir } = env();
  shared.__appDbConnection ??= (databaseUrl ? openPostgres(databaseUrl) : openPglite(pgliteDataDir)).catch((error) => {
    shared.__appDbConnection = undefined; // let the next request try again
    throw error;
  });
  return shared.__appDbConnection;
}

/** Tests: replaces the connection with an in-memory copy of a migrated database (an archive loads in half the time of a data directory). */
export async function openEmbeddedCopyForTests(archive: Blob): Promise<void> {
  await closeDb();
  shared.__appDbConnection = openPglite("memory://", archive);
  await shared.__appDbConnection;
}

/** The shared database handle, opened on first use. */
export async function getDb(): Promise<Database> {
  return (await connect()).db;
}

export async function databaseKind(): Promise<Connection["kind"]> {
  return (await connect()).kind;
}

/** Applies the committed migrations in drizzle/ (idempotent). */
export async function migrateDatabase(): Promise<void> {
  await (await connect()).migrate();
}

export async function closeDb(): Promise<void> {
  const open = shared.__appDbConnection;
  shared.__appDbConnection = undefined;
  if (open) await (await open).close();
}
