import type { GetServerSideProps } from "next";
import { getServerSession } from "next-auth";
import { authOptions } from "@/lib/auth";

// v5's auth(req, res) takes an API route's request; a page's is not one.
export const getServerSideProps: GetServerSideProps = async ({ req, res: response }) => {
  const session = await getServerSession(req, response, authOptions);
  return { props: { signedIn: !!session } };
};

export default function Page({ signedIn }: { signedIn: boolean }) {
  return <p>{signedIn ? "welcome" : "anonymous"}</p>;
}
