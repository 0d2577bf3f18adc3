import type { NextApiHandler, NextApiRequest, NextApiResponse } from "next";
import type { Session } from "next-auth";
import { answerWithoutBody, contentType, takeBody } from "@/lib/http/body";
import { ApiError, sendError } from "@/lib/http/errors";
import type { Role } from "@/lib/users/roles";
import { getServerAuthSession } from "@/lib/auth/session";
import { isDatabaseUnavailable } from "@/lib/db/errors";
import { env } from "@/lib/env";
import { isSameOriginRequest } from "@/lib/http/origin";

/**
 * Builds a Pages API handler from one entry per HTTP method. Each entry names who may call it;
 * the builder answers 405, 413, 415, 401, 403 and cross-site refusals as JSON before the handler
 * runs, and turns an unexpected error into a 500 JSON without a stack trace. It reads the body
 * itself (the route file turns Next's parser off): a JSON text in `req.body`, at most 16 KB.
 */

type Method = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
type Access = "signed-in" | Role;

interface Context {
  req: NextApiRequest;
  res: NextApiResponse;
  session: Session;
}

interface MethodHandler {
  access: Access;
  handle(context: Context): Promise<void> | void;
}

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/** Fails closed when the database is down: no decision is made on a session we cannot check. */
function unavailable(res: NextApiResponse): void {
  res.setHeader("Retry-After", "30");
  sendError(res, 503, "The service is temporarily unavailable: the database is not answering. Try again in a minute.");
}

export function apiRoute(methods: Partial<Record<Method, MethodHandler>>): NextApiHandler {
  const allowed = Object.keys(methods).join(", ");
  return async (req, res) => {
    // Answers depend on the cookie: never let a shared cache keep one.
    res.setHeader("Cache-Control", "private, no-store");
    const entry = methods[(req.method ?? "GET") as Method];
    if (!entry) {
      res.setHeader("Allow", allowed);
      return answerWithoutBody(req, res, 405, `Method ${req.method} is not allowed here. Use ${allowed}.`);
    }
    try {
      if (!(await takeBody(req, res))) return;
      if (req.body !== "" && contentType(req) !== "application/json")
        return sendError(res, 415, "Send the body as application/json.");
      if (!SAFE_METHODS.has(req.method ?? "GET") && !isSameOriginRequest(req.headers, env().baseUrl)) {
        return sendError(res, 403, "Cross-site request refused: the Origin header must be this site.");
      }
      const session = await getServerAuthSession({ req, res });
      if (!session) return sendError(res, 401, "Sign in to use this API.");
      if (session.accessUnverified) return unavailable(res);
      if (entry.access !== "signed-in" && session.user.role !== entry.access) {
        return sendError(res, 403, `This API needs the ${entry.access} role.`);
      }
      await entry.handle({ req, res, session });
    } catch (error) {
      if (error instanceof ApiError) return sendError(res, error.status, error.message, error.details);
      if (isDatabaseUnavailable(error)) return unavailable(res);
      console.error("[api] unexpected error", req.method, req.url?.split("?")[0], error);
      if (!res.headersSent) sendError(res, 500, "Something went wrong on our side. Try again.");
    }
  };
}
