import type { GetServerSideProps } from "next";
import { getServerSession } from "next-auth/next";
import { authOptionsFor } from "./api/auth/[...nextauth]";

export const getServerSideProps: GetServerSideProps<{ admin: boolean }> = async (ctx) => {
  const session = await getServerSession(ctx.req, ctx.res, authOptionsFor(ctx.req));
  if (!session) return { redirect: { destination: `/api/auth/signin?callbackUrl=${encodeURIComponent(ctx.resolvedUrl)}`, permanent: false } };
  if (session.user.role !== "admin") ctx.res.statusCode = 403;
  return { props: { admin: session.user.role === "admin" } };
};

export default function Admin({ admin }: { admin: boolean }) {
  return <main>{admin ? "You are an admin" : "Admins only"}</main>;
}
