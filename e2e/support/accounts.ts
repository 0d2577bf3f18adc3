/**
 * The credential accounts of a run. scripts/test-e2e.ts seeds them through SEED_* (the same
 * variables a deployment uses), so the flows and the database agree.
 */
export const E2E_USERS = {
  admin: { email: "admin@example.com", password: "admin-e2e-password", name: "Ada Admin" },
  user: { email: "user@example.com", password: "user-e2e-password", name: "Uma User" },
} as const;

/** Seconds between role re-checks in the run's app: short, so the demotion flow is quick. */
export const E2E_ROLE_RECHECK_SECONDS = 2;
