import { SESSION_REQUESTS_PER_REFETCH } from "./next-auth-version";

/**
 * How many `/api/auth/session` requests the browser makes, asserted by
 * flows/session-requests.e2e.ts and meant to be reused by the benchmark: behaviour, not timing.
 * Server-guarded pages hand the session to SessionProvider, so their first load and client-side
 * navigations fetch nothing; the one planned refetch is a hidden tab becoming visible again,
 * at most once a minute (pages/_app.tsx), so a second switch right after the first fetches nothing.
 * A refetch is one request on v4 and two on v5 (SESSION_REQUESTS_PER_REFETCH).
 */
export const SCRIPTED_VISIT_SESSION_REQUESTS = {
  "home (signed out)": 0,
  login: 0,
  dashboard: 0,
  admin: 0,
  users: 0,
  back: 0,
  "tab hidden and visible (1)": SESSION_REQUESTS_PER_REFETCH,
  "tab hidden and visible (2)": 0,
};

/** First load of each page, signed in as an admin. `/client` is guarded in the browser only. */
export const FIRST_LOAD_SESSION_REQUESTS = {
  "/dashboard": 0,
  "/admin": 0,
  "/admin/users": 0,
  "/": 0,
  "/client": SESSION_REQUESTS_PER_REFETCH,
};
