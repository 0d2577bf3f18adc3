/**
 * Raw HTTP to an app on loopback. node:http rather than fetch: fetch normalises paths
 * (`/admin/..;/`, `//admin`), forbids some headers and follows redirects, and the probes need
 * exactly the bytes they name.
 */
import { request as httpRequest } from "node:http";
import type { RunningApp } from "./app-server";

export interface Probe {
  method?: string;
  /** Sent as is, not normalised. */
  path: string;
  headers?: Record<string, string | string[]>;
  body?: string | Buffer;
  timeoutMs?: number;
}

export interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
  /** `name=value` of each Set-Cookie, and the whole header lines. */
  setCookies: string[];
  location: string | undefined;
  ms: number;
}

export function send(app: Pick<RunningApp, "port">, probe: Probe): Promise<Reply> {
  const headers: Record<string, string | string[]> = {
    host: `localhost:${app.port}`,
    ...lowerKeys(probe.headers ?? {}),
  };
  if (probe.body !== undefined && headers["content-length"] === undefined) {
    headers["content-length"] = String(Buffer.byteLength(probe.body));
  }
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      {
        host: "127.0.0.1",
        port: app.port,
        method: probe.method ?? "GET",
        path: probe.path,
        headers,
        timeout: probe.timeoutMs ?? 20_000,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (chunk: Buffer) => chunks.push(chunk));
        res.on("end", () => {
          const setCookie = res.headers["set-cookie"] ?? [];
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(chunks).toString("utf8"),
            setCookies: setCookie,
            location: typeof res.headers.location === "string" ? res.headers.location : undefined,
            ms: performance.now() - started,
          });
        });
        res.on("error", reject);
      },
    );
    req.on("timeout", () => req.destroy(new Error(`${probe.method ?? "GET"} ${probe.path} timed out`)));
    req.on("error", reject);
    if (probe.body !== undefined) req.write(probe.body);
    req.end();
  });
}

function lowerKeys(headers: Record<string, string | string[]>) {
  return Object.fromEntries(Object.entries(headers).map(([key, value]) => [key.toLowerCase(), value]));
}

/** The value of cookie `name` among Set-Cookie lines, or undefined (also when it is being cleared). */
export function cookieValue(setCookies: string[], name: string): string | undefined {
  for (const line of setCookies) {
    const [pair] = line.split(";");
    const index = pair.indexOf("=");
    if (pair.slice(0, index).trim() === name) {
      const value = pair.slice(index + 1).trim();
      return value === "" ? undefined : value;
    }
  }
  return undefined;
}

/** The whole Set-Cookie line for `name`. */
export function setCookieLine(setCookies: string[], name: string): string | undefined {
  return setCookies.find((line) => line.split("=")[0].trim() === name);
}

/** `a=1; b=2` from Set-Cookie lines (attributes dropped, cleared cookies skipped). */
export function cookiePairs(setCookies: string[]): string {
  return setCookies
    .map((line) => line.split(";")[0].trim())
    .filter((pair) => !pair.endsWith("="))
    .join("; ");
}
