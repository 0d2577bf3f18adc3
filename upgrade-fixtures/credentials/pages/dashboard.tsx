import type { GetServerSideProps } from "next";
import { getSession } from "@/lib/auth";

type Props = { name: string | null; email: string | null };

export const getServerSideProps: GetServerSideProps<Props> = async ({ req, res, resolvedUrl }) => {
  const session = await getSession(req, res);
  if (!session) return { redirect: { destination: `/login?callbackUrl=${encodeURIComponent(resolvedUrl)}`, permanent: false } };
  return { props: { name: session.user.name ?? null, email: session.user.email ?? null } };
};

export default function Dashboard({ name, email }: Props) {
  return (
    <main>
      Signed in as {email} ({name})
    </main>
  );
}
