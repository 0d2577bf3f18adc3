import type { GetServerSideProps } from "next";
import { getServerAuthSession } from "@acme/auth";

export const getServerSideProps: GetServerSideProps<{ admin: boolean }> = async (ctx) => {
  const session = await getServerAuthSession(ctx);
  if (session?.user.role !== "admin") ctx.res.statusCode = 403;
  return { props: { admin: session?.user.role === "admin" } };
};

export default function Admin({ admin }: { admin: boolean }) {
  return <main>{admin ? "You are an admin" : "Admins only"}</main>;
}
