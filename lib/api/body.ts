import type { NextApiRequest } from "next";
import type { z } from "zod";
import { ApiError } from "@/lib/api/errors";

const MAX_BODY_BYTES = 16 * 1024;

/** Reads the raw request body (routes set `bodyParser: false`), refusing anything too large. */
async function readBody(req: NextApiRequest): Promise<string> {
  const declared = Number(req.headers["content-length"] ?? 0);
  if (declared > MAX_BODY_BYTES) throw new ApiError(413, "Request body is too large.");
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buffer = typeof chunk === "string" ? Buffer.from(chunk) : (chunk as Buffer);
    size += buffer.length;
    if (size > MAX_BODY_BYTES) throw new ApiError(413, "Request body is too large.");
    chunks.push(buffer);
  }
  return Buffer.concat(chunks).toString("utf8");
}

/** A JSON body checked against `schema`; a 415, 400 or 413 ApiError otherwise. */
export async function parseJsonBody<T>(req: NextApiRequest, schema: z.ZodType<T>): Promise<T> {
  const type = String(req.headers["content-type"] ?? "").split(";")[0].trim().toLowerCase();
  if (type !== "application/json") throw new ApiError(415, "Send the body as application/json.");
  let json: unknown;
  try {
    json = JSON.parse(await readBody(req));
  } catch (error) {
    if (error instanceof ApiError) throw error;
    throw new ApiError(400, "The body is not valid JSON.");
  }
  const result = schema.safeParse(json);
  if (!result.success) {
    const detail = result.error.issues.map((issue) => `${issue.path.join(".") || "body"}: ${issue.message}`).join("; ");
    throw new ApiError(400, `Invalid body. ${detail}`);
  }
  return result.data;
}
