import { PGlite } from "@electric-sql/pglite";
import { drizzle, PgliteDatabase } from "drizzle-orm/pglite";
import { env } from "~/env.mjs";
import * as schema from "./schema";

/**
 * One PGlite per process, opened on first use (so `next build` opens none) and kept on globalThis:
 * Next loads this module once for pages and once for API routes, and two PGlites on one data
 * directory do not see each other's writes.
 */
const global = globalThis as unknown as { t3appDb?: ReturnType<typeof open> };

function open() {
  const client = new PGlite(env().PGLITE_DATA_DIR);
  void client.exec(schema.CREATE_TABLES); // PGlite runs queries in order: this one first
  return drizzle(client, { schema });
}

/** The database, opened when a query first touches it. */
const connection = () => (global.t3appDb ??= open());
export const db = new Proxy({} as ReturnType<typeof open>, {
  get: (_, property) => Reflect.get(connection(), property),
  // The adapter checks `is(db, PgDatabase)` when auth.ts loads, as `next build` does: no connection for that.
  getPrototypeOf: () => PgliteDatabase.prototype,
});
