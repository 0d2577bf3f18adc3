import { otherThing } from "../lib/auth";
import { auth } from "@/auth";

export async function getServerSideProps({ req, res }) {
  const session = await auth(req, res);
  return { props: { session, flag: otherThing } };
}
