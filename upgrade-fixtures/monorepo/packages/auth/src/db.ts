import { PGlite } from "@electric-sql/pglite";
import { drizzle, PgliteDatabase } from "drizzle-orm/pglite";
import { env } from "./env";

/** The adapter's default tables (@auth/drizzle-adapter's pg schema), created on the first connection. */
const CREATE_TABLES = `
CREATE TABLE IF NOT EXISTS "user" ("id" text PRIMARY KEY, "name" text, "email" text NOT NULL, "emailVerified" timestamp, "image" text);
CREATE TABLE IF NOT EXISTS "account" ("userId" text NOT NULL REFERENCES "user"("id") ON DELETE CASCADE, "type" text NOT NULL,
  "provider" text NOT NULL, "providerAccountId" text NOT NULL, "refresh_token" text, "access_token" text, "expires_at" integer,
  "token_type" text, "scope" text, "id_token" text, "session_state" text, PRIMARY KEY ("provider", "providerAccountId"));
CREATE TABLE IF NOT EXISTS "session" ("sessionToken" text PRIMARY KEY, "userId" text NOT NULL REFERENCES "user"("id") ON DELETE CASCADE, "expires" timestamp NOT NULL);
CREATE TABLE IF NOT EXISTS "verificationToken" ("identifier" text NOT NULL, "token" text NOT NULL, "expires" timestamp NOT NULL, PRIMARY KEY ("identifier", "token"));
`;

/** One PGlite per process, kept on globalThis (Next loads this module for pages and for API routes). */
const global = globalThis as unknown as { acmeDb?: ReturnType<typeof open> };

function open() {
  const client = new PGlite(env().PGLITE_DATA_DIR);
  void client.exec(CREATE_TABLES); // PGlite runs queries in order: this one first
  return drizzle(client);
}

const connection = () => (global.acmeDb ??= open());
/** Opened on the first query; the adapter's `is(db, PgDatabase)` check at load needs no connection. */
export const db = new Proxy({} as ReturnType<typeof open>, {
  get: (_, property) => Reflect.get(connection(), property),
  getPrototypeOf: () => PgliteDatabase.prototype,
});
