/**
 * Oversized bodies on a keep-alive connection: each kind of route gets a 2 MB body, then a second
 * request follows on the same socket. Both must be answered: the first with the app's own JSON,
 * the second normally. When the first answer says `Connection: close`, the server must close the
 * socket cleanly and the second request goes on a new one, as a browser's pool would send it.
 * Raw sockets, because an HTTP client hides which connection it reuses.
 */
import { connect, type Socket } from "node:net";
import type { RunningApp } from "../tooling/app-server";
import { getCsrf, type Session } from "../tooling/raw-http-auth";
import type { CheckResult } from "./support/results";

const OVERSIZED_BYTES = 2 * 1024 * 1024;
const ANSWER_TIMEOUT_MS = 15_000;

interface Answer {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** Reads HTTP/1.1 answers off one socket, in order. */
class Connection {
  private buffer = Buffer.alloc(0);
  private closed = false;
  private waiters: (() => void)[] = [];
  readonly socket: Socket;

  constructor(port: number) {
    this.socket = connect(port, "127.0.0.1");
    this.socket.on("data", (chunk: Buffer) => {
      this.buffer = Buffer.concat([this.buffer, chunk]);
      this.wake();
    });
    this.socket.on("close", () => {
      this.closed = true;
      this.wake();
    });
    this.socket.on("error", () => undefined); // a write after the server closed (EPIPE): the answer is what counts
  }

  private wake() {
    for (const waiter of this.waiters.splice(0)) waiter();
  }

