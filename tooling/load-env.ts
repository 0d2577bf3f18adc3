import { loadEnvConfig } from "@next/env";

/** Loads .env, .env.local, … the way `next start` does; variables already set win. */
export function loadProjectEnv(dev = true): void {
  loadEnvConfig(process.cwd(), dev, { info: () => {}, error: console.error });
}
