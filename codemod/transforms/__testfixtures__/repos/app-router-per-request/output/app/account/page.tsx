import { auth } from "@/auth";

export default async function Account() {
  const session = await auth();
  return <p>{session ? `Signed in as ${session.user?.email}` : "Not signed in"}</p>;
}
