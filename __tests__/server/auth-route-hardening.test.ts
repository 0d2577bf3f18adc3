import { callAuth } from "../support/http";
import { CALLBACK_URL_COOKIE } from "@/tooling/next-auth-version";

describe("the next-auth route refuses input that v4 answers with a 500", () => {
  it.each([
    ["a javascript: callbackUrl in the query", { url: "/api/auth/csrf?callbackUrl=javascript:alert(1)" }],
    [
      "a malformed callbackUrl in the query",
      { url: `/api/auth/session?callbackUrl=${encodeURIComponent("http://[::1")}` },
    ],
    [
      "a javascript: callback-url cookie",
      { url: "/api/auth/csrf", cookie: `${CALLBACK_URL_COOKIE}=javascript:alert(1)` },
    ],
    [
      "a malformed callback-url cookie",
      { url: "/api/auth/csrf", cookie: `${CALLBACK_URL_COOKIE}=${encodeURIComponent("http://[::1")}` },
    ],
  ])("answers %s normally", async (_case, request) => {
    const response = await callAuth(request);
    expect(response.status).toBe(200);
    expect(response.text).not.toMatch(/Error|at .+\(/);
  });

  it("replaces a poisoned callback-url cookie with the base URL", async () => {
    const response = await callAuth({ url: "/api/auth/csrf", cookie: `${CALLBACK_URL_COOKIE}=javascript:alert(1)` });
    expect(decodeURIComponent(response.cookies[CALLBACK_URL_COOKIE])).toBe("http://localhost:3000");
  });

  it.each(["PUT", "DELETE", "PATCH", "OPTIONS"])(
    "answers %s with a JSON 405 naming the allowed methods",
    async (method) => {
      const response = await callAuth({ url: "/api/auth/session", method });
      expect(response.status).toBe(405);
      expect(response.headers.get("allow")).toBe("GET, POST");
      expect(response.json()).toEqual({ error: expect.stringContaining("not allowed") });
    },
  );
});
