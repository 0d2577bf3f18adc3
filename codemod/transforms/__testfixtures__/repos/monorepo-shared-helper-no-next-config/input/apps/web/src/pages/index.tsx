import type { GetServerSideProps } from "next";
import { getServerSession } from "@acme/auth";

export const getServerSideProps: GetServerSideProps = async (ctx) => ({ props: { session: await getServerSession(ctx) } });

export default function Home() {
  return null;
}
