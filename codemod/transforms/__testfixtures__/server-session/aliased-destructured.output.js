import { auth } from "@/auth";
import { otherThing } from "../lib/auth";

export async function getServerSideProps({ req, res }) {
  const session = await auth(req, res);
  return { props: { session, flag: otherThing } };
}
