import type { NextApiRequest } from "next";
import { getSession } from "next-auth/react";

// The signed-in user of an API request, or null.
export async function currentUser(req: NextApiRequest) {
  const session = await getSession({ req });
  return session?.user ?? null;
}
