import type { NextConfig } from "next";

const nextConfig: NextConfig = jest.requireActual("../../next.config.js");

type Header = { key: string; value: string };

async function headersFor(nodeEnv: string): Promise<Record<string, string>> {
  const previous = process.env.NODE_ENV;
  Object.assign(process.env, { NODE_ENV: nodeEnv });
  try {
    const rules = (await nextConfig.headers!()) as { source: string; headers: Header[] }[];
    expect(rules.map((rule) => rule.source)).toEqual(["/:path*"]);
    return Object.fromEntries(rules[0].headers.map(({ key, value }) => [key, value]));
  } finally {
    Object.assign(process.env, { NODE_ENV: previous });
  }
}

describe("security headers on every page", () => {
  it("send a CSP that forbids framing and foreign scripts in production", async () => {
    const headers = await headersFor("production");
    const csp = headers["Content-Security-Policy"];
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("script-src 'self';");
    expect(csp).not.toContain("unsafe-eval");
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain("form-action 'self'");
  });

  it("send nosniff, a referrer policy and DENY framing", async () => {
    expect(await headersFor("production")).toMatchObject({
      "X-Content-Type-Options": "nosniff",
      "Referrer-Policy": "strict-origin-when-cross-origin",
      "X-Frame-Options": "DENY",
    });
  });
});
