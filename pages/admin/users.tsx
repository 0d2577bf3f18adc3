import type { InferGetServerSidePropsType } from "next";
import { Layout } from "@/components/Layout";
import { UsersTable } from "@/components/UsersTable";
import { requireRole, type SessionProps } from "@/lib/auth/guards";
import { listUsers } from "@/lib/users/repository";

export const getServerSideProps = requireRole("admin", async () => ({ props: { users: await listUsers() } }));

type Props = Extract<InferGetServerSidePropsType<typeof getServerSideProps>, SessionProps & { users: unknown }>;

export default function AdminUsersPage({ users, session }: Props) {
  return (
    <Layout title="Users">
      <div className="card stack">
        <h1>Users</h1>
        <p className="muted">
          Role and status changes take effect on the user&apos;s next request within the re-check window.
        </p>
        <UsersTable users={users} currentUserId={session.user.id} />
      </div>
    </Layout>
  );
}
