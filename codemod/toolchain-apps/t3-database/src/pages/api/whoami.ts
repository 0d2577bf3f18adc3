import { type NextApiRequest, type NextApiResponse } from "next";
import { getServerSession } from "next-auth";

import { authOptions } from "~/server/auth";

export default async function whoami(
  req: NextApiRequest,
  res: NextApiResponse,
) {
  const session = await getServerSession(req, res, authOptions);
  res.status(session ? 200 : 401).json({ id: session?.user.id ?? null });
}
