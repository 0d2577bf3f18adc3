import type { IncomingMessage } from "node:http";
import { parse as parseQueryString } from "node:querystring";
import type { NextApiRequest, NextApiResponse } from "next";
import type { z } from "zod";
import { ApiError, sendError } from "@/lib/http/errors";

/**
 * Request bodies of every API route, read here rather than by Next's body parser: Next answers an
 * oversized body with a plain-text 413 and leaves the rest of it on a keep-alive connection, which
 * breaks the next request sent on it (next 15.5). So every file under pages/api exports
 * `config = { api: { bodyParser: false } }` (a literal: Next reads it from the page file).
 */

export const MAX_BODY_BYTES = 16 * 1024;
const TOO_LARGE = `The request body is too large (the limit is ${MAX_BODY_BYTES / 1024} KB).`;

/** The media type of the request, lower case, without parameters. */
export function contentType(req: IncomingMessage): string {
  return String(req.headers["content-type"] ?? "")
    .split(";")[0]
    .trim()
    .toLowerCase();
}

const declaredLength = (req: IncomingMessage) => Number(req.headers["content-length"] ?? 0);
const chunked = (req: IncomingMessage) => req.headers["transfer-encoding"] !== undefined;

/** Beyond this much unread body, the connection is closed at once rather than drained. */
const MAX_DRAINED_BYTES = 8 * 1024 * 1024;

/**
 * Answers without using the rest of the body. Node drains a small unread body itself and keeps the
 * connection. A body that is large, of unknown length or half read is read to its end and
 * discarded first, then answered with `Connection: close`: closing a socket the client is still
 * writing to resets it, and the client loses the answer.
 */
export function answerWithoutBody(
  req: NextApiRequest,
  res: NextApiResponse,
  status: number,
  message: string,
): Promise<void> | void {
  if (req.complete || !(declaredLength(req) > MAX_BODY_BYTES || chunked(req) || req.readableDidRead))
    return sendError(res, status, message);
  res.setHeader("Connection", "close");
  return new Promise<void>((resolve) => {
    let drained = 0;
    const answer = () => {
      req.off("data", onData).off("end", answer).off("close", answer);
      if (!res.writableEnded && !req.socket.destroyed) sendError(res, status, message);
      resolve();
    };
    const onData = (chunk: Buffer) => {
      drained += chunk.length;
      if (drained > MAX_DRAINED_BYTES) answer();
    };
    req.on("data", onData).on("end", answer).on("close", answer).resume();
  });
}

/** The raw body as text, or null when it is larger than MAX_BODY_BYTES (reading stops there). */
export function readBody(req: IncomingMessage): Promise<string | null> {
  if (declaredLength(req) > MAX_BODY_BYTES) return Promise.resolve(null);
  if (declaredLength(req) === 0 && !chunked(req)) return Promise.resolve("");
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const done = (value: string | null) => {
      req.off("data", onData).off("end", onEnd).off("error", onError);
      resolve(value);
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        req.pause();
        return done(null);
      }
      chunks.push(chunk);
    };
    const onEnd = () => done(Buffer.concat(chunks).toString("utf8"));
    const onError = (error: Error) => {
      req.off("data", onData).off("end", onEnd);
      reject(error);
    };
    req.on("data", onData).on("end", onEnd).on("error", onError);
  });
}

/**
 * Reads the body into `req.body` as text; answers 413 (and closes the connection) when it is too
 * large. Returns false when it has answered.
 */
export async function takeBody(req: NextApiRequest, res: NextApiResponse): Promise<boolean> {
  const text = await readBody(req);
  if (text === null) {
    await answerWithoutBody(req, res, 413, TOO_LARGE);
    return false;
  }
  req.body = text;
  return true;
}

/** Parses what `takeBody` read the way Next's parser would (JSON or a form); throws a 400 or 415 ApiError. */
export function parseFormOrJson(req: NextApiRequest): unknown {
  const text = typeof req.body === "string" ? req.body : "";
  if (text === "") return {};
  const type = contentType(req);
  if (type === "application/x-www-form-urlencoded") return { ...parseQueryString(text) };
  if (type === "application/json") return parseJson(text);
  throw new ApiError(415, "Send the body as application/x-www-form-urlencoded or application/json.");
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new ApiError(400, "The body is not valid JSON.");
  }
}

/** The JSON body `apiRoute` read, checked against `schema`; a 415 or 400 ApiError otherwise. */
export async function parseJsonBody<T>(req: NextApiRequest, schema: z.ZodType<T>): Promise<T> {
  if (contentType(req) !== "application/json") throw new ApiError(415, "Send the body as application/json.");
  const json = parseJson(typeof req.body === "string" ? req.body : "");
  const result = schema.safeParse(json);
  if (!result.success) {
    const detail = result.error.issues.map((issue) => `${issue.path.join(".") || "body"}: ${issue.message}`).join("; ");
    throw new ApiError(400, `Invalid body. ${detail}`);
  }
  return result.data;
}
