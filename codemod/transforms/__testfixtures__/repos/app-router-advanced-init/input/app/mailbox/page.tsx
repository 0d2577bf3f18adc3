import { redirect } from "next/navigation";
import { getMailboxSession } from "@/utils/auth";

export default async function Mailbox() {
  const session = await getMailboxSession();
  if (!session) redirect("/api/auth/signin");
  return <h1>Mail for {session.user?.email}</h1>;
}
