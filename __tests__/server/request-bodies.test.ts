import { readdirSync } from "node:fs";
import path from "node:path";
import type { PageConfig } from "next";
import { callHandler, SAME_ORIGIN_JSON } from "../support/http";
import * as userRoute from "@/pages/api/admin/users/[id]";
import * as meRoute from "@/pages/api/me";
import * as signOutEverywhereRoute from "@/pages/api/me/sign-out-everywhere";
import { MAX_BODY_BYTES } from "@/lib/http/body";

const OVERSIZED = JSON.stringify({ pad: "x".repeat(MAX_BODY_BYTES + 1) });

function apiRouteFiles(dir = path.join(process.cwd(), "pages/api")): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? apiRouteFiles(path.join(dir, entry.name))
      : /\.[jt]sx?$/.test(entry.name)
        ? [path.join(dir, entry.name)]
        : [],
  );
}

describe("request bodies of the API routes", () => {
  it("every route under pages/api turns Next's body parser off, so that lib/http/body.ts answers", async () => {
    const files = apiRouteFiles();
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) {
      const { config } = (await import(file)) as { config?: PageConfig };
      expect({ file: path.relative(process.cwd(), file), bodyParser: config?.api?.bodyParser }).toEqual({
        file: path.relative(process.cwd(), file),
        bodyParser: false,
      });
    }
  });

  it.each([
    [
      "a route whose handler reads no body",
      signOutEverywhereRoute,
      "/api/me/sign-out-everywhere",
      "POST",
      413,
      /too large/,
    ],
    [
      "a route whose handler reads JSON",
      userRoute,
      "/api/admin/users/00000000-0000-4000-8000-000000000000",
      "PATCH",
      413,
      /too large/,
    ],
    ["a method the route does not have", meRoute, "/api/me", "POST", 405, /not allowed/],
  ])(
    "answers an oversized body on %s with JSON and closes the connection",
    async (_kind, route, url, method, status, error) => {
      const response = await callHandler(route, {
        url,
        method,
        headers: SAME_ORIGIN_JSON,
        body: OVERSIZED,
        params: { id: url.split("/").pop() },
      });
      expect(response.status).toBe(status);
      expect(response.json()).toEqual({ error: expect.stringMatching(error) });
      expect(response.headers.get("connection")).toBe("close");
    },
  );

  it("answers a body that is not JSON with a JSON 415, before any handler or session check", async () => {
    const response = await callHandler(signOutEverywhereRoute, {
      url: "/api/me/sign-out-everywhere",
      method: "POST",
      headers: { ...SAME_ORIGIN_JSON, "content-type": "text/plain" },
      body: "{}",
    });
    expect(response.status).toBe(415);
    expect(response.json()).toEqual({ error: "Send the body as application/json." });
  });

  it("keeps the connection for a small body it refuses without reading", async () => {
    const response = await callHandler(meRoute, {
      url: "/api/me",
      method: "DELETE",
      headers: SAME_ORIGIN_JSON,
      body: "{}",
    });
    expect(response.status).toBe(405);
    expect(response.headers.get("connection")).not.toBe("close");
  });
});
