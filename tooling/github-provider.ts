import { randomBytes } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { GITHUB_ACCOUNTS, type GithubAccount } from "./github-accounts";

/**
 * A small GitHub-compatible OAuth server for the browser tests, on a loopback port. It speaks the
 * GitHub Enterprise Server paths the app uses when AUTH_GITHUB_ENTERPRISE_URL points at it:
 *   GET  /login/oauth/authorize      consent page (one "Authorize as <login>" button per account, and Cancel)
 *   POST /login/oauth/authorize      the decision: redirect back with ?code&state, or ?error=access_denied&state
 *   POST /login/oauth/access_token   code → access token (client secret checked, code single-use)
 *   GET  /api/v3/user                the profile for a token
 *   GET  /api/v3/user/emails         the emails for a token
 *   GET  /__e2e/events               what happened, for the flows to assert on (test-only, this server only)
 * State is never inspected: like GitHub, it is handed back untouched, and checking it is the app's job.
 * @see https://docs.github.com/en/enterprise-server/apps/oauth-apps/building-oauth-apps/authorizing-oauth-apps
 */

interface ProviderOptions {
  clientId: string;
  clientSecret: string;
  /** The one callback URL registered for the client, e.g. http://127.0.0.1:4000/api/auth/callback/github */
  redirectUri: string;
  accounts?: Record<string, GithubAccount>;
}

export interface ProviderEvent {
  type: "authorize" | "consent" | "denied" | "token" | "token-refused" | "user" | "emails";
  login?: string;
  detail?: string;
}

export interface RunningProvider {
  url: string;
  close(): Promise<void>;
}

const CODE_TTL_MS = 10 * 60 * 1000;
const MAX_BODY_BYTES = 16 * 1024;

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let size = 0;
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) reject(new Error("body too large"));
      else chunks.push(chunk);
    });
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}

function parseForm(body: string, contentType: string | undefined): Record<string, string> {
  if (contentType?.includes("application/json")) {
    const parsed: unknown = JSON.parse(body || "{}");
    return typeof parsed === "object" && parsed !== null ? (parsed as Record<string, string>) : {};
  }
  return Object.fromEntries(new URLSearchParams(body));
}

/** Client credentials from HTTP Basic (openid-client's default) or from the form body. */
function clientCredentials(req: IncomingMessage, form: Record<string, string>) {
  const basic = /^Basic (.+)$/i.exec(req.headers.authorization ?? "");
  if (basic) {
    const [id, secret] = Buffer.from(basic[1], "base64").toString("utf8").split(":").map(decodeURIComponent);
    return { id, secret };
  }
  return { id: form.client_id, secret: form.client_secret };
}

function send(res: ServerResponse, status: number, type: string, body: string) {
  res.writeHead(status, { "Content-Type": type, "Cache-Control": "no-store" });
  res.end(body);
}
const sendJson = (res: ServerResponse, status: number, data: unknown) =>
  send(res, status, "application/json; charset=utf-8", JSON.stringify(data));

function redirect(res: ServerResponse, location: string) {
  res.writeHead(302, { Location: location, "Cache-Control": "no-store" });
  res.end();
}

function consentPage(query: URLSearchParams, accounts: Record<string, GithubAccount>): string {
  const hidden = ["client_id", "redirect_uri", "state", "scope"]
    .map((name) => `<input type="hidden" name="${name}" value="${escapeHtml(query.get(name) ?? "")}">`)
    .join("");
  const buttons = Object.values(accounts)
    .map((a) => `<button name="login" value="${escapeHtml(a.login)}">Authorize as ${escapeHtml(a.login)}</button>`)
    .join(" ");
  return `<!doctype html><html><head><meta charset="utf-8"><title>Authorize application · Local GitHub</title></head>
<body style="font-family: system-ui, sans-serif; max-width: 32rem; margin: 3rem auto">
<h1>Authorize application</h1>
<p>An application wants to access your account (scope: <code>${escapeHtml(query.get("scope") ?? "")}</code>).</p>
<form method="post" action="/login/oauth/authorize">${hidden}
<p>${buttons}</p>
<p><button name="decision" value="deny">Cancel</button></p>
</form></body></html>`;
}

/** A generated identicon-like picture, so avatars load without leaving loopback. */
function avatarSvg(login: string): string {
  const hue = [...login].reduce((sum, c) => sum + c.charCodeAt(0), 0) % 360;
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 40 40"><rect width="40" height="40" fill="hsl(${hue} 55% 88%)"/>` +
    `<text x="20" y="26" font-family="sans-serif" font-size="16" text-anchor="middle" fill="hsl(${hue} 55% 30%)">${escapeHtml(login.slice(0, 2).toUpperCase())}</text></svg>`
  );
}

/** What one provider remembers between requests. */
interface ProviderState {
  options: ProviderOptions;
  accounts: Record<string, GithubAccount>;
  codes: Map<string, { login: string; redirectUri: string; expires: number }>;
  /** access token → login */
  tokens: Map<string, string>;
  events: ProviderEvent[];
  baseUrl: string;
}

export function startGithubProvider(options: ProviderOptions): Promise<RunningProvider> {
  const state: ProviderState = {
    options,
    accounts: options.accounts ?? GITHUB_ACCOUNTS,
    codes: new Map(),
    tokens: new Map(),
    events: [],
    baseUrl: "",
  };
  const server: Server = createServer((req, res) => {
    handle(state, req, res).catch((error: Error) => {
      if (!res.headersSent) sendJson(res, 400, { message: error.message });
    });
  });

  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as AddressInfo;
      state.baseUrl = `http://127.0.0.1:${port}`;
      resolve({
        url: state.baseUrl,
        close: () =>
          new Promise<void>((done) => {
            server.closeAllConnections();
            server.close(() => done());
          }),
      });
    });
  });
}

