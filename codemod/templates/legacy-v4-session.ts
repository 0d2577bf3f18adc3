import { encode } from "next-auth/jwt";
import type { NextAuthConfig, NextAuthResult } from "next-auth";
import type NextAuth from "next-auth";
import { NextRequest } from "next/server";

/**
 * Keeps users signed in with next-auth v4 signed in on Auth.js v5.
 * Written by the next-auth v5 codemod (step 6). It imports nothing from the app: auth.ts hands it
 * the app's config, and everything that imports `auth` from auth.ts (pages, API routes, server
 * components, middleware) and the `/api/auth/*` route read v4 cookies.
 *
 * Delete it, and unwrap `withLegacyV4(NextAuth)` in auth.ts, once every v4 cookie has expired: the
 * session `maxAge` (30 days unless configured) after the deploy.
 *
 * v4 named the session cookie `[__Secure-]next-auth.session-token` (or the app's
 * `cookies.sessionToken.name`); v5 names it `[__Secure-]authjs.session-token` (or the same custom
 * name), choosing `__Secure-` per request as v5 does. When a request carries a v4 cookie and no v5 one:
 * - JWT sessions: the v4 token (A256GCM under HKDF(secret, salt "", info "NextAuth.js Generated
 *   Encryption Key"); the secret is the config's `jwt.secret` if set, as in v4 and v5) is
 *   decrypted; tampered, foreign-secret and expired tokens are not carried.
 *   Its claims are re-encoded in v5's format with the token's own expiry, never a new one.
 * - Database sessions: the cookie holds the session token; it is carried to v5's name as it is,
 *   and the session row is left alone (v5's adapter looks it up and decides).
 * v5 then runs its session action as usual. The v4 cookie is deleted only by a response in which
 * v5 sets the session cookie that replaces it (or signs the user out): when v5 fails (a 4xx or 5xx,
 * an exception, a broken configuration) the v4 cookie stays, so fixing the configuration, or
 * redeploying v4, signs the same user in again. The session callback's result never carries the
 * database session token (v5 hands the session row to the callback; v4 did not).
 * Web Crypto only, so it runs in Edge middleware too. `next/headers` is imported when a server
 * component calls `auth()`, never at load: the Pages Router refuses to build it.
 */

export interface LegacyV4SessionOptions {
  /** The secret v4 encrypted with: its `jwt.secret`, else its `secret` (NEXTAUTH_SECRET); any of a list. */
  secret: string | string[];
  /** The secret v5 seals its own session cookie with (its `jwt.secret`, else `secret`); unset: `secret`. */
  v5Secret?: string | string[] | undefined;
  /** v4's `session.strategy`: "jwt" unless an adapter was configured without it. */
  strategy: "jwt" | "database";
  /** `__Secure-` cookie names: the app's `useSecureCookies`; unset, each request decides as v5 does. */
  secureCookies?: boolean | undefined;
  /** v5's session maxAge in seconds: an upper bound for a carried token's remaining life. */
  maxAge?: number | undefined;
  /** The app's `cookies.sessionToken.name`: v4 wrote it, and v5 writes it too. */
  sessionCookieName?: string | undefined;
  /** The app's `cookies.sessionToken.options` (domain, path): a v4 cookie is deleted with them. */
  sessionCookieOptions?: { domain?: string | undefined; path?: string | undefined } | undefined;
}

type Options = LegacyV4SessionOptions | (() => LegacyV4SessionOptions | Promise<LegacyV4SessionOptions>);

const V4_DEFAULT_NAMES = ["__Secure-next-auth.session-token", "next-auth.session-token"];
const V4_INFO = "NextAuth.js Generated Encryption Key";
const CLOCK_TOLERANCE_SECONDS = 15; // as v4's decode
const LOG_PREFIX = "[legacy-v4-session]";