  private async until<T>(what: string, ready: () => T | undefined): Promise<T> {
    const deadline = Date.now() + ANSWER_TIMEOUT_MS;
    for (;;) {
      const value = ready();
      if (value !== undefined) return value;
      if (this.closed) throw new Error(`the connection closed before ${what}`);
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`no ${what} within ${ANSWER_TIMEOUT_MS / 1000} s`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  write(head: string, body?: Buffer) {
    this.socket.write(head);
    if (body) this.socket.write(body);
  }

  /** The next complete answer (Content-Length or chunked body). */
  answer(): Promise<Answer> {
    return this.until("answer", () => {
      const end = this.buffer.indexOf("\r\n\r\n");
      if (end < 0) return undefined;
      const [statusLine, ...lines] = this.buffer.subarray(0, end).toString("latin1").split("\r\n");
      const headers = Object.fromEntries(
        lines.map((line) => [line.slice(0, line.indexOf(":")).toLowerCase(), line.slice(line.indexOf(":") + 1).trim()]),
      );
      let rest = this.buffer.subarray(end + 4);
      let body: Buffer;
      if (headers["transfer-encoding"]?.includes("chunked")) {
        const parts: Buffer[] = [];
        for (;;) {
          const lineEnd = rest.indexOf("\r\n");
          if (lineEnd < 0) return undefined;
          const size = parseInt(rest.subarray(0, lineEnd).toString("latin1"), 16);
          if (rest.length < lineEnd + 2 + size + 2) return undefined;
          parts.push(rest.subarray(lineEnd + 2, lineEnd + 2 + size));
          rest = rest.subarray(lineEnd + 2 + size + 2);
          if (size === 0) break;
        }
        body = Buffer.concat(parts);
      } else {
        const length = Number(headers["content-length"] ?? 0);
        if (rest.length < length) return undefined;
        body = rest.subarray(0, length);
        rest = rest.subarray(length);
      }
      this.buffer = rest;
      return { status: Number(statusLine.split(" ")[1]), headers, body: body.toString("utf8") };
    });
  }

  /** Resolves once the server has closed the socket. */
  closedByServer(): Promise<true> {
    return this.until("close", () => (this.closed || this.socket.readableEnded ? true : undefined));
  }

  end() {
    this.socket.destroy();
  }
}

interface RouteKind {
  name: string;
  method: string;
  path: string;
  headers: (app: RunningApp) => Promise<Record<string, string>>;
  /** What the first answer must be: a status and a piece of its JSON error. */
  expect: { status: number; error: RegExp };
}

const head = (method: string, path: string, headers: Record<string, string | number>) =>
  `${method} ${path} HTTP/1.1\r\n${Object.entries({ connection: "keep-alive", ...headers })
    .map(([name, value]) => `${name}: ${value}`)
    .join("\r\n")}\r\n\r\n`;

/** The oversized body, then GET /api/auth/providers, then the verdict. */
async function oversizedThenNext(app: RunningApp, kind: RouteKind): Promise<string[]> {
  const problems: string[] = [];
  const first = new Connection(app.port);
  let second: Connection | undefined;
  try {
    const headers = {
      host: `localhost:${app.port}`,
      origin: app.url,
      "content-length": OVERSIZED_BYTES,
      ...(await kind.headers(app)),
    };
    first.write(head(kind.method, kind.path, headers), Buffer.alloc(OVERSIZED_BYTES, "a"));
    const answer = await first.answer();
    if (answer.status !== kind.expect.status)
      problems.push(`wrong decision: answered ${answer.status}, expected ${kind.expect.status}`);
    if (!/application\/json/.test(answer.headers["content-type"] ?? ""))
      problems.push(
        `not the app's own answer: content-type ${answer.headers["content-type"]}: ${answer.body.slice(0, 80)}`,
      );
    else if (!kind.expect.error.test(answer.body)) problems.push(`unexpected JSON: ${answer.body.slice(0, 120)}`);

    const next = head("GET", "/api/auth/providers", { host: `localhost:${app.port}` });
    let on = first;
    if (/close/i.test(answer.headers.connection ?? "")) {
      await first.closedByServer();
      second = new Connection(app.port);
      on = second;
    }
    on.write(next);
    const after = await on.answer();
    if (after.status !== 200)
      problems.push(`the next request on ${on === first ? "the same" : "a new"} connection answered ${after.status}`);
  } catch (error) {
    problems.push(`broken connection: ${(error as Error).message}`);
  } finally {
    first.end();
    second?.end();
  }
  return problems;
}

export async function oversizedBodies(app: RunningApp, user: Session): Promise<CheckResult[]> {
  const json = async () => ({ "content-type": "application/json", cookie: user.cookie });
  const kinds: RouteKind[] = [
    {
      name: "apiRoute, handler reads no body (POST /api/me/sign-out-everywhere)",
      method: "POST",
      path: "/api/me/sign-out-everywhere",
      headers: json,
      expect: { status: 413, error: /too large/ },
    },
    {
      name: "apiRoute, handler reads JSON (PATCH /api/admin/users/[id])",
      method: "PATCH",
      path: "/api/admin/users/00000000-0000-4000-8000-000000000000",
      headers: json,
      expect: { status: 413, error: /too large/ },
    },
    {
      name: "apiRoute, GET with a body (/api/admin/users)",
      method: "GET",
      path: "/api/admin/users",
      headers: json,
      expect: { status: 413, error: /too large/ },
    },
    {
      name: "apiRoute, a method the route does not have (POST /api/me)",
      method: "POST",
      path: "/api/me",
      headers: json,
      expect: { status: 405, error: /not allowed/ },
    },
    {
      name: "next-auth route (POST /api/auth/callback/credentials)",
      method: "POST",
      path: "/api/auth/callback/credentials",
      headers: async (target) => ({
        "content-type": "application/x-www-form-urlencoded",
        cookie: (await getCsrf(target)).cookie,
      }),
      expect: { status: 413, error: /too large/ },
    },
  ];
  const results: CheckResult[] = [];
  for (const kind of kinds) {
    results.push({
      section: "bodies",
      name: `2 MB body then a second request: ${kind.name}`,
      problems: await oversizedThenNext(app, kind),
    });
  }
  return results;
}
