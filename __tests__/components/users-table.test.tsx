import { screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { http, HttpResponse } from "msw";
import { UsersTable } from "@/components/UsersTable";
import type { PublicUser } from "@/lib/users/types";
import { server, sessionFor } from "../support/msw-browser-server";
import { renderWithSession, testRouter } from "../support/render";

const users: PublicUser[] = [
  {
    id: "a1",
    email: "ada@example.com",
    name: "Ada",
    image: null,
    role: "admin",
    disabled: false,
    createdAt: "2026-01-01T00:00:00Z",
  },
  {
    id: "u1",
    email: "uma@example.com",
    name: "Uma",
    image: null,
    role: "user",
    disabled: true,
    createdAt: "2026-01-02T00:00:00Z",
  },
];

describe("the users table", () => {
  it("lists each user with role and status", () => {
    renderWithSession(<UsersTable users={users} currentUserId="a1" />, { session: sessionFor("admin") });
    const rows = screen.getAllByRole("row");
    expect(rows[1]).toHaveTextContent(/Ada.*ada@example.com \(you\).*admin.*active/);
    expect(rows[2]).toHaveTextContent(/Uma.*user.*disabled/);
  });

  it("sends a demotion to the admin API as JSON and reloads the list from the server", async () => {
    const sent: unknown[] = [];
    server.use(
      http.patch("*/api/admin/users/:id", async ({ request, params }) => {
        sent.push({ id: params.id, body: await request.json() });
        return HttpResponse.json({ user: { ...users[0], role: "user" } });
      }),
    );
    const router = testRouter("/admin/users");
    renderWithSession(<UsersTable users={users} currentUserId="a1" />, { session: sessionFor("admin"), router });

    await userEvent.click(screen.getByRole("button", { name: "Demote Ada" }));
    expect(await screen.findByRole("status")).toHaveTextContent("Ada is now a user.");
    expect(sent).toEqual([{ id: "a1", body: { role: "user" } }]);
    expect(router.replace).toHaveBeenCalled();
  });

  it("shows the server's refusal, e.g. for the last admin", async () => {
    server.use(
      http.patch("*/api/admin/users/:id", () =>
        HttpResponse.json({ error: "This is the last active admin: promote someone else first." }, { status: 409 }),
      ),
    );
    renderWithSession(<UsersTable users={users} currentUserId="a1" />, { session: sessionFor("admin") });
    await userEvent.click(screen.getByRole("button", { name: "Disable Ada" }));
    expect(await screen.findByRole("status")).toHaveTextContent("last active admin");
  });

  it("offers Enable for a disabled user and Promote for a plain one", () => {
    renderWithSession(<UsersTable users={users} currentUserId="a1" />, { session: sessionFor("admin") });
    expect(screen.getByRole("button", { name: "Enable Uma" })).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Promote Uma" })).toBeInTheDocument();
  });
});
