import type { NextApiRequest, NextApiResponse } from "next";
import { getServerSession } from "next-auth";
import { authOptions } from "./options";

export const apiSession = (req: NextApiRequest, res: NextApiResponse) => getServerSession(req, res, authOptions);
