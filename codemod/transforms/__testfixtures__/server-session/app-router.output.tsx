/** A server component. */
import { auth } from "@/auth";

export default async function Profile() {
  const session = await auth();
  return <h1>{session?.user?.email}</h1>;
}
