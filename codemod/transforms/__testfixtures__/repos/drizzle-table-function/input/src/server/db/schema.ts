import { pgTableCreator, text, timestamp } from "drizzle-orm/pg-core";

/** One database, several apps: this app's tables carry its prefix. */
export const createTable = pgTableCreator((name) => `shop_${name}`);

export const users = createTable("user", { id: text("id").primaryKey(), email: text("email").notNull() });
export const accounts = createTable("account", { userId: text("userId").notNull(), provider: text("provider").notNull() });
export const sessions = createTable("session", {
  sessionToken: text("sessionToken").primaryKey(),
  userId: text("userId").notNull(),
  expires: timestamp("expires", { mode: "date" }).notNull(),
});
export const verificationTokens = createTable("verificationToken", {
  identifier: text("identifier").notNull(),
  token: text("token").notNull(),
  expires: timestamp("expires", { mode: "date" }).notNull(),
});
export const orders = createTable("order", { id: text("id").primaryKey() });
