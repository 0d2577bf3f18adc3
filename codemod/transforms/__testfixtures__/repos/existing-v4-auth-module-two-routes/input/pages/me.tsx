import type { GetServerSideProps } from "next";
import { auth } from "auth";

export const getServerSideProps: GetServerSideProps = async ({ req, res }) => {
  const session = await auth(req, res);
  return { props: { name: session?.user?.name ?? null } };
};

export default function Me({ name }: { name: string | null }) {
  return <p>{name}</p>;
}
