import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { Client } from "pg";
import { hashPassword } from "@/lib/users/password";
import type { Role } from "@/lib/users/roles";
import { closeDb, getDb, migrateDatabase, openEmbeddedCopyForTests } from "@/lib/db/client";
import { resetEnvForTests } from "@/lib/env";
import { createUser } from "@/lib/users/repository";

/**
 * Gives the test file a fresh, migrated database: an in-memory copy of the run's migrated embedded
 * database (see pglite-template.js; a new in-memory one when there is none), or a throwaway database on the
 * PostgreSQL server named by TEST_DATABASE_URL (created and dropped here).
 */
/**
 * Opening and migrating a database (PGlite is Postgres compiled to WebAssembly) takes seconds
 * on a loaded 2-core machine; Jest's 5 s default is meant for a test, not for starting a server.
 */
const DATABASE_HOOK_TIMEOUT_MS = 60_000;

export function useTestDatabase(): void {
  let createdDatabase: { adminUrl: string; name: string } | undefined;

  beforeAll(async () => {
    const adminUrl = process.env.TEST_DATABASE_URL;
    const template = process.env.PGLITE_TEMPLATE_ARCHIVE;
    if (adminUrl) {
      const name = `authref_test_${process.pid}_${randomBytes(4).toString("hex")}`;
      await withAdminClient(adminUrl, (client) => client.query(`CREATE DATABASE "${name}"`));
      createdDatabase = { adminUrl, name };
      const url = new URL(adminUrl);
      url.pathname = `/${name}`;
      process.env.DATABASE_URL = url.toString();
    }
    resetEnvForTests();
    if (!adminUrl && template) await openEmbeddedCopyForTests(new Blob([readFileSync(template)]));
    await migrateDatabase();
  }, DATABASE_HOOK_TIMEOUT_MS);

  afterAll(async () => {
    await closeDb();
    if (createdDatabase) {
      const { adminUrl, name } = createdDatabase;
      await withAdminClient(adminUrl, (client) => client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
      delete process.env.DATABASE_URL;
    }
  }, DATABASE_HOOK_TIMEOUT_MS);
}

async function withAdminClient<T>(url: string, use: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await use(client);
  } finally {
    await client.end();
  }
}

export const TEST_PASSWORD = "correct horse battery staple";
let passwordHash: Promise<string> | undefined;

/** Creates a user who signs in with TEST_PASSWORD (the hash is computed once per file). */
export async function createTestUser(overrides: { role?: Role; email?: string; name?: string } = {}) {
  passwordHash ??= hashPassword(TEST_PASSWORD);
  const role = overrides.role ?? "user";
  return createUser({
    email: overrides.email ?? `${role}-${randomBytes(4).toString("hex")}@example.com`,
    name: overrides.name ?? `Test ${role}`,
    role,
    passwordHash: await passwordHash,
  });
}

/** How many queries `run` sends to the database (PGlite or PostgreSQL: drizzle calls `query` on either). */
export async function queriesDuring(run: () => Promise<unknown>): Promise<number> {
  const { $client } = (await getDb()) as unknown as { $client: { query: (...args: unknown[]) => Promise<unknown> } };
  const query = jest.spyOn($client, "query");
  try {
    await run();
    return query.mock.calls.length;
  } finally {
    query.mockRestore();
  }
}
