import { TRPCError } from "@trpc/server";
import { type NextApiRequest, type NextApiResponse } from "next";
import { createCaller } from "~/server/api/root";
import { createTRPCContext } from "~/server/api/trpc";

/** The signed-in user, through the tRPC `auth.me` procedure (401 without a session). */
export default async function me(req: NextApiRequest, res: NextApiResponse) {
  const caller = createCaller(await createTRPCContext({ req, res }));
  try {
    const user = await caller.auth.me();
    res.setHeader("Cache-Control", "private, no-store");
    return res.status(200).json({ id: user.id, email: user.email });
  } catch (error) {
    if (error instanceof TRPCError && error.code === "UNAUTHORIZED") {
      return res.status(401).json({ error: "Sign in first" });
    }
    throw error;
  }
}
