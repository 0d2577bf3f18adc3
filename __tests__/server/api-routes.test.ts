import { callHandler, SAME_ORIGIN_JSON } from "../support/http";
import * as userRoute from "@/pages/api/admin/users/[id]";
import * as usersRoute from "@/pages/api/admin/users/index";
import * as meRoute from "@/pages/api/me";
import { findUserById, listUsers } from "@/lib/users/repository";
import { createTestUser, useTestDatabase } from "../support/database";
import { sessionCookie } from "../support/session";

useTestDatabase();

let user: Awaited<ReturnType<typeof createTestUser>>;
let admin: Awaited<ReturnType<typeof createTestUser>>;
let userCookie: string;
let adminCookie: string;

beforeAll(async () => {
  user = await createTestUser({ role: "user", name: "Uma" });
  admin = await createTestUser({ role: "admin", name: "Ada" });
  userCookie = await sessionCookie(user);
  adminCookie = await sessionCookie(admin);
});

function patchUser(id: string, body: string, options: { cookie?: string; headers?: Record<string, string> } = {}) {
  return callHandler(userRoute, {
    url: `/api/admin/users/${id}`,
    params: { id },
    method: "PATCH",
    cookie: options.cookie ?? adminCookie,
    headers: options.headers ?? SAME_ORIGIN_JSON,
    body,
  });
}

describe("/api/me", () => {
  it("answers an anonymous caller with 401 JSON", async () => {
    const response = await callHandler(meRoute, { url: "/api/me" });
    expect(response.status).toBe(401);
    expect(response.json()).toEqual({ error: "Sign in to use this API." });
  });

  it("returns the signed-in user's id, email, name and role, never cached publicly", async () => {
    const response = await callHandler(meRoute, { url: "/api/me", cookie: userCookie });
    expect(response.status).toBe(200);
    expect(response.json()).toEqual({ id: user.id, email: user.email, name: "Uma", role: "user" });
    expect(response.headers.get("cache-control")).toBe("private, no-store");
  });

  it("answers a wrong method with 405 and the allowed ones", async () => {
    const response = await callHandler(meRoute, { url: "/api/me", method: "DELETE", cookie: userCookie });
    expect(response.status).toBe(405);
    expect(response.headers.get("allow")).toBe("GET");
    expect(response.json()).toHaveProperty("error");
  });
});

describe("/api/admin/users", () => {
  it.each([
    ["anonymous", undefined, 401],
    ["a plain user", () => userCookie, 403],
  ])("refuses %s", async (_who, cookie, status) => {
    const response = await callHandler(usersRoute, { url: "/api/admin/users", cookie: cookie?.() });
    expect(response.status).toBe(status);
    expect(response.json()).toHaveProperty("error");
  });

  it("lists users with role and status for an admin, without password hashes", async () => {
    const response = await callHandler(usersRoute, { url: "/api/admin/users", cookie: adminCookie });
    expect(response.status).toBe(200);
    const { users } = response.json() as { users: { id: string; role: string; disabled: boolean }[] };
    expect(users).toEqual(
      expect.arrayContaining([expect.objectContaining({ id: user.id, role: "user", disabled: false })]),
    );
    expect(response.text).not.toMatch(/scrypt|password/i);
  });
});

