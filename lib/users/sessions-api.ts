import type { NextApiResponse } from "next";
import type { Session } from "next-auth";
import { bumpSessionVersion } from "@/lib/users/repository";

/**
 * "Sign out everywhere": a JWT cannot be revoked, so the user's session version moves on and
 * every token that carries the old one is refused at its next database re-check, on every
 * instance. The browser that asked signs itself out right after.
 */
export async function signOutEverywhereResponse({
  res,
  session,
}: {
  res: NextApiResponse;
  session: Session;
}): Promise<void> {
  await bumpSessionVersion(session.user.id);
  res
    .status(200)
    .json({ ok: true, message: "Every session of this account will be signed out within the re-check window." });
}
