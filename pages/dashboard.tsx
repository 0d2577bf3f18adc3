import type { InferGetServerSidePropsType } from "next";
import { Layout } from "@/components/Layout";
import { UserAvatar } from "@/components/UserAvatar";
import { requireSession } from "@/lib/auth/guards";

export const getServerSideProps = requireSession();

export default function Dashboard({ session }: InferGetServerSidePropsType<typeof getServerSideProps>) {
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
          <dd><code>{user.id}</code></dd>
          <dt>Session expires</dt>
          <dd>{new Date(session.expires).toUTCString()}</dd>
        </dl>
      </div>
    </Layout>
  );
}
