import type { GetServerSideProps } from "next";
import { type Session } from "next-auth";
import { auth } from "@/auth";

export const getServerSideProps: GetServerSideProps<{ session: Session | null }> = async (context) => {
  // the page reads the session on the server
  const session = await auth(context);
  return { props: { session } };
};

export default function Page({ session }: { session: Session | null }) {
  return <p>{session?.user?.name ?? "anonymous"}</p>;
}
