import { unstable_getServerSession as readSession } from "next-auth/next";
import { authOptions, otherThing } from "../lib/auth";

export async function getServerSideProps({ req, res }) {
  const session = await readSession(req, res, authOptions);
  return { props: { session, flag: otherThing } };
}
