import type { GetServerSideProps } from "next";
import { getServerSession } from "next-auth";
import { authOptions } from "@/lib/auth";

type Props = { name: string | null; email: string | null };

// The middleware sends a signed-out visitor to sign in before this runs.
export const getServerSideProps: GetServerSideProps<Props> = async ({ req, res }) => {
  const session = await getServerSession(req, res, authOptions);
  return { props: { name: session?.user.name ?? null, email: session?.user.email ?? null } };
};

export default function Dashboard({ name, email }: Props) {
  return (
    <main>
      <h1>Dashboard</h1>
      <p>
        Signed in as {email} {name && `(${name})`}
      </p>
    </main>
  );
}
