import { callAuth, getCsrf } from "../support/http";
import { MAX_BODY_BYTES } from "@/lib/http/body";

// next-auth v4's Pages route only (lib/auth/route-handler.ts): step 6 deletes both.
describe("request bodies of the next-auth route", () => {
  it("answers an oversized credentials sign-in with a JSON 413 and closes the connection", async () => {
    const response = await callAuth({
      url: "/api/auth/callback/credentials",
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: `email=a%40example.com&password=${"x".repeat(MAX_BODY_BYTES)}`,
    });
    expect(response.status).toBe(413);
    expect(response.json()).toEqual({ error: expect.stringMatching(/too large/) });
    expect(response.headers.get("connection")).toBe("close");
  });

  it("answers a body that is neither a form nor JSON with a JSON 415", async () => {
    const { cookie } = await getCsrf();
    const response = await callAuth({
      url: "/api/auth/signout",
      method: "POST",
      cookie,
      headers: { "content-type": "text/plain" },
      body: "csrfToken=x",
    });
    expect(response.status).toBe(415);
    expect(response.json()).toEqual({ error: expect.stringMatching(/form or|x-www-form-urlencoded/) });
  });

  it("answers malformed JSON with a JSON 400", async () => {
    const { cookie } = await getCsrf();
    const response = await callAuth({
      url: "/api/auth/session",
      method: "POST",
      cookie,
      headers: { "content-type": "application/json" },
      body: '{"csrfToken":',
    });
    expect(response.status).toBe(400);
    expect(response.json()).toEqual({ error: "The body is not valid JSON." });
  });
});
