import { unstable_getServerSession } from "next-auth/next";
import { authOptions } from "../lib/auth";

export async function getServerSideProps({ req, res }) {
  const session = await unstable_getServerSession(req, res, authOptions());
  if (session?.user?.role !== "admin") {
    res.statusCode = 403;
    return { props: { admin: false } };
  }
  return { props: { admin: true } };
}

export default function Admin({ admin }) {
  return <main>{admin ? "You are an admin" : "Admins only"}</main>;
}
