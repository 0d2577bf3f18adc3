import { twinDashboardProps } from "@/bench/twins/twin-session";
import { Dashboard } from "@/components/Dashboard";

/**
 * Benchmark twin of /dashboard: the same page with a fixed session and no auth at all (no guard,
 * and middleware's matcher skips /bench/unmatched/). `npm run bench` divides /dashboard by it.
 */
export const getServerSideProps = twinDashboardProps;

export default Dashboard;
