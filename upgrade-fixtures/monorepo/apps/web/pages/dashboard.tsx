import type { GetServerSideProps } from "next";
import { getServerAuthSession } from "@acme/auth";

// Middleware sends signed-out visitors to sign in (its matcher lists this page).
export const getServerSideProps: GetServerSideProps<{ email: string | null }> = async (ctx) => {
  const session = await getServerAuthSession(ctx);
  return { props: { email: session?.user.email ?? null } };
};

export default function Dashboard({ email }: { email: string | null }) {
  return <main>Signed in as {email}</main>;
}