describe("/api/admin/users/[id]", () => {
  it("lets an admin promote, demote, disable and enable a user", async () => {
    const target = await createTestUser();
    expect((await patchUser(target.id, JSON.stringify({ role: "admin" }))).json()).toMatchObject({
      user: { role: "admin" },
    });
    expect((await patchUser(target.id, JSON.stringify({ role: "user" }))).json()).toMatchObject({
      user: { role: "user" },
    });
    expect((await patchUser(target.id, JSON.stringify({ disabled: true }))).json()).toMatchObject({
      user: { disabled: true },
    });
    const enabled = await patchUser(target.id, JSON.stringify({ disabled: false }));
    expect(enabled.status).toBe(200);
    expect((await findUserById(target.id))?.disabled).toBe(false);
  });

  it.each([
    ["anonymous", () => undefined, 401],
    ["a plain user", () => userCookie, 403],
  ])("refuses a change from %s and writes nothing", async (_who, cookie, status) => {
    const before = await listUsers();
    const response = await callHandler(userRoute, {
      url: `/api/admin/users/${user.id}`,
      params: { id: user.id },
      method: "PATCH",
      cookie: cookie(),
      headers: SAME_ORIGIN_JSON,
      body: JSON.stringify({ role: "admin" }),
    });
    expect(response.status).toBe(status);
    expect(await listUsers()).toEqual(before);
  });

  it.each([
    ["bad JSON", "{role: admin", 400, "The body is not valid JSON."],
    ["an unknown role", JSON.stringify({ role: "root" }), 400, undefined],
    ["an unknown field", JSON.stringify({ role: "admin", email: "x@example.com" }), 400, undefined],
    ["an empty change", JSON.stringify({}), 400, undefined],
    ["a disabled flag that is not a boolean", JSON.stringify({ disabled: "yes" }), 400, undefined],
    ["a body that is not an object", JSON.stringify(["admin"]), 400, undefined],
  ])("answers %s with a JSON 400 and writes nothing", async (_case, body, status, message) => {
    const before = await listUsers();
    const response = await patchUser(user.id, body);
    expect(response.status).toBe(status);
    const json = response.json() as { error: string };
    expect(typeof json.error).toBe("string");
    if (message) expect(json.error).toBe(message);
    expect(await listUsers()).toEqual(before);
  });

  it("answers a body that is too large with 413", async () => {
    const response = await patchUser(user.id, JSON.stringify({ role: "admin", pad: "x".repeat(20_000) }));
    expect(response.status).toBe(413);
  });

  it("answers a body that is not JSON with 415", async () => {
    const response = await patchUser(user.id, "role=admin", {
      headers: { "content-type": "application/x-www-form-urlencoded", origin: "http://localhost:3000" },
    });
    expect(response.status).toBe(415);
    expect((await findUserById(user.id))?.role).toBe("user");
  });

  it.each([
    ["no Origin header", { "content-type": "application/json" }],
    ["another site's Origin", { "content-type": "application/json", origin: "https://evil.example" }],
    ["a look-alike Origin", { "content-type": "application/json", origin: "http://localhost:3000.evil.example" }],
    ["the string null as Origin", { "content-type": "application/json", origin: "null" }],
  ])("refuses a change sent with %s", async (_case, headers) => {
    const response = await patchUser(user.id, JSON.stringify({ role: "admin" }), { headers });
    expect(response.status).toBe(403);
    expect((await findUserById(user.id))?.role).toBe("user");
  });

  it.each(["00000000-0000-4000-8000-000000000000", "not-a-uuid", "1 OR 1=1"])(
    "answers an unknown user id (%s) with 404",
    async (id) => {
      const response = await patchUser(id, JSON.stringify({ role: "admin" }));
      expect(response.status).toBe(404);
      expect(response.json()).toEqual({ error: "No such user." });
    },
  );

  it("answers a wrong method with 405", async () => {
    const response = await callHandler(userRoute, {
      url: `/api/admin/users/${user.id}`,
      params: { id: user.id },
      method: "PUT",
      cookie: adminCookie,
      headers: SAME_ORIGIN_JSON,
      body: "{}",
    });
    expect(response.status).toBe(405);
    expect(response.headers.get("allow")).toBe("GET, PATCH");
  });

  it("shows one user to an admin", async () => {
    const response = await callHandler(userRoute, {
      url: `/api/admin/users/${user.id}`,
      params: { id: user.id },
      cookie: adminCookie,
    });
    expect(response.json()).toMatchObject({ user: { id: user.id, email: user.email } });
  });
});
