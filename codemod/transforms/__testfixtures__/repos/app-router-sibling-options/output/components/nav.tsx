import { auth } from "../auth";

export default async function Nav() {
  const session = await auth();
  return session ? "in" : "out";
}
