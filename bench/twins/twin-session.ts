import type { GetServerSideProps } from "next";
import type { Session } from "next-auth";

/**
 * The benchmark's twin pages (bench/twins/pages/**) render what the guarded pages render, without
 * auth. They exist only in the copy `npm run bench` builds (bench/support/twin-app.ts), never in
 * the app's own pages/.
 */

const DAY_MS = 24 * 60 * 60 * 1000;

/** A session shaped like the one requireSession() hands the dashboard (values are fixed). */
export function twinSession(): Session {
  return {
    expires: new Date(Date.now() + 30 * DAY_MS).toISOString(),
    authTime: Math.floor(Date.now() / 1000),
    user: {
      id: "00000000-0000-4000-8000-000000000000",
      role: "user",
      name: "Benchmark Twin",
      email: "twin@bench.invalid",
      image: null,
    },
  };
}

/** getServerSideProps of the dashboard twins: the props requireSession() would give, without auth. */
export const twinDashboardProps: GetServerSideProps = async () => {
  return { props: { session: twinSession() } };
};
