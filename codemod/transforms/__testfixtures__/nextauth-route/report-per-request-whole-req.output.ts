import type { NextApiRequest, NextApiResponse } from "next";
import NextAuth from "next-auth";
import { authOptionsFor } from "@/lib/auth";

export default (req: NextApiRequest, res: NextApiResponse) => NextAuth(req, res, authOptionsFor(req));
