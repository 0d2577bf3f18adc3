import Link from "next/link";
import { AdminGate } from "@/components/AdminGate";
import { Layout } from "@/components/Layout";
import { requireRole } from "@/lib/auth/guards";

export const getServerSideProps = requireRole("admin");

export default function AdminPage() {
  return (
    <Layout title="Admin">
      <div className="card stack">
        <h1>Admin</h1>
        <AdminGate />
        <p>
          <Link href="/admin/users">Manage users</Link>
        </p>
      </div>
    </Layout>
  );
}
