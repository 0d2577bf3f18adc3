import { http, HttpResponse } from "msw";
import { setupServer } from "msw/node";

/** A GitHub account as the fake GitHub API returns it. */
export interface FakeGithubAccount {
  id: number;
  login: string;
  name: string | null;
  email: string | null;
  avatar_url: string;
  /** What /user/emails lists (GitHub hides private emails from /user). */
  emails?: { email: string; primary: boolean; verified: boolean }[];
}

/**
 * msw stands in for github.com and api.github.com: the code exchange and the user endpoints.
 * Requests to loopback (the handler under test) pass through; anything else fails the test.
 */
export function fakeGithub() {
  let account: FakeGithubAccount | undefined;
  const tokenRequests: URLSearchParams[] = [];
  const server = setupServer(
    http.post("https://github.com/login/oauth/access_token", async ({ request }) => {
      tokenRequests.push(new URLSearchParams(await request.text()));
      return HttpResponse.json({
        access_token: "gho_test_access_token",
        token_type: "bearer",
        scope: "read:user,user:email",
      });
    }),
    http.get("https://api.github.com/user", ({ request }) => {
      if (!account || !request.headers.get("authorization")?.includes("gho_test_access_token")) {
        return HttpResponse.json({ message: "Bad credentials" }, { status: 401 });
      }
      const { emails: _emails, ...profile } = account;
      return HttpResponse.json(profile);
    }),
    http.get("https://api.github.com/user/emails", () => HttpResponse.json(account?.emails ?? [])),
  );

  beforeAll(() =>
    server.listen({
      onUnhandledRequest(request, print) {
        const { hostname } = new URL(request.url);
        if (hostname === "localhost" || hostname === "127.0.0.1" || hostname === "::1") return;
        print.error();
      },
    }),
  );
  afterEach(() => {
    account = undefined;
    tokenRequests.length = 0;
  });
  afterAll(() => server.close());

  return {
    signInAs(next: FakeGithubAccount) {
      account = next;
    },
    tokenRequests,
  };
}
