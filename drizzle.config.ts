import { defineConfig } from "drizzle-kit";

// Only `drizzle-kit generate` uses this; the app applies drizzle/ itself (lib/db/migrate.ts).
export default defineConfig({
  dialect: "postgresql",
  schema: "./lib/db/schema.ts",
  out: "./drizzle",
});
