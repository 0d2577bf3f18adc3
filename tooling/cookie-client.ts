/**
 * A browser's cookie jar over HTTP (or HTTPS with a test certificate authority), for checks against
 * a served app: redirects are not followed (each answer is checked), cookies keep their expiry, and
 * a jar can be copied to replay the same cookies later (on another build of the app). Sign-in and
 * sign-out go through the same endpoints a browser posts to, for next-auth v4 and Auth.js v5 alike.
 */
import { request as httpsRequest } from "node:https";

const TIMEOUT_MS = 30_000;

export interface StoredCookie {
  value: string;
  /** Unix seconds; undefined for a session cookie. */
  expires?: number;
}

export interface Answer {
  status: number;
  /** The Location header, or "". */
  location: string;
  body: string;
  /** The raw Set-Cookie lines of this answer. */
  setCookies: string[];
}

/** One request over HTTPS trusting `ca` (a run's self-signed certificate), which fetch cannot be told to do. */
function httpsFetch(url: string, ca: string, method: string, headers: Record<string, string>, body?: string) {
  return new Promise<{ status: number; location: string; setCookies: string[]; body: string }>((resolve, reject) => {
    const request = httpsRequest(url, { method, headers, ca, timeout: TIMEOUT_MS }, (response) => {
      const chunks: Buffer[] = [];
      response.on("data", (chunk: Buffer) => chunks.push(chunk));
      response.on("error", reject);
      response.on("end", () =>
        resolve({
          status: response.statusCode ?? 0,
          location: response.headers.location ?? "",
          setCookies: response.headers["set-cookie"] ?? [],
          body: Buffer.concat(chunks).toString("utf8"),
        }),
      );
    });
    request.on("timeout", () => request.destroy(new Error(`${method} ${url} took longer than ${TIMEOUT_MS / 1000}s`)));
    request.on("error", reject);
    request.end(body);
  });
}

export class CookieClient {
  readonly jar: Map<string, StoredCookie>;

  /** `tls.ca`: the certificate an https `base` is served with (tooling/tls-proxy.ts). */
  constructor(
    readonly base: string,
    jar?: Map<string, StoredCookie>,
    readonly tls?: { ca: string },
  ) {
    this.jar = new Map(jar);
  }

  /** The same cookies against another address (the next build, served on the same data). */
  copy(base = this.base): CookieClient {
    return new CookieClient(base, this.jar, this.tls);
  }

  cookieHeader(): string {
    return [...this.jar].map(([name, { value }]) => `${name}=${value}`).join("; ");
  }

  async request(path: string, init: { method?: string; form?: Record<string, string> } = {}): Promise<Answer> {
    const headers: Record<string, string> = {};
    if (this.jar.size) headers.cookie = this.cookieHeader();
    if (init.form) headers["content-type"] = "application/x-www-form-urlencoded";
    const url = /^https?:/.test(path) ? path : `${this.base}${path}`;
    const method = init.method ?? (init.form ? "POST" : "GET");
    const body = init.form ? new URLSearchParams(init.form).toString() : undefined;
    let answer: Answer;
    if (this.tls && url.startsWith("https:")) answer = await httpsFetch(url, this.tls.ca, method, headers, body);
    else {
      const response = await fetch(url, {
        method,
        headers,
        body,
        redirect: "manual",
        signal: AbortSignal.timeout(TIMEOUT_MS),
      });
      answer = {
        status: response.status,
        location: response.headers.get("location") ?? "",
        body: await response.text(),
        setCookies: response.headers.getSetCookie(),
      };
    }
    // Only the app's own cookies: an answer from the OAuth provider sets none we keep.
    if (url.startsWith(this.base)) for (const line of answer.setCookies) this.store(line);
    return answer;
  }

  private store(line: string): void {
    const [pair, ...attributes] = line.split(";").map((part) => part.trim());
    const index = pair.indexOf("=");
    const name = pair.slice(0, index);
    const value = pair.slice(index + 1);
    let expires: number | undefined;
    for (const attribute of attributes) {
      const [key, ...rest] = attribute.split("=");
      const raw = rest.join("=");
      if (/^max-age$/i.test(key)) expires = Math.floor(Date.now() / 1000) + Number(raw);
      else if (/^expires$/i.test(key) && expires === undefined) expires = Math.floor(Date.parse(raw) / 1000);
    }
    if (value === "" || (expires !== undefined && expires <= Math.floor(Date.now() / 1000))) this.jar.delete(name);
    else this.jar.set(name, { value, expires });
  }

  /** The session cookie's name (`[__Secure-](next-auth|authjs).session-token`, or its first chunk). */
  sessionCookieName(): string | undefined {
    return [...this.jar.keys()].find((name) => /(^|\.|-)(next-auth|authjs)\.session-token(\.0)?$/.test(name));
  }

  /** The session JSON (`/api/auth/session`): a user, or null when signed out. */
  async session(): Promise<{
    user?: { id?: string; email?: string; role?: string };
    authTime?: number;
    expires?: string;
  } | null> {
    const answer = await this.request("/api/auth/session");
    if (answer.status !== 200) throw new Error(`GET /api/auth/session answered ${answer.status}`);
    const body = JSON.parse(answer.body || "null") as { user?: { id?: string } } | null;
    return body?.user ? body : null;
  }

  private async csrfToken(): Promise<string> {
    const answer = await this.request("/api/auth/csrf");
    const token = answer.status === 200 ? (JSON.parse(answer.body) as { csrfToken?: string }).csrfToken : undefined;
    if (!token) throw new Error(`GET /api/auth/csrf answered ${answer.status}`);
    return token;
  }

  /** The credentials form's POST, as /login sends it. Returns the answer (a redirect). */
  async signInWithCredentials(
    credentials: { email: string; password: string },
    callbackUrl = "/dashboard",
  ): Promise<Answer> {
    const csrfToken = await this.csrfToken();
    return this.request("/api/auth/callback/credentials", { form: { csrfToken, ...credentials, callbackUrl } });
  }

  /**
   * The GitHub round trip against a GitHub-compatible provider (tooling/github-provider.ts):
   * sign-in POST → the provider's consent page → "Authorize as <login>" → the app's callback.
   */
  async signInWithGithub(login: string, callbackUrl = "/dashboard"): Promise<Answer> {
    const csrfToken = await this.csrfToken();
    const start = await this.request("/api/auth/signin/github", { form: { csrfToken, callbackUrl } });
    if (![302, 303].includes(start.status) || !start.location)
      throw new Error(`POST /api/auth/signin/github answered ${start.status}`);
    const authorize = new URL(start.location, this.base);
    const form = Object.fromEntries(
      ["client_id", "redirect_uri", "state", "scope"].map((name) => [name, authorize.searchParams.get(name) ?? ""]),
    );
    const consent = await this.request(`${authorize.origin}${authorize.pathname}`, { form: { ...form, login } });
    if (![302, 303].includes(consent.status) || !consent.location.startsWith(this.base)) {
      throw new Error(`the provider's consent answered ${consent.status} ${consent.location}`);
    }
    return this.request(consent.location);
  }

  async signOut(): Promise<Answer> {
    const csrfToken = await this.csrfToken();
    return this.request("/api/auth/signout", { form: { csrfToken, callbackUrl: "/" } });
  }
}

/** The path of a Location header (Next writes absolute or relative ones depending on the version). */
export const pathOf = (location: string) => (location ? new URL(location, "http://x").pathname : "");
