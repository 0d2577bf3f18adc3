import { useSession } from "next-auth/react";

/**
 * The client-side role check, as in the Auth.js docs. Convenience only: /admin is guarded on the
 * server, and because the session comes from there the first render already shows the answer.
 */
export function AdminGate() {
  const { data: session } = useSession();
  if (session?.user.role === "admin") {
    return <p className="alert alert-ok">You are an admin, welcome!</p>;
  }
  return <p className="alert alert-error">You are not authorized to view this page!</p>;
}
