import { Layout } from "@/components/Layout";

/** Shown with status 503 when a page cannot be answered safely because the database is down. */
export function ServiceUnavailable() {
  return (
    <Layout title="Temporarily unavailable">
      <div className="card narrow">
        <h1>503: temporarily unavailable</h1>
        <p>We cannot check your session right now because our database is not answering.</p>
        <p className="muted">Nothing is lost. Try again in a minute.</p>
      </div>
    </Layout>
  );
}
