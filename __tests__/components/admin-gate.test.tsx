import { screen } from "@testing-library/react";
import { renderToString } from "react-dom/server";
import { SessionProvider } from "next-auth/react";
import { AdminGate } from "@/components/AdminGate";
import { answerSession, sessionFor } from "../support/msw-browser-server";
import { renderWithSession } from "../support/render";

describe("the admin page's client gate (useSession role check)", () => {
  it("welcomes an admin once the session arrives", async () => {
    answerSession(sessionFor("admin"));
    renderWithSession(<AdminGate />);
    expect(await screen.findByText("You are an admin, welcome!")).toBeInTheDocument();
  });

  it("tells a plain user they are not authorized", async () => {
    const requests = answerSession(sessionFor("user"));
    renderWithSession(<AdminGate />);
    await screen.findByText("You are not authorized to view this page!");
    expect(requests.count()).toBe(1);
    expect(screen.queryByText("You are an admin, welcome!")).not.toBeInTheDocument();
  });

  it("tells a signed-out visitor they are not authorized", async () => {
    answerSession(null);
    renderWithSession(<AdminGate />);
    expect(await screen.findByText("You are not authorized to view this page!")).toBeInTheDocument();
  });

  it("renders the right message in the server HTML when the session comes from the server: no flash, no fetch", () => {
    const requests = answerSession(sessionFor("user"));
    const html = renderToString(
      <SessionProvider session={sessionFor("admin")}>
        <AdminGate />
      </SessionProvider>,
    );
    expect(html).toContain("You are an admin, welcome!");
    expect(html).not.toContain("not authorized");
    expect(requests.count()).toBe(0);
  });

  it("shows the answer on the first client render when the session is passed in, without fetching", async () => {
    const requests = answerSession(sessionFor("user"));
    renderWithSession(<AdminGate />, { session: sessionFor("admin") });
    expect(screen.getByText("You are an admin, welcome!")).toBeInTheDocument();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(requests.count()).toBe(0);
  });
});
