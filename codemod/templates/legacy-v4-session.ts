import { encode } from "next-auth/jwt";
import type { NextAuthConfig, NextAuthResult } from "next-auth";
import type NextAuth from "next-auth";
import { NextRequest } from "next/server";

/**
 * Keeps users signed in with next-auth v4 signed in on Auth.js v5.
 * Written by the next-auth v5 codemod (step 6). It imports nothing from the app: auth.ts hands it
 * the app's config (secret, session strategy, `__Secure-` cookies, maxAge), and everything that
 * imports `auth` from auth.ts (pages, API routes, server components, middleware) reads v4 cookies.
 *
 * Delete it, and unwrap `withLegacyV4(NextAuth)` in auth.ts, once every v4 cookie has expired: the
 * session `maxAge` (30 days unless configured) after the deploy.
 *
 * v4 named the session cookie `[__Secure-]next-auth.session-token`; v5 reads only
 * `[__Secure-]authjs.session-token`. When a request carries a v4 cookie and no v5 one:
 * - JWT sessions: the v4 token (A256GCM under HKDF(secret, salt "", info "NextAuth.js Generated
 *   Encryption Key")) is decrypted; tampered, foreign-secret and expired tokens are dropped. Its
 *   claims are re-encoded in v5's format with the token's own expiry, never a new one.
 * - Database sessions: the cookie holds the session token; it is carried to v5's name as it is,
 *   and the session row is left alone (v5's adapter looks it up and decides).
 * v5 then runs its session action as usual (callbacks, re-issue), and the response deletes the v4
 * cookie(s). Web Crypto only, so it runs in Edge middleware too. `next/headers` is imported when a
 * server component calls `auth()`, never at load: the Pages Router refuses to build it.
 */

export interface LegacyV4SessionOptions {
  /** The secret v4 encrypted with (NEXTAUTH_SECRET); v5 must run with the same one. */
  secret: string;
  /** v4's `session.strategy`: "jwt" unless an adapter was configured without it. */
  strategy: "jwt" | "database";
  /** `__Secure-` cookie names: true when the site is served over https (v4's and v5's default rule). */
  secureCookies: boolean;
  /** v5's session maxAge in seconds: an upper bound for a carried token's remaining life. */
  maxAge?: number;
  /** Only when the app renames its v5 cookie (v5's `cookies.sessionToken.name`). */
  sessionCookieName?: string;
}

type Options = LegacyV4SessionOptions | (() => LegacyV4SessionOptions | Promise<LegacyV4SessionOptions>);

const V4_NAMES = ["__Secure-next-auth.session-token", "next-auth.session-token"];
const V4_INFO = "NextAuth.js Generated Encryption Key";
const CLOCK_TOLERANCE_SECONDS = 15; // as v4's decode

export interface LegacyUpgrade {
  /** The request's Cookie header with the v4 cookie(s) replaced by a v5 session cookie (if valid). */
  cookie: string;
  /** Set-Cookie values that delete the v4 cookie(s) in the browser. */
  expire: string[];
  /** Whether the v4 cookie was carried (false: tampered, foreign or expired, so signed out). */
  valid: boolean;
}

/** v5's session cookie name for these options. */
export function v5SessionCookieName(options: LegacyV4SessionOptions): string {
  return options.sessionCookieName ?? `${options.secureCookies ? "__Secure-" : ""}authjs.session-token`;
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

const isNameOrChunk = (name: string, base: string) => name === base || (name.startsWith(`${base}.`) && /^\d+$/.test(name.slice(base.length + 1)));
const chunkIndex = (name: string) => Number(name.slice(name.lastIndexOf(".") + 1)) || 0;

/** The value of cookie `base`, joined from `base.0`, `base.1`, … when it was chunked. */
function readChunked(cookies: [string, string][], base: string): string | null {
  const plain = cookies.find(([name]) => name === base);
  if (plain) return plain[1];
  const chunks = cookies.filter(([name]) => name !== base && isNameOrChunk(name, base));
  if (chunks.length === 0) return null;
  chunks.sort(([a], [b]) => chunkIndex(a) - chunkIndex(b));
  return chunks.map(([, value]) => value).join("");
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
  const bits = await crypto.subtle.deriveBits({ name: "HKDF", hash: "SHA-256", salt: new Uint8Array(0), info: text.encode(V4_INFO) }, material, 256);
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
    if (!isUnexpired(payload.exp)) return null;
    return payload;
  } catch {
    return null;
  }
}

function isUnexpired(exp: unknown): exp is number {
  return typeof exp === "number" && exp + CLOCK_TOLERANCE_SECONDS >= Math.floor(Date.now() / 1000);
}

function expireCookie(name: string): string {
  const secure = name.startsWith("__Secure-") ? "; Secure" : "";
  return `${name}=; Path=/; Expires=Thu, 01 Jan 1970 00:00:00 GMT; Max-Age=0; HttpOnly; SameSite=Lax${secure}`;
}

/** The claims of a valid v4 JWT, re-encoded for v5 with the time it had left (never more). */
async function reencode(legacyToken: string, options: LegacyV4SessionOptions, name: string): Promise<string | null> {
  const payload = await decodeV4SessionToken(legacyToken, options.secret);
  if (!payload) return null;
  const { iat: _iat, exp, jti: _jti, ...claims } = payload;
  const left = Math.max(1, (exp as number) - Math.floor(Date.now() / 1000));
  return encode({ token: claims, secret: options.secret, salt: name, maxAge: Math.min(left, options.maxAge ?? left) });
}

