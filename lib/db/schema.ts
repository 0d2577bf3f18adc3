import { sql } from "drizzle-orm";
import { boolean, check, integer, pgTable, text, timestamp, unique, uuid } from "drizzle-orm/pg-core";

/** One schema for PGlite and PostgreSQL; migrations in drizzle/ are generated from it. */
export const users = pgTable(
  "users",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    // Stored lower-case; null for an OAuth user whose provider shared no email.
    email: text("email").unique(),
    name: text("name"),
    image: text("image"),
    passwordHash: text("password_hash"),
    role: text("role").notNull().default("user"),
    disabled: boolean("disabled").notNull().default(false),
    // Bumped by "sign out everywhere": tokens carrying an older version stop working.
    sessionVersion: integer("session_version").notNull().default(0),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [check("users_role_check", sql`${table.role} in ('user', 'admin')`)],
);

export const accounts = pgTable(
  "accounts",
  {
    id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    provider: text("provider").notNull(),
    providerAccountId: text("provider_account_id").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [unique("accounts_provider_account").on(table.provider, table.providerAccountId)],
);

export type UserRow = typeof users.$inferSelect;

/** Failed sign-in counters, shared by every app instance (rate-limiter-flexible's Drizzle store). */
export const rateLimits = pgTable("rate_limits", {
  key: text("key").primaryKey(),
  points: integer("points").notNull().default(0),
  expire: timestamp("expire", { withTimezone: true }),
});