export interface LegacyUpgrade {
  /** The request's Cookie header with the v4 cookie(s) replaced by a v5 session cookie (if valid). */
  cookie: string;
  /** The v4 cookie names (chunks included) the request carried: deleted once v5 has replaced them. */
  legacy: string[];
  /** Set-Cookie values that delete each of `legacy` in the browser. */
  expire: string[];
  /** Whether the v4 cookie was carried (false: tampered, foreign or expired, so read as signed out). */
  valid: boolean;
}

/** v5's session cookie name for these options (`secureCookies` as resolved for the request). */
export function v5SessionCookieName(options: LegacyV4SessionOptions): string {
  return options.sessionCookieName ?? `${options.secureCookies ? "__Secure-" : ""}authjs.session-token`;
}

/** The names v4 may have written the session under: its two defaults and the app's own name. */
function legacyNames(options: LegacyV4SessionOptions): string[] {
  const custom = options.sessionCookieName;
  return custom && !V4_DEFAULT_NAMES.includes(custom) ? [...V4_DEFAULT_NAMES, custom] : V4_DEFAULT_NAMES;
}

/**
 * Whether v5 uses `__Secure-` names for this request, as v5 decides: the app's `useSecureCookies`;
 * else the protocol of AUTH_URL ?? NEXTAUTH_URL; else, for the route handlers, the request URL's
 * (Next builds it from X-Forwarded-Proto), and for `auth()`, the X-Forwarded-Proto header
 * (v5 assumes https without one).
 */
export function usesSecureCookies(options: LegacyV4SessionOptions, headers: Headers, requestUrl?: string): boolean {
  if (options.secureCookies !== undefined) return options.secureCookies;
  const configured = process.env.AUTH_URL ?? process.env.NEXTAUTH_URL;
  const url = configured !== undefined && configured !== "" ? configured : requestUrl;
  if (url) {
    try {
      return new URL(url).protocol === "https:";
    } catch {
      return false;
    }
  }
  const forwarded = headers.get("x-forwarded-proto") ?? "https";
  return (forwarded.endsWith(":") ? forwarded : `${forwarded}:`) === "https:";
}

function parseCookies(header: string): [string, string][] {
  return header
    .split(/;\s*/)
    .filter(Boolean)
    .map((pair): [string, string] => {
      const index = pair.indexOf("=");
      return index < 0 ? [pair, ""] : [pair.slice(0, index), pair.slice(index + 1)];
    });
}

const isNameOrChunk = (name: string, base: string) =>
  name === base || (name.startsWith(`${base}.`) && /^\d+$/.test(name.slice(base.length + 1)));
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

