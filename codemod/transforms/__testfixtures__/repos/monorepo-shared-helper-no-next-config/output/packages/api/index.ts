import type { NextApiRequest, NextApiResponse } from "next";
import { getServerSession, type Session } from "@acme/auth";

export const createContext = async ({ req, res }: { req: NextApiRequest; res: NextApiResponse }) => {
  const session: Session | null = await getServerSession({ req, res });
  return { session };
};
