import type { GetServerSideProps } from "next";
import { stockSession, stockPatternAvailable } from "@/bench/twins/stock-session";
import { Dashboard } from "@/components/Dashboard";
import { loginRedirect } from "@/lib/auth/guards";

/**
 * Benchmark anchor: /dashboard protected the stock way (see bench/twins/stock-session.ts), without
 * middleware. `npm run bench` compares its cost to our guard's.
 */
export const getServerSideProps: GetServerSideProps = async ({ req, res, resolvedUrl }) => {
  if (!stockPatternAvailable) return { notFound: true };
  const session = await stockSession(req, res);
  if (!session) return loginRedirect(resolvedUrl);
  return { props: { session } };
};

export default Dashboard;
