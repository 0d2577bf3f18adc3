import type { GetServerSideProps, GetServerSidePropsResult } from "next";
import { createRequest, createResponse } from "node-mocks-http";

/** Cookies a response set, by name (values as sent; an expired cookie has an empty value). */
export function setCookies(header: unknown): Record<string, string> {
  const lines = Array.isArray(header) ? header : header ? [String(header)] : [];
  return Object.fromEntries(
    lines.map((line: string) => {
      const [pair] = line.split(";");
      const index = pair.indexOf("=");
      return [pair.slice(0, index), pair.slice(index + 1)];
    }),
  );
}

function parseCookieHeader(cookie: string | undefined): Record<string, string> {
  if (!cookie) return {};
  return Object.fromEntries(
    cookie
      .split(/;\s*/)
      .filter(Boolean)
      .map((pair) => {
        const index = pair.indexOf("=");
        return [pair.slice(0, index), pair.slice(index + 1)];
      }),
  );
}

/**
 * Runs a page's real getServerSideProps the way Next calls it, with a request carrying `cookie`.
 * Returns the result and the response, whose status and Set-Cookie headers the page may set.
 */
export async function runGetServerSideProps<P extends Record<string, unknown>>(
  getServerSideProps: GetServerSideProps<P>,
  { path, cookie, headers = {} }: { path: string; cookie?: string; headers?: Record<string, string> },
): Promise<{ result: GetServerSidePropsResult<P>; status: number; cookies: Record<string, string> }> {
  const url = new URL(path, "http://localhost:3000");
  const req = createRequest({
    method: "GET",
    url: path,
    headers: { host: "localhost:3000", ...headers, ...(cookie ? { cookie } : {}) },
    cookies: parseCookieHeader(cookie),
  });
  const res = createResponse();
  const query = Object.fromEntries(url.searchParams);
  const result = await getServerSideProps({
    req,
    res,
    query,
    resolvedUrl: `${url.pathname}${url.search}`,
    params: {},
  } as never);
  return { result, status: res.statusCode, cookies: setCookies(res.getHeader("set-cookie")) };
}

/** The props of a result that rendered, or a failure naming what happened instead. */
export async function propsOf<P>(result: GetServerSidePropsResult<P>): Promise<P> {
  if (!("props" in result)) throw new Error(`expected props, got ${JSON.stringify(result)}`);
  return await result.props;
}
