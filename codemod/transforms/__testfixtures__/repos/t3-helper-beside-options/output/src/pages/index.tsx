import type { GetServerSideProps } from "next";
import { getServerAuthSession } from "~/server/auth";

export default function Home({ name }: { name: string | null }) {
  return <p>{name ? `Signed in as ${name}` : "Not signed in"}</p>;
}

export const getServerSideProps: GetServerSideProps = async (ctx) => {
  const session = await getServerAuthSession(ctx);
  return { props: { name: session?.user.name ?? null } };
};
