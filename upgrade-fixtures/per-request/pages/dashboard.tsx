import type { GetServerSideProps } from "next";
import { getServerSession } from "next-auth/next";
import { authOptionsFor } from "./api/auth/[...nextauth]";

type Props = { email: string | null; tenant: string };

export const getServerSideProps: GetServerSideProps<Props> = async (ctx) => {
  const session = await getServerSession(ctx.req, ctx.res, authOptionsFor(ctx.req));
  if (!session) return { redirect: { destination: `/api/auth/signin?callbackUrl=${encodeURIComponent(ctx.resolvedUrl)}`, permanent: false } };
  return { props: { email: session.user.email ?? null, tenant: session.tenant } };
};

export default function Dashboard({ email, tenant }: Props) {
  return (
    <main>
      Signed in as {email} ({tenant})
    </main>
  );
}
