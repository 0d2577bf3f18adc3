import { integer, pgTableCreator, primaryKey, text, timestamp } from "drizzle-orm/pg-core";

/** Every table carries the project's prefix, so several projects can share one database. */
export const createTable = pgTableCreator((name) => `t3app_${name}`);

export const users = createTable("user", {
  id: text("id").notNull().primaryKey(),
  name: text("name"),
  email: text("email").notNull(),
  emailVerified: timestamp("emailVerified", { mode: "date" }),
  image: text("image"),
});

export const accounts = createTable(
  "account",
  {
    userId: text("userId").notNull().references(() => users.id, { onDelete: "cascade" }),
    type: text("type").$type<"oauth" | "oidc" | "email" | "webauthn">().notNull(),
    provider: text("provider").notNull(),
    providerAccountId: text("providerAccountId").notNull(),
    refresh_token: text("refresh_token"),
    access_token: text("access_token"),
    expires_at: integer("expires_at"),
    token_type: text("token_type"),
    scope: text("scope"),
    id_token: text("id_token"),
    session_state: text("session_state"),
  },
  (account) => [primaryKey({ columns: [account.provider, account.providerAccountId] })],
);

export const sessions = createTable("session", {
  sessionToken: text("sessionToken").notNull().primaryKey(),
  userId: text("userId").notNull().references(() => users.id, { onDelete: "cascade" }),
  expires: timestamp("expires", { mode: "date" }).notNull(),
});

export const verificationTokens = createTable(
  "verificationToken",
  {
    identifier: text("identifier").notNull(),
    token: text("token").notNull(),
    expires: timestamp("expires", { mode: "date" }).notNull(),
  },
  (vt) => [primaryKey({ columns: [vt.identifier, vt.token] })],
);

/** The tables above, as SQL: applied on the first connection (a fixture has no migration tool). */
export const CREATE_TABLES = `
CREATE TABLE IF NOT EXISTS "t3app_user" ("id" text PRIMARY KEY, "name" text, "email" text NOT NULL, "emailVerified" timestamp, "image" text);
CREATE TABLE IF NOT EXISTS "t3app_account" ("userId" text NOT NULL REFERENCES "t3app_user"("id") ON DELETE CASCADE, "type" text NOT NULL,
  "provider" text NOT NULL, "providerAccountId" text NOT NULL, "refresh_token" text, "access_token" text, "expires_at" integer,
  "token_type" text, "scope" text, "id_token" text, "session_state" text, PRIMARY KEY ("provider", "providerAccountId"));
CREATE TABLE IF NOT EXISTS "t3app_session" ("sessionToken" text PRIMARY KEY, "userId" text NOT NULL REFERENCES "t3app_user"("id") ON DELETE CASCADE, "expires" timestamp NOT NULL);
CREATE TABLE IF NOT EXISTS "t3app_verificationToken" ("identifier" text NOT NULL, "token" text NOT NULL, "expires" timestamp NOT NULL, PRIMARY KEY ("identifier", "token"));
`;
