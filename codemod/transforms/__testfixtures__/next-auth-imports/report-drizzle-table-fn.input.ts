import { DrizzleAdapter } from "@auth/drizzle-adapter";
import type { Adapter } from "next-auth/adapters";
import { db } from "~/server/db";
import { createTable } from "~/server/db/schema";

// create-t3-app (next-auth v4): the adapter's tables carry the project's prefix.
export const adapter = DrizzleAdapter(db, createTable) as Adapter;
