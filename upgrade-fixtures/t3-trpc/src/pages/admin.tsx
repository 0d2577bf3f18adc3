import { type GetServerSideProps, type InferGetServerSidePropsType } from "next";
import { getServerAuthSession } from "~/server/auth";

export const getServerSideProps = (async (ctx) => {
  const session = await getServerAuthSession(ctx);
  if (!session) {
    return {
      redirect: { destination: `/api/auth/signin?callbackUrl=${encodeURIComponent(ctx.resolvedUrl)}`, permanent: false },
    };
  }
  const admin = session.user.role === "admin";
  if (!admin) ctx.res.statusCode = 403;
  return { props: { admin } };
}) satisfies GetServerSideProps<{ admin: boolean }>;

export default function Admin({ admin }: InferGetServerSidePropsType<typeof getServerSideProps>) {
  return <main>{admin ? "You are an admin" : "Admins only"}</main>;
}
