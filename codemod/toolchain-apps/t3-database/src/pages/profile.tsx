import { type GetServerSideProps } from "next";
import { getServerSession } from "next-auth";

import { authOptions } from "~/server/auth";

export const getServerSideProps: GetServerSideProps = async ({ req, res }) => {
  const session = await getServerSession(req, res, authOptions);
  if (!session) return { redirect: { destination: "/", permanent: false } };
  return { props: { id: session.user.id } };
};

export default function Profile({ id }: { id: string }) {
  return <p>{id}</p>;
}
