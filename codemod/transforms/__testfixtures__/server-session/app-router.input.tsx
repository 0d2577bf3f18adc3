import { getServerSession } from "next-auth";
import { authOptions } from "@/lib/auth";

/** A server component. */
export default async function Profile() {
  const session = await getServerSession(authOptions);
  return <h1>{session?.user?.email}</h1>;
}
