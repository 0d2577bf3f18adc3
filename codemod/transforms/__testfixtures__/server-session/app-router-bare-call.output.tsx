import { auth } from "@/auth";
import NavBar from "./navbar";

// A server component: v4 read the request's cookies itself, with the default options.
export default async function Nav() {
  const session = await auth();
  return <NavBar user={session?.user} />;
}
