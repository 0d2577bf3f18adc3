import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { http, HttpResponse } from "msw";
import { ProviderSignInButton } from "@/components/AuthButtons";
import { answerSession, server } from "../support/msw-browser-server";
import { renderWithSession } from "../support/render";

const GITHUB = {
  id: "github",
  name: "GitHub",
  type: "oauth",
  signinUrl: "/api/auth/signin/github",
  callbackUrl: "/api/auth/callback/github",
};

/** The seed's `signIn("github", { redirectTo: "/dashboard" })`, as this app's GitHub button makes it. */
describe("the GitHub sign-in button", () => {
  it("asks next-auth to start GitHub sign-in with the CSRF token and the page to return to", async () => {
    answerSession(null);
    let sent: URLSearchParams | undefined;
    server.use(
      http.get("*/api/auth/providers", () => HttpResponse.json({ github: GITHUB })),
      http.get("*/api/auth/csrf", () => HttpResponse.json({ csrfToken: "csrf-from-server" })),
      http.post("*/api/auth/signin/github", async ({ request }) => {
        sent = new URLSearchParams(await request.text());
        // A same-page hash: the browser "navigates" without leaving the test document.
        return HttpResponse.json({ url: `${window.location.href.split("#")[0]}#github` });
      }),
    );
    // jsdom has no navigation: next-auth's hand-over to GitHub ends in a location change it logs as
    // "not implemented". The request before it is what this test is about.
    const logged = jest.spyOn(console, "error").mockImplementation(() => undefined);
    try {
      renderWithSession(<ProviderSignInButton id="github" name="GitHub" callbackUrl="/dashboard" />, { session: null });
      await userEvent.click(screen.getByRole("button", { name: "Sign in with GitHub" }));
      await waitFor(() => expect(sent).toBeDefined());
      expect(sent?.get("callbackUrl")).toBe("/dashboard");
      expect(sent?.get("csrfToken")).toBe("csrf-from-server");
    } finally {
      logged.mockRestore();
    }
  });
});
