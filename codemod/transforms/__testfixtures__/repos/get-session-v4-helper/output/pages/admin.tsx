import type { GetServerSidePropsContext } from "next";
import { auth } from "@/auth";

export default function Admin({ admin }: { admin: boolean }) {
  return <p>{admin ? "Welcome" : "Admins only"}</p>;
}

export async function getServerSideProps(ctx: GetServerSidePropsContext) {
  const session = await auth(ctx);
  return { props: { admin: session?.user?.email === process.env.ADMIN_EMAIL } };
}
