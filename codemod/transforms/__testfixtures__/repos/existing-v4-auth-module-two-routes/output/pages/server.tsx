import type { GetServerSidePropsContext } from "next";
import { auth } from "auth";

export async function getServerSideProps(context: GetServerSidePropsContext) {
  return { props: { session: await auth(context) } };
}

export default function Server({ session }: { session: unknown }) {
  return <pre>{JSON.stringify(session)}</pre>;
}
