import { type GetServerSideProps, type InferGetServerSidePropsType } from "next";
import { getServerAuthSession } from "~/server/auth";

export const getServerSideProps = (async (ctx) => {
  const session = await getServerAuthSession(ctx);
  if (!session) {
    return {
      redirect: { destination: `/api/auth/signin?callbackUrl=${encodeURIComponent(ctx.resolvedUrl)}`, permanent: false },
    };
  }
  return { props: { email: session.user.email ?? null, role: session.user.role } };
}) satisfies GetServerSideProps<{ email: string | null; role: string }>;

export default function Dashboard({ email, role }: InferGetServerSidePropsType<typeof getServerSideProps>) {
  return (
    <main>
      Signed in as {email} ({role})
    </main>
  );
}