/**
 * Rewrites a request's Cookie header from v4 to v5. Null when there is nothing to do: no v4
 * cookie, or a v5 session cookie is already there (it wins).
 */
export async function upgradeLegacySessionCookie(cookieHeader: string | null | undefined, options: LegacyV4SessionOptions): Promise<LegacyUpgrade | null> {
  const name = v5SessionCookieName(options);
  const cookies = parseCookies(cookieHeader ?? "");
  if (cookies.some(([cookie]) => isNameOrChunk(cookie, name))) return null;
  const legacy = V4_NAMES.map((base) => readChunked(cookies, base)).find((value) => value !== null);
  if (legacy === undefined || legacy === null) return null;

  const present = cookies.map(([cookie]) => cookie).filter((cookie) => V4_NAMES.some((base) => isNameOrChunk(cookie, base)));
  const kept = cookies.filter(([cookie]) => !present.includes(cookie));
  const carried = options.strategy === "database" ? legacy || null : await reencode(legacy, options, name);
  if (carried) kept.push([name, carried]);
  return { cookie: kept.map(([n, v]) => `${n}=${v}`).join("; "), expire: present.map(expireCookie), valid: carried !== null };
}

// ---- Wiring: wraps NextAuth()'s result so every way of reading the session sees the upgrade. ----

type Handler = (request: NextRequest, context: unknown) => Promise<Response>;
type PagesResponse = { appendHeader(name: string, value: string): unknown } | { headers: Headers };
type PagesRequest = { headers: Record<string, string | string[] | undefined> | Headers };

function headerRecord(source: PagesRequest["headers"]): Headers {
  if (source instanceof Headers) return new Headers(source);
  const result = new Headers();
  for (const [name, value] of Object.entries(source)) {
    if (value !== undefined) result.set(name, Array.isArray(value) ? value.join(", ") : value);
  }
  return result;
}

function appendSetCookies(response: PagesResponse | undefined, values: string[]): void {
  if (!response) return;
  for (const value of values) {
    if ("headers" in response && response.headers instanceof Headers) response.headers.append("set-cookie", value);
    else if ("appendHeader" in response) response.appendHeader("set-cookie", value);
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
 * `options` may be a function: it is called per request, so env is read at run time, not build time.
 */
export function withLegacyV4Sessions<T extends Pick<NextAuthResult, "auth" | "handlers">>(result: T, options: Options): T {
  const v5auth = result.auth as (...args: unknown[]) => unknown;
  // Most requests carry no v4 cookie: answer them before resolving the options, which with a lazy
  // config (NextAuth(() => config)) builds the whole Auth.js config.
  const upgradeFor = async (cookieHeader: string | null | undefined) =>
    cookieHeader && V4_NAMES.some((name) => cookieHeader.includes(name))
      ? upgradeLegacySessionCookie(cookieHeader, typeof options === "function" ? await options() : options)
      : null;

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

  const readSession = async (...args: unknown[]): Promise<unknown> => {
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

  // Not async: `auth((req) => …)` must hand back the wrapped handler itself (Next refuses a promise as middleware).
  const wrappedAuth = (...args: unknown[]): unknown => {
    if (typeof args[0] === "function") {
      // middleware or route wrapper: `auth((req) => …)`
      // With a lazy config, NextAuth(() => config), v5 (beta.32) hands back a promise of the handler.
      const wrapped = v5auth(args[0]) as Handler | Promise<Handler>;
      return async (request: NextRequest, context: unknown) => {
        const upgraded = await upgradeRequest(request);
        return withExpired(await (await wrapped)(upgraded.request, context), upgraded.expire);
      };
    }
    return readSession(...args);
  };

  return {
    ...result,
    auth: wrappedAuth as unknown as T["auth"],
    handlers: { GET: route(result.handlers.GET), POST: route(result.handlers.POST) },
  };
}

/**
 * The bridge's options read from the app's own Auth.js config: its secret (or AUTH_SECRET /
 * NEXTAUTH_SECRET), its session strategy (database when an adapter is set without one, as in v4),
 * `useSecureCookies` (or an https AUTH_URL / NEXTAUTH_URL, v4's rule), maxAge and cookie name.
 */
export function legacyV4Options(config: NextAuthConfig): LegacyV4SessionOptions {
  const url = process.env.AUTH_URL ?? process.env.NEXTAUTH_URL ?? "";
  return {
    secret: [config.secret].flat()[0] ?? process.env.AUTH_SECRET ?? process.env.NEXTAUTH_SECRET ?? "",
    strategy: config.session?.strategy ?? (config.adapter ? "database" : "jwt"),
    secureCookies: config.useSecureCookies ?? url.startsWith("https://"),
    maxAge: config.session?.maxAge,
    sessionCookieName: config.cookies?.sessionToken?.name,
  };
}

/**
 * `NextAuth`, with the bridge wired in: `export const { handlers, auth, signIn, signOut } =
 * withLegacyV4(NextAuth)(config)`. Everything that imports `auth` from auth.ts (pages, API routes,
 * server components, middleware) and the `/api/auth/*` route read v4 cookies too.
 */
export function withLegacyV4(nextAuth: typeof NextAuth): typeof NextAuth {
  return ((config: Parameters<typeof NextAuth>[0]) => {
    // Read per request, as v5 reads a lazy config: the environment decides the secret and cookie names.
    const options = async () => legacyV4Options(typeof config === "function" ? await config(undefined) : config);
    return withLegacyV4Sessions(nextAuth(config), options);
  }) as typeof NextAuth;
}
