import { renderToStaticMarkup } from "react-dom/server";
import { headers } from "next/headers";
import ServerPage from "@/app/server/page";
import { env } from "@/lib/env";
import { createTestUser, useTestDatabase } from "../support/database";
import { sessionClaims, sessionCookie } from "../support/session";
import { mintV4SessionToken, v4CookieHeader } from "@/tooling/v4-session-cookie";

// A server component reads the request through next/headers, which only exists inside a Next
// request; here it answers with the test's request headers. next-auth itself is the real one.
jest.mock("next/headers", () => ({ headers: jest.fn() }));
const asRequest = (cookie?: string) =>
  jest
    .mocked(headers)
    .mockResolvedValue(new Headers({ host: "localhost:3000", ...(cookie ? { cookie } : {}) }) as never);

useTestDatabase();

describe("an App Router page reading the session with auth() in a server component", () => {
  it("renders the signed-in user's avatar", async () => {
    const user = await createTestUser({ name: "Sam Server" });
    asRequest(await sessionCookie(user));
    const html = renderToStaticMarkup(await ServerPage());
    expect(html).toContain("Sam Server&#x27;s avatar");
    expect(html).toContain(`Signed in as ${user.email} (user)`);
  });

  it("answers a signed-out visitor with 'Not authenticated'", async () => {
    asRequest();
    expect(renderToStaticMarkup(await ServerPage())).toContain("Not authenticated");
  });

  it("refuses a forged cookie", async () => {
    const user = await createTestUser();
    asRequest(await sessionCookie(user, { secret: "some-other-secret-some-other-secret-42" }));
    expect(renderToStaticMarkup(await ServerPage())).toContain("Not authenticated");
  });

  it("reads a v4 session cookie too, while the bridge is installed", async () => {
    const { id, email, name } = await createTestUser({ name: "Vic Four" });
    const claims = sessionClaims({ id, role: "user", email, name }, { roleCheckedAt: 0 });
    const token = await mintV4SessionToken(claims, env().secret);
    asRequest(v4CookieHeader(token));
    expect(renderToStaticMarkup(await ServerPage())).toContain("Vic Four&#x27;s avatar");
  });
});
