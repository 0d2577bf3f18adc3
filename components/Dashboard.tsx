import type { Session } from "next-auth";
import { Layout } from "@/components/Layout";
import { SignOutEverywhereButton } from "@/components/SignOutEverywhereButton";
import { UserAvatar } from "@/components/UserAvatar";

/** The dashboard's content; pages/dashboard.tsx guards it (the benchmark renders a public twin). */
export function Dashboard({ session }: { session: Session }) {
  const { user } = session;
  return (
    <Layout title="Dashboard">
      <div className="card stack">
        <div className="row">
          <UserAvatar name={user.name} image={user.image} large />
          <h1>Welcome, {user.name ?? user.email}</h1>
        </div>
        <p className="muted">This page was checked on the server before it rendered.</p>
        <dl className="facts">
          <dt>Email</dt>
          <dd>{user.email ?? "—"}</dd>
          <dt>Role</dt>
          <dd>{user.role}</dd>
          <dt>User id</dt>
          <dd>
            <code>{user.id}</code>
          </dd>
          <dt>Session expires</dt>
          <dd>{new Date(session.expires).toUTCString()}</dd>
        </dl>
      </div>
      <div className="card stack">
        <h2>Sessions</h2>
        <p className="muted">Lost a device? End every session of this account, on every browser.</p>
        <SignOutEverywhereButton />
      </div>
    </Layout>
  );
}
