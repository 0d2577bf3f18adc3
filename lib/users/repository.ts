import { and, asc, eq, sql } from "drizzle-orm";
import type { Role } from "@/lib/users/roles";
import type { PublicUser, UserChange } from "@/lib/users/types";
import { getDb } from "@/lib/db/client";
import { accounts, users, type UserRow } from "@/lib/db/schema";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function toPublicUser(row: UserRow): PublicUser {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    image: row.image,
    role: row.role as Role,
    disabled: row.disabled,
    createdAt: row.createdAt.toISOString(),
  };
}

function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

export async function findUserByEmail(email: string): Promise<UserRow | undefined> {
  const db = await getDb();
  const [row] = await db
    .select()
    .from(users)
    .where(eq(users.email, normalizeEmail(email)))
    .limit(1);
  return row;
}

export async function findUserById(id: string): Promise<UserRow | undefined> {
  if (!UUID.test(id)) return undefined; // not a uuid: PostgreSQL would reject the query itself
  const db = await getDb();
  const [row] = await db.select().from(users).where(eq(users.id, id)).limit(1);
  return row;
}

/** The few columns the session re-check needs, read on the hot path. */
export async function findAccessById(
  id: string,
): Promise<Pick<UserRow, "role" | "disabled" | "sessionVersion"> | undefined> {
  if (!UUID.test(id)) return undefined;
  const db = await getDb();
  const [row] = await db
    .select({ role: users.role, disabled: users.disabled, sessionVersion: users.sessionVersion })
    .from(users)
    .where(eq(users.id, id))
    .limit(1);
  return row;
}

export async function listUsers(): Promise<PublicUser[]> {
  const db = await getDb();
  const rows = await db.select().from(users).orderBy(asc(users.createdAt), asc(users.email));
  return rows.map(toPublicUser);
}

export async function createUser(input: {
  email: string;
  name: string;
  passwordHash: string;
  role: Role;
}): Promise<UserRow> {
  const db = await getDb();
  const [row] = await db
    .insert(users)
    .values({ ...input, email: normalizeEmail(input.email) })
    .returning();
  return row;
}

/** "Sign out everywhere": every token issued before this call stops working at its next re-check. */
export async function bumpSessionVersion(id: string): Promise<void> {
  const db = await getDb();
  await db
    .update(users)
    .set({ sessionVersion: sql`${users.sessionVersion} + 1`, updatedAt: new Date() })
    .where(eq(users.id, id));
}

export async function updateDisplayName(id: string, name: string): Promise<void> {
  const db = await getDb();
  await db.update(users).set({ name, updatedAt: new Date() }).where(eq(users.id, id));
}

export type OAuthSignInResult = { user: UserRow } | { error: "email_in_use" };

/**
 * Finds the user linked to a provider account, or creates one on first sign-in.
 * An email already owned by another user is not linked automatically: that would let whoever
 * controls the provider account take over the local one.
 */
export async function findOrCreateOAuthUser(input: {
  provider: string;
  providerAccountId: string;
  email: string | null;
  name: string | null;
  image: string | null;
  adminEmails: readonly string[];
}): Promise<OAuthSignInResult> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [linked] = await tx
      .select({ user: users })
      .from(accounts)
      .innerJoin(users, eq(accounts.userId, users.id))
      .where(and(eq(accounts.provider, input.provider), eq(accounts.providerAccountId, input.providerAccountId)))
      .limit(1);
    if (linked) return { user: linked.user };

    const email = input.email ? normalizeEmail(input.email) : null;
    if (email) {
      const [taken] = await tx.select({ id: users.id }).from(users).where(eq(users.email, email)).limit(1);
      if (taken) return { error: "email_in_use" as const };
    }
    const role: Role = email && input.adminEmails.includes(email) ? "admin" : "user";
    const [user] = await tx.insert(users).values({ email, name: input.name, image: input.image, role }).returning();
    await tx.insert(accounts).values({
      userId: user.id,
      provider: input.provider,
      providerAccountId: input.providerAccountId,
    });
    return { user };
  });
}

export type ChangeResult = { ok: true; user: PublicUser } | { ok: false; reason: "not_found" | "last_admin" };

/**
 * Changes a user's role or disabled flag. The last active admin can be neither demoted nor
 * disabled: the active admins are locked first, so two concurrent requests cannot both pass.
 */
export async function changeUser(id: string, change: UserChange): Promise<ChangeResult> {
  if (!UUID.test(id)) return { ok: false, reason: "not_found" };
  const db = await getDb();
  return db.transaction(async (tx) => {
    const activeAdmins = await tx
      .select({ id: users.id })
      .from(users)
      .where(and(eq(users.role, "admin"), eq(users.disabled, false)))
      .orderBy(asc(users.id))
      .for("update");
    const [target] = await tx.select().from(users).where(eq(users.id, id)).for("update");
    if (!target) return { ok: false as const, reason: "not_found" as const };

    const isActiveAdmin = activeAdmins.some((admin) => admin.id === id);
    const staysActiveAdmin = (change.role ?? target.role) === "admin" && !(change.disabled ?? target.disabled);
    if (isActiveAdmin && !staysActiveAdmin) {
      const others = activeAdmins.filter((admin) => admin.id !== id);
      if (others.length === 0) return { ok: false as const, reason: "last_admin" as const };
    }

    const [updated] = await tx
      .update(users)
      .set({ ...change, updatedAt: new Date() })
      .where(eq(users.id, id))
      .returning();
    return { ok: true as const, user: toPublicUser(updated) };
  });
}
