import type { NextApiResponse } from "next";

/** An answer the client can act on: a status and a sentence, sent as JSON. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = "ApiError";
  }
}

export function sendError(res: NextApiResponse, status: number, message: string): void {
  res.status(status).json({ error: message });
}
