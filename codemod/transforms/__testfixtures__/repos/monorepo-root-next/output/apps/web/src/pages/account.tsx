import type { GetServerSideProps } from "next";
import { auth } from "~/auth";
import { signIn } from "next-auth/react";

export const getServerSideProps: GetServerSideProps = async (ctx) => {
  const session = await auth(ctx);
  return { props: { session } };
};

export default function Account() {
  return <button onClick={() => signIn("github", { redirectTo: "/account" })}>Sign in</button>;
}
