import type { NextApiRequest, NextApiResponse } from "next";

type Handler = (req: NextApiRequest, res: NextApiResponse) => unknown;

export function chain(...handlers: Handler[]) {
  return async (req: NextApiRequest, res: NextApiResponse) => {
    for (const handler of handlers) await handler(req, res);
  };
}

export async function recordVisit(req: NextApiRequest) {
  console.info("auth request", req.url);
}
