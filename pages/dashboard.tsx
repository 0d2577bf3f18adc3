import { Dashboard } from "@/components/Dashboard";
import { requireSession } from "@/lib/auth/guards";

export const getServerSideProps = requireSession();

export default Dashboard;
