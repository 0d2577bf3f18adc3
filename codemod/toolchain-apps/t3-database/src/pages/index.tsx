import { type GetServerSidePropsContext } from "next";
import { signIn, signOut, useSession } from "next-auth/react";

import { getServerAuthSession } from "~/server/session";

export async function getServerSideProps(ctx: GetServerSidePropsContext) {
  const session = await getServerAuthSession(ctx);
  return { props: { id: session?.user.id ?? null } };
}

export default function Home({ id }: { id: string | null }) {
  const { data: sessionData } = useSession();
  return (
    <button
      onClick={
        sessionData
          ? () => void signOut()
          : () => void signIn("discord", { callbackUrl: "/" })
      }
    >
      {id ? "Sign out" : "Sign in"}
    </button>
  );
}
