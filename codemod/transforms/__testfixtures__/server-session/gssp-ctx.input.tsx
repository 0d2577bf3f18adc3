import type { GetServerSideProps } from "next";
import { getServerSession, type Session } from "next-auth";
import { authOptions } from "@/lib/auth";

export const getServerSideProps: GetServerSideProps<{ session: Session | null }> = async (context) => {
  // the page reads the session on the server
  const session = await getServerSession(context.req, context.res, authOptions);
  return { props: { session } };
};

export default function Page({ session }: { session: Session | null }) {
  return <p>{session?.user?.name ?? "anonymous"}</p>;
}
