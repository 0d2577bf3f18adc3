import type { GetServerSideProps } from "next";
import { getServerSession } from "next-auth/next";
import { signIn } from "next-auth/react";
import { authOptions } from "~/server/auth";

export const getServerSideProps: GetServerSideProps = async (ctx) => {
  const session = await getServerSession(ctx.req, ctx.res, authOptions);
  return { props: { session } };
};

export default function Account() {
  return <button onClick={() => signIn("github", { callbackUrl: "/account" })}>Sign in</button>;
}
