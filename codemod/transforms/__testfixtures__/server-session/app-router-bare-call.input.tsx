import { getServerSession } from "next-auth/next";
import NavBar from "./navbar";

// A server component: v4 read the request's cookies itself, with the default options.
export default async function Nav() {
  const session = await getServerSession();
  return <NavBar user={session?.user} />;
}
