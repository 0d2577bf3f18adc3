import { twinDashboardProps } from "@/bench/twins/twin-session";
import { Dashboard } from "@/components/Dashboard";

/**
 * Benchmark twin for middleware: /bench/unmatched/public-dashboard at a path middleware matches.
 * `npm run bench` divides this page by that one.
 */
export const getServerSideProps = twinDashboardProps;

export default Dashboard;
