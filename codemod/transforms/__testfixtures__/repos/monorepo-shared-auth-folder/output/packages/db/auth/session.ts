import NextAuth from "next-auth";
import { authOptions } from "./options";
import { withLegacyV4 } from "./legacy-v4-session";

export const { handlers, auth, signIn, signOut } = withLegacyV4(NextAuth)(() => authOptions());

export const getServerSession = () => auth();

export async function currentUserId() {
  const session = await getServerSession();
  return session?.user?.email ?? null;
}
