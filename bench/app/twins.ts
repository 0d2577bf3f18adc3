import type { GetServerSideProps } from "next";
import type { Session } from "next-auth";

/**
 * The benchmark's twin pages (pages/bench/**, pages/api/bench/**) render what the guarded pages
 * render, without auth. They answer 404 unless the benchmark started the app with BENCH_TWINS=1,
 * so a deployment of this app never serves them.
 */
export function benchTwinsEnabled(): boolean {
  return process.env.BENCH_TWINS === "1";
}

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
  if (!benchTwinsEnabled()) return { notFound: true };
  return { props: { session: twinSession() } };
};
