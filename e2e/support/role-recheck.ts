/** Seconds between role re-checks in the run's app: short, so the demotion flow is quick. */
export const E2E_ROLE_RECHECK_SECONDS = 2;
