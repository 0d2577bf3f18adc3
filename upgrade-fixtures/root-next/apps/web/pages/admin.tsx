import type { GetServerSideProps } from "next";
import { getServerSession } from "next-auth";
import { authOptions } from "@/lib/auth";

// The middleware lets only admins this far; the page checks again.
export const getServerSideProps: GetServerSideProps<{ admin: boolean }> = async ({ req, res }) => {
  const session = await getServerSession(req, res, authOptions);
  const admin = session?.user.role === "admin";
  if (!admin) res.statusCode = 403;
  return { props: { admin } };
};

export default function Admin({ admin }: { admin: boolean }) {
  return <main>{admin ? "You are an admin" : "Admins only"}</main>;
}
