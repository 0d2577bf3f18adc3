import Link from "next/link";
import { Layout } from "@/components/Layout";

/** Shown with status 403 to a signed-in user who lacks the role for a page. */
export function Forbidden() {
  return (
    <Layout title="Forbidden">
      <div className="card narrow">
        <h1>403: not allowed</h1>
        <p>You are signed in, but your account does not have access to this page.</p>
        <p className="muted">If you think it should, ask an admin to change your role.</p>
        <Link href="/dashboard">Go to your dashboard</Link>
      </div>
    </Layout>
  );
}
