// Moved to scripts/support/app-server.ts (shared with npm run test:e2e and npm run bench).
export * from "../../scripts/support/app-server";
