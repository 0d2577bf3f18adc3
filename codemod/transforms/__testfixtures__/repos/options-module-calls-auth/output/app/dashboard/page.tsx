import { redirect } from "next/navigation";
import { getSession } from "@/lib/auth";

export default async function Dashboard() {
  const session = await getSession();
  if (!session) redirect("/api/auth/signin");
  return <p>{session.user?.name}</p>;
}
