import { http, HttpResponse } from "msw";
import { setupServer } from "msw/node";
import type { Session } from "next-auth";
import { NEXT_AUTH_MAJOR } from "@/tooling/next-auth-version";

/** The session endpoint's body for a signed-out visitor: v4 answers `{}`, v5 `null`. */
const SIGNED_OUT = NEXT_AUTH_MAJOR >= 5 ? null : {};

/** Answers next-auth's client: the session endpoint, and its error logger. */
export const server = setupServer(http.post("*/api/auth/_log", () => new HttpResponse(null, { status: 200 })));

/** Makes `/api/auth/session` answer with `session` (null: signed out); returns a request counter. */
export function answerSession(session: Session | null): { count: () => number } {
  let requests = 0;
  server.use(
    http.get("*/api/auth/session", () => {
      requests += 1;
      return HttpResponse.json(session ?? SIGNED_OUT);
    }),
  );
  return { count: () => requests };
}

export function sessionFor(role: "admin" | "user", overrides: Partial<Session["user"]> = {}): Session {
  return {
    expires: new Date(Date.now() + 86_400_000).toISOString(),
    authTime: Math.floor(Date.now() / 1000),
    user: {
      id: `${role}-id`,
      role,
      name: role === "admin" ? "Ada Admin" : "Uma User",
      email: `${role}@example.com`,
      image: null,
      ...overrides,
    },
  };
}
