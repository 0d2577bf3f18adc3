import type { GetServerSideProps } from "next";
import type { Session } from "next-auth";
import { getServerAuthSession } from "~/server/auth";

export const getServerSideProps: GetServerSideProps<{ user: Session["user"] }> = async (ctx) => {
  const session = await getServerAuthSession(ctx);
  if (!session) return { redirect: { destination: `/api/auth/signin?callbackUrl=${encodeURIComponent(ctx.resolvedUrl)}`, permanent: false } };
  return { props: { user: { id: session.user.id, name: session.user.name ?? null, email: session.user.email ?? null } } };
};

export default function Dashboard({ user }: { user: Session["user"] }) {
  return <main>Signed in as {user.email}</main>;
}
