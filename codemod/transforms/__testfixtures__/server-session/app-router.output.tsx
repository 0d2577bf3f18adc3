import { auth } from "@/auth";

/** A server component. */
export default async function Profile() {
  const session = await auth();
  return <h1>{session?.user?.email}</h1>;
}
