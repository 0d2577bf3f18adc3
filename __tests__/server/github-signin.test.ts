import { callAuth, CookieJar, FORM, form, getCsrf, landingPage } from "../support/http";
import { env } from "@/lib/env";
import { findUserByEmail, listUsers } from "@/lib/users/repository";
import { createTestUser, useTestDatabase } from "../support/database";
import { fakeGithub, type FakeGithubAccount } from "../support/github";
import { expectedAuthErrors } from "@/tooling/next-auth-version";
import { decode, sessionCookieName } from "../support/session";

useTestDatabase();
const github = fakeGithub();

/** Starts the OAuth dance as the GitHub button does; returns the browser's cookies and GitHub's URL. */
async function startGithubSignIn(callbackUrl = "/dashboard") {
  const csrf = await getCsrf();
  const jar = new CookieJar(csrf.cookie);
  const response = await callAuth({
    url: "/api/auth/signin/github",
    method: "POST",
    headers: FORM,
    cookie: jar.header(),
    body: form({ csrfToken: csrf.csrfToken, callbackUrl }),
  });
  jar.store(response);
  return { jar, authorizeUrl: new URL(response.location!) };
}

/** GitHub sends the browser back with a code and the state it was given. */
function returnFromGithub(jar: CookieJar, query: Record<string, string>) {
  return callAuth({ url: `/api/auth/callback/github?${new URLSearchParams(query)}`, cookie: jar.header() });
}

const account = (overrides: Partial<FakeGithubAccount> = {}): FakeGithubAccount => ({
  id: 4242,
  login: "octocat",
  name: "Mona Octocat",
  email: "mona@example.com",
  avatar_url: "https://avatars.example/u/4242",
  ...overrides,
});

async function sessionFrom(response: { cookies: Record<string, string> }) {
  const value = response.cookies[sessionCookieName(env().baseUrl)];
  return value ? decode({ token: value, secret: env().secret }) : null;
}

describe("GitHub sign-in through the real callback route", () => {
  it("sends the browser to GitHub with our client id, a state and our callback URL", async () => {
    const { authorizeUrl } = await startGithubSignIn();
    expect(authorizeUrl.origin + authorizeUrl.pathname).toBe("https://github.com/login/oauth/authorize");
    expect(authorizeUrl.searchParams.get("client_id")).toBe("test-github-client-id");
    expect(authorizeUrl.searchParams.get("redirect_uri")).toBe("http://localhost:3000/api/auth/callback/github");
    expect(authorizeUrl.searchParams.get("state")).toBeTruthy();
  });

  it("creates a user with role user on first sign-in and signs them in", async () => {
    github.signInAs(account());
    const { jar, authorizeUrl } = await startGithubSignIn();
    const response = await returnFromGithub(jar, { code: "good-code", state: authorizeUrl.searchParams.get("state")! });

    expect(response.location).toBe("http://localhost:3000/dashboard");
    const user = await findUserByEmail("mona@example.com");
    expect(user).toMatchObject({ name: "Mona Octocat", role: "user", image: "https://avatars.example/u/4242" });
    expect(await sessionFrom(response)).toMatchObject({ id: user!.id, role: "user" });
    expect(github.tokenRequests[0].get("code")).toBe("good-code");
  });

  it("signs a returning user into the same account, keyed on the GitHub account id", async () => {
    github.signInAs(account({ id: 777, email: "returning@example.com" }));
    let flow = await startGithubSignIn();
    const first = await sessionFrom(
      await returnFromGithub(flow.jar, { code: "c1", state: flow.authorizeUrl.searchParams.get("state")! }),
    );

    github.signInAs(account({ id: 777, email: "returning@example.com", name: "Renamed" }));
    flow = await startGithubSignIn();
    const second = await sessionFrom(
      await returnFromGithub(flow.jar, { code: "c2", state: flow.authorizeUrl.searchParams.get("state")! }),
    );

    expect(second?.id).toBe(first?.id);
    expect((await listUsers()).filter((u) => u.email === "returning@example.com")).toHaveLength(1);
  });

  it("makes an email in ADMIN_EMAILS an admin, reading a private email from /user/emails", async () => {
    github.signInAs(
      account({
        id: 9001,
        email: null,
        emails: [
          { email: "old@example.com", primary: false, verified: true },
          { email: "octo-admin@example.com", primary: true, verified: true },
        ],
      }),
    );
    const { jar, authorizeUrl } = await startGithubSignIn();
    const response = await returnFromGithub(jar, { code: "c", state: authorizeUrl.searchParams.get("state")! });
    expect(await sessionFrom(response)).toMatchObject({ role: "admin", email: "octo-admin@example.com" });
  });

  it("refuses to attach a GitHub account to an existing user by email", async () => {
    await createTestUser({ email: "owner@example.com" });
    github.signInAs(account({ id: 31337, email: "owner@example.com" }));
    const { jar, authorizeUrl } = await startGithubSignIn();
    const response = await returnFromGithub(jar, { code: "c", state: authorizeUrl.searchParams.get("state")! });
    expect(response.location).toContain("/login?error=OAuthAccountNotLinked");
    expect(await sessionFrom(response)).toBeNull();
  });

  it.each([
    [
      "a wrong state",
      (state: string, jar: CookieJar) => ({ query: { code: "c", state: `${state}x` }, cookie: jar.header() }),
    ],
    ["no state", (_state: string, jar: CookieJar) => ({ query: { code: "c" }, cookie: jar.header() })],
    ["no state cookie", (state: string) => ({ query: { code: "c", state }, cookie: "" })],
  ])("refuses a callback with %s: no session, no user", async (_case, build) => {
    github.signInAs(account({ id: 5555, email: "state@example.com" }));
    const { jar, authorizeUrl } = await startGithubSignIn();
    const { query, cookie } = build(authorizeUrl.searchParams.get("state")!, jar);
    const response = await callAuth({ url: `/api/auth/callback/github?${new URLSearchParams(query)}`, cookie });
    expect(await landingPage(response)).toMatch(expectedAuthErrors.oauthCheckFailed);
    expect(await sessionFrom(response)).toBeNull();
    expect(await findUserByEmail("state@example.com")).toBeUndefined();
  });

  it("comes back to /login with a readable error when the person denies access at GitHub", async () => {
    const { jar, authorizeUrl } = await startGithubSignIn();
    const response = await returnFromGithub(jar, {
      error: "access_denied",
      error_description: "The user has denied your application access.",
      state: authorizeUrl.searchParams.get("state")!,
    });
    expect(await landingPage(response, jar)).toBe(expectedAuthErrors.consentDenied);
    expect(await sessionFrom(response)).toBeNull();
  });
});
