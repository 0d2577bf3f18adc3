import type { GetServerSideProps } from "next";
import { getSession } from "next-auth/react";

export const getServerSideProps: GetServerSideProps = async (ctx) => {
  const session = await getSession(ctx);
  return session ? { props: { session } } : { redirect: { destination: "/", permanent: false } };
};

export default function Account() {
  return <h1>Account</h1>;
}
