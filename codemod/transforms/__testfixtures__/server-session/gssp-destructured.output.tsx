import type { GetServerSideProps, GetServerSidePropsContext } from "next";
import { auth } from "@/auth";

// v5's auth(req, res) takes an API route's request; a page's is not one.
export const getServerSideProps: GetServerSideProps = async ({ req, res: response }) => {
  const session = await auth({ req, res: response } as GetServerSidePropsContext);
  return { props: { signedIn: !!session } };
};

export default function Page({ signedIn }: { signedIn: boolean }) {
  return <p>{signedIn ? "welcome" : "anonymous"}</p>;
}
