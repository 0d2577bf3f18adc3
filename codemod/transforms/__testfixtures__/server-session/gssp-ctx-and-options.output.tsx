import type { GetServerSideProps } from "next";
import { auth } from "@/auth";

// next-auth 4.2's signature: the context, then the options.
export const getServerSideProps: GetServerSideProps = async (ctx) => {
  const session = await auth(ctx);
  if (!session) return { redirect: { destination: "/sign-in", permanent: false } };
  return { props: { session } };
};
