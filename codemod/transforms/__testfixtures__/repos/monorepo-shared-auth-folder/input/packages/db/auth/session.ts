import { getServerSession } from "next-auth";
import { authOptions } from "./options";

export async function currentUserId() {
  const session = await getServerSession(authOptions());
  return session?.user?.email ?? null;
}
