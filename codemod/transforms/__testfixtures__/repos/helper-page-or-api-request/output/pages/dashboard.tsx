import type { GetServerSideProps } from "next";
import { getSession } from "@/lib/auth";

export const getServerSideProps: GetServerSideProps = async ({ req, res }) => {
  const session = await getSession(req, res);
  return { props: { email: session?.user?.email ?? null } };
};

export default function Dashboard({ email }: { email: string | null }) {
  return <main>{email}</main>;
}
