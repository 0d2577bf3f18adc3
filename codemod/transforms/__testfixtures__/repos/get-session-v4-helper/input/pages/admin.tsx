import type { GetServerSidePropsContext } from "next";
import { getServerSession } from "next-auth/next";
import { authOptions } from "./api/auth/[...nextauth]";

export default function Admin({ admin }: { admin: boolean }) {
  return <p>{admin ? "Welcome" : "Admins only"}</p>;
}

export async function getServerSideProps(ctx: GetServerSidePropsContext) {
  const session = await getServerSession(ctx.req, ctx.res, authOptions);
  return { props: { admin: session?.user?.email === process.env.ADMIN_EMAIL } };
}
