import type { NextApiRequest, NextApiResponse } from "next";
import { z } from "zod";
import { parseJsonBody } from "@/lib/http/body";
import { ApiError } from "@/lib/http/errors";
import type { Session } from "next-auth";
import { ROLES } from "@/lib/users/roles";
import { env } from "@/lib/env";
import { changeUser, findUserById, listUsers, toPublicUser } from "@/lib/users/repository";

/** What an admin may change about a user. Unknown fields are refused, not ignored. */
const userChangeSchema = z
  .strictObject({ role: z.enum(ROLES).optional(), disabled: z.boolean().optional() })
  .refine((change) => change.role !== undefined || change.disabled !== undefined, {
    message: "send role and/or disabled",
  });

function userIdFrom(req: NextApiRequest): string {
  const id = req.query.id;
  if (typeof id !== "string") throw new ApiError(404, "No such user.");
  return id;
}

export async function listUsersResponse({ res }: { res: NextApiResponse }): Promise<void> {
  res.status(200).json({ users: await listUsers() });
}

export async function showUserResponse({ req, res }: { req: NextApiRequest; res: NextApiResponse }): Promise<void> {
  const user = await findUserById(userIdFrom(req));
  if (!user) throw new ApiError(404, "No such user.");
  res.status(200).json({ user: toPublicUser(user) });
}

/** Sensitive changes need a recent sign-in: a stolen or long-lived session alone is not enough. */
function assertRecentSignIn(session: Session): void {
  const age = Math.floor(Date.now() / 1000) - session.authTime;
  if (age > env().reauthWindowSeconds) {
    throw new ApiError(403, "Sign in again to confirm it's you before changing users.", { reauthenticate: true });
  }
}

export async function changeUserResponse({
  req,
  res,
  session,
}: {
  req: NextApiRequest;
  res: NextApiResponse;
  session: Session;
}): Promise<void> {
  assertRecentSignIn(session);
  const id = userIdFrom(req);
  const change = await parseJsonBody(req, userChangeSchema);
  const result = await changeUser(id, change);
  if (result.ok) return void res.status(200).json({ user: result.user });
  if (result.reason === "not_found") throw new ApiError(404, "No such user.");
  throw new ApiError(409, "This is the last active admin: promote someone else first.");
}
