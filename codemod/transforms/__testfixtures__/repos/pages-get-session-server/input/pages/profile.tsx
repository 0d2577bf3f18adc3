import type { GetServerSidePropsContext } from "next";
import { getSession } from "next-auth/react";

export default function Profile({ email }: { email: string }) {
  return <p>Signed in as {email}</p>;
}

// The session is read on the server: without the cookie the visitor is sent to sign in.
export async function getServerSideProps(ctx: GetServerSidePropsContext) {
  const session = await getSession(ctx);
  if (!session) return { redirect: { destination: "/api/auth/signin", permanent: false } };
  return { props: { email: session.user?.email ?? "" } };
}
