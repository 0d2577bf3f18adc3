import type { GetServerSideProps } from "next";
import { pageSession } from "@acme/auth/pages";

export const getServerSideProps: GetServerSideProps = async (ctx) => ({ props: { session: await pageSession(ctx) } });

export default function Home() {
  return null;
}
