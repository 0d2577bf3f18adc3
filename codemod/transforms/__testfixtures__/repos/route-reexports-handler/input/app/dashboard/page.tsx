import { redirect } from "next/navigation";
import { currentReader } from "@/lib/session";

export default async function Dashboard() {
  const reader = await currentReader();
  if (!reader) redirect("/api/auth/signin");
  return <h1>Your shelves</h1>;
}
