import type { NextApiRequest, NextApiResponse } from "next";
import handler from "@/src/pages/api/auth/[...nextauth]";

/** The route answers HEAD (a mail link checker) before next-auth sees it. */
export async function answersHead() {
  let status = 0;
  const res = { status: (code: number) => ((status = code), { end: () => undefined }) } as unknown as NextApiResponse;
  await handler({ method: "HEAD", query: {} } as unknown as NextApiRequest, res);
  return status === 200;
}
