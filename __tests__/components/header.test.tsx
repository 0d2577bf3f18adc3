import { screen } from "@testing-library/react";
import { Header } from "@/components/Header";
import { answerSession, sessionFor } from "../support/msw-browser-server";
import { renderWithSession } from "../support/render";

describe("the header navigation", () => {
  it("shows the Admin link to an admin", async () => {
    answerSession(sessionFor("admin"));
    renderWithSession(<Header />);
    expect(await screen.findByRole("link", { name: "Admin" })).toHaveAttribute("href", "/admin");
    expect(screen.getByRole("button", { name: "Sign out" })).toBeInTheDocument();
    expect(screen.getByText("Ada Admin")).toBeInTheDocument();
  });

  it("hides the Admin link from a plain user", async () => {
    answerSession(sessionFor("user"));
    renderWithSession(<Header />);
    await screen.findByRole("button", { name: "Sign out" });
    expect(screen.queryByRole("link", { name: "Admin" })).not.toBeInTheDocument();
    expect(screen.getByRole("link", { name: "Dashboard" })).toBeInTheDocument();
  });

  it("offers Sign in to a signed-out visitor", async () => {
    answerSession(null);
    renderWithSession(<Header />);
    expect(await screen.findByRole("button", { name: "Sign in" })).toBeInTheDocument();
    expect(screen.queryByRole("link", { name: "Admin" })).not.toBeInTheDocument();
  });
});