function base64UrlDecode(input: string) {
  const base64 = input
    .replace(/-/g, "+")
    .replace(/_/g, "/")
    .padEnd(Math.ceil(input.length / 4) * 4, "=");
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

/** The protected header of a JWE, or null. */
function jweHeader(token: string): Record<string, unknown> | null {
  try {
    const header: unknown = JSON.parse(new TextDecoder().decode(base64UrlDecode(token.split(".")[0] ?? "")));
    return header !== null && typeof header === "object" ? (header as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/** v4 sealed its session JWT with `dir` + `A256GCM` and no key id; v5 writes `A256CBC-HS512` and a `kid`. */
function isV4Token(token: string): boolean {
  const header = jweHeader(token);
  return header !== null && header.alg === "dir" && header.enc === "A256GCM" && header.kid === undefined;
}

/** Decrypts a v4 session JWE (`dir` + `A256GCM`); null when it is malformed, tampered or expired. */
export async function decodeV4SessionToken(
  token: string,
  secret: string | string[],
): Promise<Record<string, unknown> | null> {
  const parts = token.split(".");
  if (parts.length !== 5 || parts[1] !== "" || !parts[4] || !isV4Token(token)) return null;
  const [protectedHeader = "", , iv = "", ciphertext = "", tag = ""] = parts;
  const body = base64UrlDecode(ciphertext);
  const mac = base64UrlDecode(tag);
  const sealed = new Uint8Array(body.length + mac.length);
  sealed.set(body);
  sealed.set(mac, body.length);
  for (const candidate of typeof secret === "string" ? [secret] : secret) {
    try {
      const plaintext = await crypto.subtle.decrypt(
        { name: "AES-GCM", iv: base64UrlDecode(iv), additionalData: text.encode(protectedHeader), tagLength: 128 },
        await v4EncryptionKey(candidate),
        sealed,
      );
      const payload: unknown = JSON.parse(new TextDecoder().decode(plaintext));
      if (payload === null || typeof payload !== "object") return null;
      const claims = payload as Record<string, unknown>;
      return isUnexpired(claims.exp) ? claims : null;
    } catch {
      // Another secret, or not a token sealed by this app: try the next one.
    }
  }
  return null;
}

function isUnexpired(exp: unknown): exp is number {
  return typeof exp === "number" && exp + CLOCK_TOLERANCE_SECONDS >= Math.floor(Date.now() / 1000);
}

/** A Set-Cookie value deleting cookie `name` as v4 wrote it (its path and domain, or v4's defaults). */
function expireCookie(name: string, options: LegacyV4SessionOptions): string {
  const { domain, path = "/" } = options.sessionCookieOptions ?? {};
  const secure = name.startsWith("__Secure-") ? "; Secure" : "";
  const scope = domain ? `; Domain=${domain}` : "";
  return `${name}=; Path=${path}${scope}; Expires=Thu, 01 Jan 1970 00:00:00 GMT; Max-Age=0; HttpOnly; SameSite=Lax${secure}`;
}

/** The claims of a valid v4 JWT, re-encoded for v5 with the time it had left (never more). */
async function reencode(legacyToken: string, options: LegacyV4SessionOptions, name: string): Promise<string | null> {
  const payload = await decodeV4SessionToken(legacyToken, options.secret);
  if (!payload) return null;
  const claims = { ...payload };
  delete claims.iat;
  delete claims.jti;
  delete claims.exp;
  const left = Math.max(1, (payload.exp as number) - Math.floor(Date.now() / 1000));
  const v5Secret = options.v5Secret ?? options.secret;
  const secret = typeof v5Secret === "string" ? v5Secret : (v5Secret[0] ?? "");
  return encode({ token: claims, secret, salt: name, maxAge: Math.min(left, options.maxAge ?? left) });
}

/**
 * Rewrites a request's Cookie header from v4 to v5, for `options` as resolved for that request
 * (`secureCookies` set). Null when there is nothing to do: no v4 cookie, or a v5 session cookie is
 * already there (it wins).
 */
export async function upgradeLegacySessionCookie(
  cookieHeader: string | null | undefined,
  options: LegacyV4SessionOptions,
): Promise<LegacyUpgrade | null> {
  const name = v5SessionCookieName(options);
  const cookies = parseCookies(cookieHeader ?? "");
  const names = legacyNames(options);
  const current = readChunked(cookies, name);
  let legacy: string | null | undefined;
  if (current !== null) {
    // A custom name v4 and v5 share: only a JWT still in v4's format needs carrying.
    if (!names.includes(name) || options.strategy === "database" || !isV4Token(current)) return null;
    legacy = current;
  } else {
    legacy = names.map((base) => readChunked(cookies, base)).find((value) => value !== null);
  }
  if (legacy === undefined || legacy === null) return null;

  const present = cookies.map(([cookie]) => cookie).filter((cookie) => names.some((base) => isNameOrChunk(cookie, base)));
  const kept = cookies.filter(([cookie]) => !present.includes(cookie));
  const carried = options.strategy === "database" ? legacy || null : await reencode(legacy, options, name);
  if (carried) kept.push([name, carried]);
  return {
    cookie: kept.map(([n, v]) => `${n}=${v}`).join("; "),
    legacy: present,
    expire: present.map((cookie) => expireCookie(cookie, options)),
    valid: carried !== null,
  };
}

/** `headers.getSetCookie()`, which TypeScript's DOM lib declares only from 5.2 on. */
const setCookies = (headers: Headers): string[] => (headers as Headers & { getSetCookie(): string[] }).getSetCookie();

// ---- When the v4 cookie may go: only once v5 has set the cookie that replaces it. ----

const cookieName = (setCookie: string) => setCookie.slice(0, setCookie.indexOf("=")).trim();
const cookieValue = (setCookie: string) => setCookie.slice(setCookie.indexOf("=") + 1).split(";")[0] ?? "";

/**
 * What v5 did with the session cookie in `v5SetCookies`, and the Set-Cookie values deleting the v4
 * cookies `legacy`: none unless v5 set its session cookie (a value, or a deletion when it signed
 * the user out); never one that would delete a cookie v5 has just written under the same name.
 */
function legacyExpiry(
  legacy: string[],
  options: LegacyV4SessionOptions,
  v5SetCookies: string[],
  signOut: boolean,
): { replaced: boolean; expire: string[] } {
  const name = v5SessionCookieName(options);
  const session = v5SetCookies.filter((line) => isNameOrChunk(cookieName(line), name));
  const replaced = session.some((line) => cookieValue(line) !== "");
  if (!replaced && !(signOut && session.length > 0)) return { replaced, expire: [] };
  const written = new Set(session.map(cookieName));
  return {
    replaced,
    expire: legacy.filter((cookie) => !written.has(cookie)).map((cookie) => expireCookie(cookie, options)),
  };
}

/** The v4 session cookies (chunks included) a Cookie header carries. */
function legacyCookiesIn(cookieHeader: string, options: LegacyV4SessionOptions): string[] {
  const names = legacyNames(options);
  const v5Name = v5SessionCookieName(options);
  return parseCookies(cookieHeader)
    .map(([cookie]) => cookie)
    .filter((cookie) => !isNameOrChunk(cookie, v5Name) && names.some((base) => isNameOrChunk(cookie, base)));
}

const logged = new Set<string>();

/** Logs a kept v4 cookie once per process and reason: the reason is the deploy's, not the visitor's. */
function logKept(reason: string): void {
  if (logged.has(reason)) return;
  logged.add(reason);
  console.error(
    `${LOG_PREFIX} ${reason}. The visitor's next-auth v4 session cookie was kept: once Auth.js answers ` +
      "(fix the configuration, e.g. AUTH_SECRET, AUTH_URL or AUTH_TRUST_HOST), or v4 is redeployed, the same " +
      "session is signed in again. Logged once per process.",
  );
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
  const init: NonNullable<ConstructorParameters<typeof NextRequest>[1]> = { method: request.method, headers };
  if (request.method !== "GET" && request.method !== "HEAD") init.body = await request.text();
  return new NextRequest(request.url, init);
}

/** The session result without the database session token: v5 passes the row to the callback. */
function withoutSessionToken<T>(session: T): T {
  if (session === null || typeof session !== "object" || !("sessionToken" in session)) return session;
  const copy = { ...session } as Record<string, unknown>;
  delete copy.sessionToken;
  return copy as T;
}

type Config = Parameters<typeof NextAuth>[0];
type SessionCallback = (...args: unknown[]) => unknown;

/** The config with its session callback's result never carrying the session token. */
function withSafeSessionCallback(config: NextAuthConfig): NextAuthConfig {
  const callback = config.callbacks?.session as SessionCallback | undefined;
  if (!callback) return config;
  const session = async (...args: unknown[]) => withoutSessionToken(await callback(...args));
  return { ...config, callbacks: { ...config.callbacks, session: session as NonNullable<NonNullable<NextAuthConfig["callbacks"]>["session"]> } };
}

/**
 * Returns NextAuth()'s result with `handlers` and every form of `auth` (server component,
 * getServerSideProps, API route, middleware, wrapper) reading a v4 session cookie as well.
 * `options` may be a function: it is called per request, so env is read at run time, not build time.
 */
export function withLegacyV4Sessions<T extends Pick<NextAuthResult, "auth" | "handlers">>(result: T, options: Options): T {
  const v5auth = result.auth as (...args: unknown[]) => unknown;

  /** The v4 names, once known: most requests carry none, and are answered without resolving the options. */
  let knownNames: string[] | null = null;
  const resolve = async (headers: Headers, requestUrl?: string) => {
    const resolved = typeof options === "function" ? await options() : options;
    knownNames = legacyNames(resolved);
    return { ...resolved, secureCookies: usesSecureCookies(resolved, headers, requestUrl) };
  };
  const mayCarryLegacy = (cookieHeader: string | null): cookieHeader is string =>
    Boolean(cookieHeader) && (knownNames === null || knownNames.some((name) => cookieHeader!.includes(name)));

  /** The upgrade for a request, and the options it was made with; null when it carries no v4 cookie to carry. */
  const upgradeFor = async (headers: Headers, requestUrl?: string) => {
    const cookieHeader = headers.get("cookie");
    if (!mayCarryLegacy(cookieHeader)) return null;
    const forRequest = await resolve(headers, requestUrl);
    const upgrade = await upgradeLegacySessionCookie(cookieHeader, forRequest);
    return upgrade ? { upgrade, options: forRequest } : null;
  };
  type Upgraded = NonNullable<Awaited<ReturnType<typeof upgradeFor>>>;

  /**
   * Adds the deletions of the v4 cookies to a response in which v5 set their replacement. `reads`:
   * the request ran v5's session action, so a valid v4 session left without a v5 cookie means v5 failed.
   */
  const finish = (response: Response, upgraded: Upgraded, { reads = true, signOut = false } = {}): Response => {
    const { legacy, valid } = upgraded.upgrade;
    const { replaced, expire } =
      response.status < 400
        ? legacyExpiry(legacy, upgraded.options, setCookies(response.headers), signOut)
        : { replaced: false, expire: [] };
    if (reads && valid && !replaced) logKept(`Auth.js answered ${response.status} with no session cookie to a valid v4 session`);
    for (const value of expire) response.headers.append("set-cookie", value);
    return response;
  };

  /** Sign-out with a v5 cookie: v4 cookies still in the browser go too, or the bridge would sign the user in again. */
  const signOutAll = async (request: NextRequest, response: Response): Promise<Response> => {
    const cookieHeader = request.headers.get("cookie");
    if (response.status >= 400 || !mayCarryLegacy(cookieHeader)) return response;
    const forRequest = await resolve(request.headers, request.url);
    const legacy = legacyCookiesIn(cookieHeader, forRequest);
    const { expire } = legacyExpiry(legacy, forRequest, setCookies(response.headers), true);
    for (const value of expire) response.headers.append("set-cookie", value);
    return response;
  };

  const route =
    (handler: (request: NextRequest) => Promise<Response>) =>
    async (request: NextRequest): Promise<Response> => {
      const action = new URL(request.url).pathname.replace(/\/+$/, "").split("/").pop();
      const signOut = request.method === "POST" && action === "signout";
      const upgraded = await upgradeFor(request.headers, request.url);
      if (!upgraded) return signOut ? signOutAll(request, await handler(request)) : handler(request);
      const response = await handler(await withCookie(request, upgraded.upgrade.cookie));
      return finish(response, upgraded, { reads: action === "session", signOut });
    };

  const readSession = async (...args: unknown[]): Promise<unknown> => {
    if (args.length === 0) {
      // Server component: read the incoming headers; a component cannot set cookies.
      const { headers: requestHeaders } = await import("next/headers");
      const incoming = await requestHeaders();
      const upgraded = await upgradeFor(new Headers(incoming));
      if (!upgraded) return v5auth();
      const headers = new Headers(incoming);
      headers.set("cookie", upgraded.upgrade.cookie);
      return v5auth({ headers }, { headers: new Headers() });
    }
    if (args[0] instanceof Request) {
      // middleware: `export default auth`
      const request = args[0] as NextRequest;
      const upgraded = await upgradeFor(request.headers);
      if (!upgraded) return v5auth(request, args[1]);
      const response = (await v5auth(await withCookie(request, upgraded.upgrade.cookie), args[1])) as Response;
      return finish(response, upgraded);
    }
    // getServerSideProps `auth(ctx)` or API route `auth(req, res)`
    const first = args[0] as { req?: PagesRequest; res?: PagesResponse } & PagesRequest;
    const req: PagesRequest = first.req ?? first;
    const res = (first.res ?? args[1]) as PagesResponse;
    const headers = headerRecord(req.headers);
    const upgraded = await upgradeFor(headers);
    if (!upgraded) return v5auth(req, res);
    headers.set("cookie", upgraded.upgrade.cookie);
    // v5 writes its cookies here first, so the v4 cookie is deleted only if it set the replacement.
    const written = { headers: new Headers() };
    const session = await v5auth({ headers }, written);
    const set = setCookies(written.headers);
    const { replaced, expire } = legacyExpiry(upgraded.upgrade.legacy, upgraded.options, set, false);
    if (!replaced && upgraded.upgrade.valid) logKept("Auth.js read no session from a valid v4 session cookie");
    appendSetCookies(res, [...set, ...expire]);
    return session;
  };

  // Not async: `auth((req) => …)` must hand back the wrapped handler itself (Next refuses a promise as middleware).
  const wrappedAuth = (...args: unknown[]): unknown => {
    if (typeof args[0] === "function") {
      // middleware or route wrapper: `auth((req) => …)`
      // With a lazy config, NextAuth(() => config), v5 (beta.32) hands back a promise of the handler.
      const wrapped = v5auth(args[0]) as Handler | Promise<Handler>;
      return async (request: NextRequest, context: unknown) => {
        const upgraded = await upgradeFor(request.headers);
        if (!upgraded) return (await wrapped)(request, context);
        return finish(await (await wrapped)(await withCookie(request, upgraded.upgrade.cookie), context), upgraded);
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
 * `useSecureCookies`, maxAge, and its session cookie's name and options.
 * A `jwt.secret` keys the session JWT in v4 and v5 alike (both spread `jwt` over `{ secret }`), so
 * v4 cookies are read, and v5's written, with it.
 */
export function legacyV4Options(config: NextAuthConfig): LegacyV4SessionOptions {
  // v5's types leave `jwt.secret` out, but v4 documented it and both honour it.
  const jwtSecret = (config.jwt as unknown as { secret?: string | string[] } | undefined)?.secret;
  const secrets = (value: string | string[] | undefined) => [value ?? []].flat().filter((s) => s !== "");
  const configured = [secrets(jwtSecret), secrets(config.secret)].find((list) => list.length > 0) ?? [];
  const { AUTH_SECRET, NEXTAUTH_SECRET } = process.env;
  const cookie = config.cookies?.sessionToken;
  return {
    // Without one in the config, v4 read NEXTAUTH_SECRET first and v5 reads AUTH_SECRET first.
    secret: configured.length > 0 ? configured : (NEXTAUTH_SECRET ?? AUTH_SECRET ?? ""),
    v5Secret: configured.length > 0 ? configured : (AUTH_SECRET ?? NEXTAUTH_SECRET ?? ""),
    strategy: config.session?.strategy ?? (config.adapter ? "database" : "jwt"),
    secureCookies: config.useSecureCookies,
    maxAge: config.session?.maxAge,
    sessionCookieName: cookie?.name,
    sessionCookieOptions: cookie?.options ? { domain: cookie.options.domain, path: cookie.options.path } : undefined,
  };
}

/**
 * `NextAuth`, with the bridge wired in: `export const { handlers, auth, signIn, signOut } =
 * withLegacyV4(NextAuth)(config)`. Everything that imports `auth` from auth.ts (pages, API routes,
 * server components, middleware) and the `/api/auth/*` route read v4 cookies too.
 */
export function withLegacyV4(nextAuth: typeof NextAuth): typeof NextAuth {
  return (config: Config) => {
    const safe: Config =
      typeof config === "function"
        ? async (request) => withSafeSessionCallback(await config(request))
        : withSafeSessionCallback(config);
    // Read per request, as v5 reads a lazy config: the environment decides the secret and cookie names.
    const options = async () => legacyV4Options(typeof config === "function" ? await config(undefined) : config);
    return withLegacyV4Sessions(nextAuth(safe), options);
  };
}
