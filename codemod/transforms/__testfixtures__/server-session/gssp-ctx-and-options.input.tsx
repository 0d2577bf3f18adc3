import type { GetServerSideProps } from "next";
import { getServerSession } from "next-auth";
import { authOptions } from "@/pages/api/auth/[...nextauth]";

// next-auth 4.2's signature: the context, then the options.
export const getServerSideProps: GetServerSideProps = async (ctx) => {
  const session = await getServerSession(ctx, authOptions);
  if (!session) return { redirect: { destination: "/sign-in", permanent: false } };
  return { props: { session } };
};
