import type { NextApiRequest, NextApiResponse } from "next";
import { getSession } from "next-auth/react";

const handler = async (request: NextApiRequest, response: NextApiResponse) => {
  const session = await getSession({ req: request });
  if (!session) return response.status(401).json({ error: "Unauthorized" });
  return response.json({ owner: session.user?.email });
};

export default handler;
