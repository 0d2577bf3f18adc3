import { getServerSession } from "next-auth";
import { ledgerAuthOptions } from "@/lib/auth-options";

export default async function Account() {
  const session = await getServerSession(ledgerAuthOptions);
  return <p>{session ? `Signed in as ${session.user?.email}` : "Not signed in"}</p>;
}
