import type { NextApiResponse } from "next";

/** An answer the client can act on: a status and a sentence, sent as JSON. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    /** Extra machine-readable fields for the client, e.g. `{ reauthenticate: true }`. */
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = "ApiError";
  }
}

export function sendError(
  res: NextApiResponse,
  status: number,
  message: string,
  details: Record<string, unknown> = {},
): void {
  res.status(status).json({ ...details, error: message });
}
