import { encode } from "next-auth/jwt";
import type { NextAuthResult } from "next-auth";
import { NextRequest } from "next/server";
import { sessionCookieName } from "@/lib/auth/cookies";
import { env } from "@/lib/env";

/**
 * Session continuity across the v4 → v5 switch. Delete this module (and its one call in
 * auth.ts) once every v4 cookie has expired: 30 days (the session maxAge) after the switch.
 *
 * next-auth v4 named the session cookie `[__Secure-]next-auth.session-token` and encrypted it
 * with A256GCM under HKDF(secret, salt "", info "NextAuth.js Generated Encryption Key"). Auth.js
 * v5 reads only `[__Secure-]authjs.session-token`, keyed with the cookie name as salt, so without
 * this bridge the upgrade signs everyone out. When a request carries a v4 cookie and no v5 one,
 * the bridge decrypts the v4 token (tampered or expired tokens fail and are dropped), re-encodes
 * its claims in v5's format under v5's name, and tells the browser to delete the v4 cookie(s).
 * v5's session action then runs the jwt/session callbacks and re-issues the v5 cookie as usual.
 *
 * Web Crypto only, so it also runs in Edge middleware. `pages/` reaches this module through auth.ts,
 * so it imports nothing that only works in the App Router: `next/headers` is imported when a server
 * component calls `auth()`, never at load (Next refuses to build a page that imports it).
 */

const V4_NAMES = ["__Secure-next-auth.session-token", "next-auth.session-token"] as const;
const V4_INFO = "NextAuth.js Generated Encryption Key";
const CLOCK_TOLERANCE_SECONDS = 15; // as v4's decode

export interface LegacyUpgrade {
  /** The request's Cookie header with the v4 cookie(s) replaced by a v5 session cookie (if valid). */
  cookie: string;
  /** Set-Cookie values that delete the v4 cookie(s) in the browser. */
  expire: string[];
  /** Whether the v4 token was valid (false: tampered, foreign or expired, so signed out). */
  valid: boolean;
}

interface UpgradeOptions {
  secret: string;
  /** The v5 session cookie name for this deployment, e.g. `authjs.session-token`. */
  sessionCookieName: string;
}

function parseCookies(header: string): [string, string][] {
  return header
    .split(/;\s*/)
    .filter(Boolean)
    .map((pair) => {
      const index = pair.indexOf("=");
      return index < 0 ? [pair, ""] : [pair.slice(0, index), pair.slice(index + 1)];
    });
}

const isNameOrChunk = (name: string, base: string) => name === base || new RegExp(`^${base.replace(/[.]/g, "\\.")}\\.\\d+$`).test(name);
const chunkIndex = (name: string) => Number(name.slice(name.lastIndexOf(".") + 1)) || 0;

/** The value of cookie `base`, joined from `base.0`, `base.1`, … when it was chunked. */
function readChunked(cookies: [string, string][], base: string): { value: string; names: string[] } | null {
  const plain = cookies.find(([name]) => name === base);
  if (plain) return { value: plain[1], names: [base] };
  const chunks = cookies.filter(([name]) => isNameOrChunk(name, base) && name !== base);
  if (chunks.length === 0) return null;
  chunks.sort(([a], [b]) => chunkIndex(a) - chunkIndex(b));
  return { value: chunks.map(([, value]) => value).join(""), names: chunks.map(([name]) => name) };
}

const text = new TextEncoder();

