// next-test-api-route-handler must load before Next's own modules.
import { testApiHandler } from "next-test-api-route-handler";
import type { NextApiHandler, PageConfig } from "next";
import { fetchCsrf } from "@/tooling/csrf-form";
import { authRoute, type AuthRoute } from "@/tooling/next-auth-version";
import { setCookies } from "./pages";

export { cookieHeader, form } from "@/tooling/csrf-form";

export interface HandlerResponse {
  status: number;
  location: string | null;
  headers: Headers;
  cookies: Record<string, string>;
  text: string;
  json: () => unknown;
}

export interface HandlerRequest {
  url: string;
  method?: string;
  cookie?: string;
  headers?: Record<string, string>;
  body?: string;
  params?: Record<string, unknown>;
}

/** An API route module as Next loads it: its handler and its `config` (e.g. bodyParser). */
export type RouteModule = { default: NextApiHandler; config?: PageConfig };

/** Sends one real HTTP request to a Pages API route served on loopback, redirects not followed. */
export async function callHandler(route: RouteModule | AuthRoute, request: HandlerRequest): Promise<HandlerResponse> {
  let response: HandlerResponse | undefined;
  await testApiHandler({
    ...(("default" in route ? { pagesHandler: route } : route) as { pagesHandler: RouteModule }),
    // An App Router request needs an absolute URL (NTARH resolves a relative one against ntarh://).
    url: "appHandler" in route ? new URL(request.url, "http://localhost:3000").href : request.url,
    params: request.params,
    test: async ({ fetch }) => {
      const res = await fetch({
        method: request.method ?? "GET",
        redirect: "manual",
        headers: { ...request.headers, ...(request.cookie ? { cookie: request.cookie } : {}) },
        body: request.body,
      });
      const text = await res.text();
      response = {
        status: res.status,
        location: res.headers.get("location"),
        headers: res.headers,
        cookies: setCookies(res.headers.getSetCookie()),
        text,
        json: () => JSON.parse(text),
      };
    },
  });
  return response!;
}

/** A request to next-auth's own handler (`/api/auth/...`), as the browser makes it. */
export function callAuth(request: HandlerRequest): Promise<HandlerResponse> {
  const path = new URL(request.url, "http://localhost").pathname;
  const nextauth = path
    .replace(/^\/api\/auth\/?/, "")
    .split("/")
    .filter(Boolean);
  return callHandler(authRoute(), { ...request, params: { nextauth } });
}

/** A CSRF token and the cookie it is checked against, as /api/auth/csrf hands them out. */
export function getCsrf(): Promise<{ csrfToken: string; cookie: string }> {
  return fetchCsrf(async () => {
    const response = await callAuth({ url: "/api/auth/csrf" });
    return {
      body: response.text,
      cookies: Object.entries(response.cookies)
        .map(([name, value]) => `${name}=${value}`)
        .join("; "),
    };
  });
}

/** A browser's cookie store, enough for next-auth's flows: later Set-Cookie wins, empty deletes. */
export class CookieJar {
  private readonly cookies = new Map<string, string>();

  constructor(header = "") {
    for (const pair of header.split(/;\s*/).filter(Boolean)) {
      const index = pair.indexOf("=");
      this.cookies.set(pair.slice(0, index), pair.slice(index + 1));
    }
  }

  store(response: { cookies: Record<string, string> }): this {
    for (const [name, value] of Object.entries(response.cookies)) {
      if (value === "") this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    return this;
  }

  get(name: string): string | undefined {
    return this.cookies.get(name);
  }

  header(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join("; ");
  }
}

export const FORM = { "content-type": "application/x-www-form-urlencoded" };
export const SAME_ORIGIN_JSON = { "content-type": "application/json", origin: "http://localhost:3000" };

/** Follows next-auth's own redirects (error → signin → our page) and returns where the browser lands. */
export async function landingPage(response: HandlerResponse, jar = new CookieJar()): Promise<string | null> {
  let current = response;
  for (let hop = 0; hop < 5; hop += 1) {
    jar.store(current);
    const location = current.location;
    if (!location) return null;
    const url = new URL(location, "http://localhost:3000");
    if (!url.pathname.startsWith("/api/auth/")) return `${url.pathname}${url.search}`;
    current = await callAuth({ url: `${url.pathname}${url.search}`, cookie: jar.header() });
  }
  throw new Error("next-auth redirected more than 5 times");
}
