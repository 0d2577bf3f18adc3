import type { NextApiRequest, NextApiResponse } from "next";
import { auth } from "@/auth";

const handler = async (request: NextApiRequest, response: NextApiResponse) => {
  const session = await auth(request, response);
  if (!session) return response.status(401).json({ error: "Unauthorized" });
  return response.json({ owner: session.user?.email });
};

export default handler;