function base64UrlDecode(input: string): Uint8Array<ArrayBuffer> {
  const base64 = input.replace(/-/g, "+").replace(/_/g, "/").padEnd(Math.ceil(input.length / 4) * 4, "=");
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** v4's key: HKDF-SHA256(secret, salt "", info "NextAuth.js Generated Encryption Key"), 32 bytes. */
async function v4EncryptionKey(secret: string): Promise<CryptoKey> {
  const material = await crypto.subtle.importKey("raw", text.encode(secret), "HKDF", false, ["deriveBits"]);
  const bits = await crypto.subtle.deriveBits(
    { name: "HKDF", hash: "SHA-256", salt: new Uint8Array(0), info: text.encode(V4_INFO) },
    material,
    256,
  );
  return crypto.subtle.importKey("raw", bits, "AES-GCM", false, ["decrypt"]);
}

/** Decrypts a v4 session JWE (`dir` + `A256GCM`); null when it is malformed, tampered or expired. */
export async function decodeV4SessionToken(token: string, secret: string): Promise<Record<string, unknown> | null> {
  try {
    const [protectedHeader, encryptedKey, iv, ciphertext, tag, ...rest] = token.split(".");
    if (rest.length > 0 || encryptedKey !== "" || !tag) return null;
    const header = JSON.parse(new TextDecoder().decode(base64UrlDecode(protectedHeader))) as Record<string, unknown>;
    if (header.alg !== "dir" || header.enc !== "A256GCM") return null;
    const sealed = new Uint8Array([...base64UrlDecode(ciphertext), ...base64UrlDecode(tag)]);
    const plaintext = await crypto.subtle.decrypt(
      { name: "AES-GCM", iv: base64UrlDecode(iv), additionalData: text.encode(protectedHeader), tagLength: 128 },
      await v4EncryptionKey(secret),
      sealed,
    );
    const payload = JSON.parse(new TextDecoder().decode(plaintext)) as Record<string, unknown>;
    const now = Math.floor(Date.now() / 1000);
    if (typeof payload.exp !== "number" || payload.exp + CLOCK_TOLERANCE_SECONDS < now) return null;
    return payload;
  } catch {
    return null;
  }
}

function expireCookie(name: string): string {
  const secure = name.startsWith("__Secure-") ? "; Secure" : "";
  return `${name}=; Path=/; Expires=Thu, 01 Jan 1970 00:00:00 GMT; Max-Age=0; HttpOnly; SameSite=Lax${secure}`;
}

/**
 * Rewrites a request's Cookie header from v4 to v5. Null when there is nothing to do: no v4
 * cookie, or a v5 session cookie is already there (it wins).
 */
export async function upgradeLegacySessionCookie(cookieHeader: string | null | undefined, options: UpgradeOptions): Promise<LegacyUpgrade | null> {
  const cookies = parseCookies(cookieHeader ?? "");
  if (cookies.some(([name]) => isNameOrChunk(name, options.sessionCookieName))) return null;
  const legacy = V4_NAMES.map((base) => readChunked(cookies, base)).find(Boolean);
  if (!legacy) return null;

  const allLegacyNames = cookies.map(([name]) => name).filter((name) => V4_NAMES.some((base) => isNameOrChunk(name, base)));
  const kept = cookies.filter(([name]) => !allLegacyNames.includes(name));
  const expire = allLegacyNames.map(expireCookie);

  const payload = await decodeV4SessionToken(legacy.value, options.secret);
  if (!payload) return { cookie: kept.map(([n, v]) => `${n}=${v}`).join("; "), expire, valid: false };

  const { iat: _iat, exp, jti: _jti, ...claims } = payload;
  const remaining = Math.max(1, (exp as number) - Math.floor(Date.now() / 1000));
  const token = await encode({ token: claims, secret: options.secret, salt: options.sessionCookieName, maxAge: remaining });
  kept.push([options.sessionCookieName, token]);
  return { cookie: kept.map(([n, v]) => `${n}=${v}`).join("; "), expire, valid: true };
}

// ---- Wiring: wraps NextAuth()'s result so every way of reading the session sees the upgrade. ----


type PagesResponse = { appendHeader(name: string, value: string): unknown } | { headers: Headers };
type PagesRequest = { headers: Record<string, string | string[] | undefined> | Headers };

function upgradeFor(cookieHeader: string | null | undefined) {
  const { secret, baseUrl } = env();
  return upgradeLegacySessionCookie(cookieHeader, { secret, sessionCookieName: sessionCookieName(baseUrl) });
}

function headerRecord(source: PagesRequest["headers"]): Headers {
  const result = new Headers();
  if (source instanceof Headers) return new Headers(source);
  for (const [name, value] of Object.entries(source)) {
    if (value !== undefined) result.set(name, Array.isArray(value) ? value.join(", ") : value);
  }
  return result;
}

function appendSetCookies(response: PagesResponse, values: string[]): void {
  for (const value of values) {
    if ("headers" in response) response.headers.append("set-cookie", value);
    else response.appendHeader("set-cookie", value);
  }
}

/** A copy of `request` carrying `cookie` instead of its own Cookie header. */
async function withCookie(request: NextRequest, cookie: string): Promise<NextRequest> {
  const headers = new Headers(request.headers);
  headers.set("cookie", cookie);
  const hasBody = request.method !== "GET" && request.method !== "HEAD";
  return new NextRequest(request.url, { method: request.method, headers, body: hasBody ? await request.text() : undefined });
}

function withExpired(response: Response, expire: string[]): Response {
  for (const value of expire) response.headers.append("set-cookie", value);
  return response;
}

/**
 * Returns NextAuth()'s result with `handlers` and every form of `auth` (server component,
 * getServerSideProps, API route, middleware, wrapper) reading a v4 session cookie as well.
 */
export function withLegacyV4Sessions<T extends Pick<NextAuthResult, "auth" | "handlers">>(result: T): T {
  const { auth } = result;
  const v5auth = auth as (...args: unknown[]) => unknown;

  const upgradeRequest = async (request: NextRequest) => {
    const upgrade = await upgradeFor(request.headers.get("cookie"));
    return upgrade ? { request: await withCookie(request, upgrade.cookie), expire: upgrade.expire } : { request, expire: [] };
  };

  const route =
    (handler: (request: NextRequest) => Promise<Response>) =>
    async (request: NextRequest): Promise<Response> => {
      const upgraded = await upgradeRequest(request);
      return withExpired(await handler(upgraded.request), upgraded.expire);
    };

  const wrappedAuth = async (...args: unknown[]): Promise<unknown> => {
    if (args.length === 0) {
      // Server component: read the incoming headers; a component cannot set cookies.
      const { headers: requestHeaders } = await import("next/headers");
      const incoming = await requestHeaders();
      const upgrade = await upgradeFor(incoming.get("cookie"));
      if (!upgrade) return v5auth();
      const headers = new Headers(incoming);
      headers.set("cookie", upgrade.cookie);
      return v5auth({ headers }, { headers: new Headers() });
    }
    if (args[0] instanceof Request) {
      // middleware: `export default auth`
      const upgraded = await upgradeRequest(args[0] as NextRequest);
      return withExpired((await v5auth(upgraded.request, args[1])) as Response, upgraded.expire);
    }
    if (typeof args[0] === "function") {
      // middleware or route wrapper: `auth((req) => …)`
      const wrapped = v5auth(args[0]) as (request: NextRequest, context: unknown) => Promise<Response>;
      return async (request: NextRequest, context: unknown) => {
        const upgraded = await upgradeRequest(request);
        return withExpired(await wrapped(upgraded.request, context), upgraded.expire);
      };
    }
    // getServerSideProps `auth(ctx)` or API route `auth(req, res)`
    const first = args[0] as { req?: PagesRequest; res?: PagesResponse } & PagesRequest;
    const req = (first.req ?? first) as PagesRequest;
    const res = (first.res ?? args[1]) as PagesResponse;
    const headers = headerRecord(req.headers);
    const upgrade = await upgradeFor(headers.get("cookie"));
    if (!upgrade) return v5auth(req, res);
    headers.set("cookie", upgrade.cookie);
    const session = await v5auth({ headers }, res);
    appendSetCookies(res, upgrade.expire);
    return session;
  };

  return {
    ...result,
    auth: wrappedAuth as unknown as T["auth"],
    handlers: { GET: route(result.handlers.GET), POST: route(result.handlers.POST) },
  };
}