async function handle(state: ProviderState, req: IncomingMessage, res: ServerResponse) {
  const url = new URL(req.url ?? "/", "http://provider.invalid");
  if (req.method === "GET" && url.pathname === "/login/oauth/authorize") return showConsent(state, url, res);
  if (req.method === "POST" && url.pathname === "/login/oauth/authorize") return decide(state, req, res);
  if (req.method === "POST" && url.pathname === "/login/oauth/access_token") return exchangeCode(state, req, res);
  if (req.method === "GET" && (url.pathname === "/api/v3/user" || url.pathname === "/api/v3/user/emails"))
    return userApi(state, url, req, res);
  const avatar = /^\/avatars\/(\d+)\.svg$/.exec(url.pathname);
  if (req.method === "GET" && avatar) {
    const account = Object.values(state.accounts).find((a) => String(a.id) === avatar[1]);
    if (!account) return sendJson(res, 404, { message: "Not Found" });
    return send(res, 200, "image/svg+xml", avatarSvg(account.login));
  }
  if (req.method === "GET" && url.pathname === "/__e2e/events") return sendJson(res, 200, state.events);
  return sendJson(res, 404, { message: "Not Found" });
}

/** The checks GitHub makes before it shows the consent page or accepts a decision. */
function clientError({ options }: ProviderState, params: URLSearchParams | Record<string, string>): string | null {
  const get = (name: string) => (params instanceof URLSearchParams ? params.get(name) : params[name]);
  if (get("client_id") !== options.clientId) return "unknown client_id";
  if (get("redirect_uri") !== options.redirectUri) return "redirect_uri does not match the registered callback URL";
  return null;
}

/** GET /login/oauth/authorize */
function showConsent(state: ProviderState, url: URL, res: ServerResponse) {
  const error = clientError(state, url.searchParams);
  if (error) return send(res, 400, "text/plain", error);
  state.events.push({ type: "authorize" });
  return send(res, 200, "text/html; charset=utf-8", consentPage(url.searchParams, state.accounts));
}

/** POST /login/oauth/authorize: back to the app with a code, or with access_denied. */
async function decide(state: ProviderState, req: IncomingMessage, res: ServerResponse) {
  const form = parseForm(await readBody(req), req.headers["content-type"]);
  const error = clientError(state, form);
  if (error) return send(res, 400, "text/plain", error);
  const back = new URL(form.redirect_uri);
  if (form.decision === "deny" || !state.accounts[form.login]) {
    state.events.push({ type: "denied" });
    back.searchParams.set("error", "access_denied");
    back.searchParams.set("error_description", "The user has denied your application access.");
  } else {
    const code = randomBytes(16).toString("hex");
    state.codes.set(code, { login: form.login, redirectUri: form.redirect_uri, expires: Date.now() + CODE_TTL_MS });
    state.events.push({ type: "consent", login: form.login });
    back.searchParams.set("code", code);
  }
  if (form.state) back.searchParams.set("state", form.state);
  return redirect(res, back.href);
}

/** POST /login/oauth/access_token: code → access token. */
async function exchangeCode(state: ProviderState, req: IncomingMessage, res: ServerResponse) {
  const { options, codes, tokens, events } = state;
  const form = parseForm(await readBody(req), req.headers["content-type"]);
  const client = clientCredentials(req, form);
  const grant = codes.get(form.code ?? "");
  codes.delete(form.code ?? ""); // single use, even when the exchange fails
  let refusal: string | null = null;
  if (client.id !== options.clientId || client.secret !== options.clientSecret)
    refusal = "incorrect_client_credentials";
  else if (!grant || grant.expires < Date.now()) refusal = "bad_verification_code";
  else if (form.redirect_uri && form.redirect_uri !== grant.redirectUri) refusal = "redirect_uri_mismatch";
  if (refusal || !grant) {
    events.push({ type: "token-refused", detail: refusal ?? undefined });
    // GitHub answers token errors with 200 and an `error` field.
    return sendJson(res, 200, { error: refusal, error_description: `The request was refused: ${refusal}.` });
  }
  const accessToken = `gho_${randomBytes(18).toString("hex")}`;
  tokens.set(accessToken, grant.login);
  events.push({ type: "token", login: grant.login });
  const payload = { access_token: accessToken, token_type: "bearer", scope: "read:user,user:email" };
  if ((req.headers.accept ?? "").includes("application/json")) return sendJson(res, 200, payload);
  return send(res, 200, "application/x-www-form-urlencoded", new URLSearchParams(payload).toString());
}

function accountForToken({ tokens, accounts }: ProviderState, req: IncomingMessage): GithubAccount | undefined {
  // GitHub accepts both "token <t>" (the app's emails call) and "Bearer <t>" (openid-client).
  const match = /^(?:token|Bearer) (\S+)$/i.exec(req.headers.authorization ?? "");
  const login = match ? tokens.get(match[1]) : undefined;
  return login ? accounts[login] : undefined;
}

/** GET /api/v3/user and /api/v3/user/emails, for a token. */
function userApi(state: ProviderState, url: URL, req: IncomingMessage, res: ServerResponse) {
  const account = accountForToken(state, req);
  if (!account) return sendJson(res, 401, { message: "Bad credentials" });
  if (url.pathname === "/api/v3/user/emails") {
    state.events.push({ type: "emails", login: account.login });
    return sendJson(res, 200, account.emails);
  }
  state.events.push({ type: "user", login: account.login });
  return sendJson(res, 200, {
    login: account.login,
    id: account.id,
    avatar_url: `${state.baseUrl}/avatars/${account.id}.svg`,
    type: "User",
    name: account.name,
    email: account.publicEmail,
  });
}
