import { screen, waitFor } from "@testing-library/react";
import { http, HttpResponse } from "msw";
import { LoginForm } from "@/components/LoginForm";
import { answerSession, server } from "../support/msw-browser-server";
import { renderWithSession } from "../support/render";

beforeEach(() => {
  answerSession(null);
  server.use(http.get("*/api/auth/csrf", () => HttpResponse.json({ csrfToken: "csrf-from-server" })));
});

const waitForToken = () =>
  waitFor(() => expect(screen.getByRole("button", { name: "Sign in with email" })).toBeEnabled());

describe("the login form", () => {
  it("posts email, password, the CSRF token and the callbackUrl to next-auth's credentials callback", async () => {
    const { container } = renderWithSession(<LoginForm callbackUrl="/admin/users" error={null} providers={[]} />, {
      session: null,
    });
    const form = container.querySelector("form")!;
    expect(form).toHaveAttribute("method", "post");
    expect(form).toHaveAttribute("action", "/api/auth/callback/credentials");
    await waitFor(() => expect(container.querySelector('input[name="csrfToken"]')).toHaveValue("csrf-from-server"));
    expect(container.querySelector('input[name="callbackUrl"]')).toHaveValue("/admin/users");
    expect(screen.getByLabelText("Email")).toHaveAttribute("name", "email");
    expect(screen.getByLabelText("Password")).toHaveAttribute("type", "password");
  });

  it("keeps the submit button disabled until the CSRF token has arrived", async () => {
    renderWithSession(<LoginForm callbackUrl="/" error={null} providers={[]} />, { session: null });
    const button = screen.getByRole("button", { name: "Sign in with email" });
    expect(button).toBeDisabled();
    await waitFor(() => expect(button).toBeEnabled());
  });

  it("shows the error sentence it is given", async () => {
    renderWithSession(<LoginForm callbackUrl="/" error="Wrong email or password." providers={[]} />, { session: null });
    expect(screen.getByRole("alert")).toHaveTextContent("Wrong email or password.");
    await waitForToken();
  });

  it("shows a button for each configured provider, and none when there are none", async () => {
    const { unmount } = renderWithSession(
      <LoginForm callbackUrl="/" error={null} providers={[{ id: "github", name: "GitHub" }]} />,
      { session: null },
    );
    expect(screen.getByRole("button", { name: "Sign in with GitHub" })).toBeInTheDocument();
    await waitForToken();
    unmount();
    renderWithSession(<LoginForm callbackUrl="/" error={null} providers={[]} />, { session: null });
    expect(screen.queryByRole("button", { name: /GitHub/ })).not.toBeInTheDocument();
    await waitForToken();
  });
});
