import type { GetServerSideProps } from "next";
import { getSession } from "next-auth/react";

export default function Inbox({ signedIn }: { signedIn: boolean }) {
  return <p>{signedIn ? "Your inbox" : "Sign in to see your inbox"}</p>;
}

export const getServerSideProps: GetServerSideProps = async ({ req }) => {
  const session = await getSession({ req });
  return { props: { signedIn: !!session } };
};
