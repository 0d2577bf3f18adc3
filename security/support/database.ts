/**
 * The run's own PostgreSQL database on the loopback server: created fresh, migrated and seeded
 * through the app's own modules, read directly for before/after snapshots, dropped at the end.
 */
import { randomBytes } from "node:crypto";
import { Client } from "pg";

export const DEFAULT_SERVER_URL = "postgres://postgres@127.0.0.1:5432/postgres";

function withDatabase(serverUrl: string, database: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

async function admin<T>(serverUrl: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: serverUrl, connectionTimeoutMillis: 5_000 });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

export interface RunDatabase {
  name: string;
  url: string;
  drop(): Promise<void>;
}

export async function createRunDatabase(serverUrl = DEFAULT_SERVER_URL): Promise<RunDatabase> {
  const url = new URL(serverUrl);
  if (!["127.0.0.1", "localhost", "[::1]"].includes(url.hostname)) {
    throw new Error(`the security run uses a loopback PostgreSQL only, not ${url.hostname}`);
  }
  const name = `security_${Date.now()}_${randomBytes(3).toString("hex")}`;
  await admin(serverUrl, (client) => client.query(`CREATE DATABASE ${name}`));
  return {
    name,
    url: withDatabase(serverUrl, name),
    drop: () =>
      admin(serverUrl, (client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).then(() => undefined),
  };
}

/** Every row of `users` as JSON text, by id: any change to any column shows up. */
export async function usersSnapshot(client: Client): Promise<Map<string, Record<string, unknown>>> {
  const { rows } = await client.query<{ id: string; row: Record<string, unknown> }>(
    "select id::text as id, row_to_json(u) as row from users u order by id",
  );
  return new Map(rows.map(({ id, row }) => [id, row]));
}

/** Human-readable differences between two snapshots (`<email>.<column>: a → b`). */
export function snapshotDiff(
  before: Map<string, Record<string, unknown>>,
  after: Map<string, Record<string, unknown>>,
): string[] {
  const changes: string[] = [];
  for (const [id, row] of after) {
    const old = before.get(id);
    if (!old) {
      changes.push(`new row ${String(row.email ?? id)}`);
      continue;
    }
    for (const column of Object.keys(row)) {
      if (JSON.stringify(row[column]) !== JSON.stringify(old[column])) {
        changes.push(
          `${String(row.email ?? id)}.${column}: ${JSON.stringify(old[column])} → ${JSON.stringify(row[column])}`,
        );
      }
    }
  }
  for (const [id, row] of before) if (!after.has(id)) changes.push(`deleted row ${String(row.email ?? id)}`);
  return changes;
}

export async function connect(url: string): Promise<Client> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 5_000 });
  await client.connect();
  return client;
}
