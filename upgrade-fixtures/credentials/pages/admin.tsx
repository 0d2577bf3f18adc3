import type { GetServerSideProps } from "next";
import { getSession } from "@/lib/auth";

export const getServerSideProps: GetServerSideProps<{ admin: boolean }> = async ({ req, res, resolvedUrl }) => {
  const session = await getSession(req, res);
  if (!session) return { redirect: { destination: `/login?callbackUrl=${encodeURIComponent(resolvedUrl)}`, permanent: false } };
  if (session.user.role !== "admin") res.statusCode = 403;
  return { props: { admin: session.user.role === "admin" } };
};

export default function Admin({ admin }: { admin: boolean }) {
  return <main>{admin ? "You are an admin" : "Admins only"}</main>;
}
