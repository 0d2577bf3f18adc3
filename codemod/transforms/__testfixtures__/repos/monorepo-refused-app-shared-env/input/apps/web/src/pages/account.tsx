import type { GetServerSidePropsContext } from "next";
import { getServerSession } from "next-auth";
import { authOptionsFor } from "~/lib/auth";

export default function Account({ email }: { email: string }) {
  return <p>{email}</p>;
}

export async function getServerSideProps(ctx: GetServerSidePropsContext) {
  const session = await getServerSession(ctx.req, ctx.res, authOptionsFor(ctx.req as never));
  if (!session?.user?.email) return { redirect: { destination: "/api/auth/signin", permanent: false } };
  return { props: { email: session.user.email } };
}
