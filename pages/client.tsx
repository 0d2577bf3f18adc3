import { useSession } from "next-auth/react";
import { Layout } from "@/components/Layout";

/**
 * Protected in the browser only, to compare with /dashboard: the HTML is served to anyone, and
 * `required: true` sends a signed-out visitor to sign-in once the session fetch says so.
 */
export default function ClientPage() {
  const { data: session, status } = useSession({ required: true });
  return (
    <Layout title="Client page">
      <div className="card stack">
        <h1>Client-protected page</h1>
        {status === "loading" ? (
          <p className="muted">Checking your session…</p>
        ) : (
          <p>Hello {session?.user.name ?? session?.user.email}, the browser checked your session.</p>
        )}
      </div>
    </Layout>
  );
}
