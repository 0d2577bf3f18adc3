import { getServerSession as _getServerSession } from "next-auth";
import { authOptions } from "./options";

export const getServerSession = () => _getServerSession(authOptions());

export async function currentUserId() {
  const session = await getServerSession();
  return session?.user?.email ?? null;
}
