import { changeUser, findOrCreateOAuthUser, findUserByEmail, listUsers } from "@/lib/users/repository";
import { databaseKind, migrateDatabase } from "@/lib/db/client";
import { createTestUser, useTestDatabase } from "../support/database";

useTestDatabase();

describe(`user store (${process.env.TEST_DATABASE_URL ? "PostgreSQL server" : "embedded PGlite"})`, () => {
  it("runs on the database this test run asked for", async () => {
    expect(await databaseKind()).toBe(process.env.TEST_DATABASE_URL ? "postgres" : "pglite");
  });

  it("applies the committed migrations again without error", async () => {
    await expect(migrateDatabase()).resolves.toBeUndefined();
  });

  it("stores emails lower-case and finds them in any case", async () => {
    const user = await createTestUser({ email: "Case.Test@Example.com" });
    expect(user.email).toBe("case.test@example.com");
    expect((await findUserByEmail("CASE.TEST@example.COM"))?.id).toBe(user.id);
  });

  it("refuses two users with the same email", async () => {
    await createTestUser({ email: "twice@example.com" });
    await expect(createTestUser({ email: "TWICE@example.com" })).rejects.toThrow();
  });

  it("refuses a role outside the role list at the database level", async () => {
    const user = await createTestUser();
    await expect(changeUser(user.id, { role: "root" as never })).rejects.toThrow();
  });
});

describe("the last active admin", () => {
  it("cannot be demoted or disabled", async () => {
    const admins = (await listUsers()).filter((u) => u.role === "admin" && !u.disabled);
    const lastAdmin = admins[0] ?? (await createTestUser({ role: "admin" }));
    for (const other of admins.slice(1)) await changeUser(other.id, { role: "user" });

    expect(await changeUser(lastAdmin.id, { role: "user" })).toEqual({ ok: false, reason: "last_admin" });
    expect(await changeUser(lastAdmin.id, { disabled: true })).toEqual({ ok: false, reason: "last_admin" });
    expect((await findUserByEmail(lastAdmin.email!))?.role).toBe("admin");
  });

  it("survives many admins being demoted or disabled at the same moment: exactly one stays", async () => {
    const admins = await Promise.all(Array.from({ length: 8 }, () => createTestUser({ role: "admin" })));
    const others = (await listUsers()).filter((u) => u.role === "admin" && !admins.some((a) => a.id === u.id));
    for (const other of others) await changeUser(other.id, { role: "user" });

    const results = await Promise.all(
      admins.map((admin, index) => changeUser(admin.id, index % 2 ? { role: "user" } : { disabled: true })),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(admins.length - 1);
    expect(results.filter((r) => !r.ok)).toEqual([{ ok: false, reason: "last_admin" }]);
    expect((await listUsers()).filter((u) => u.role === "admin" && !u.disabled)).toHaveLength(1);
  });
});

describe("OAuth users", () => {
  const githubSignIn = (id: string, email: string | null) => ({
    provider: "github",
    providerAccountId: id,
    email,
    name: "Octo",
    image: null,
    adminEmails: ["boss@example.com"],
  });

  it("creates a user on first sign-in and finds the same one by provider account afterwards", async () => {
    const first = await findOrCreateOAuthUser(githubSignIn("1001", "octo@example.com"));
    const again = await findOrCreateOAuthUser(githubSignIn("1001", "changed@example.com"));
    expect("user" in first && "user" in again && again.user.id === first.user.id).toBe(true);
    expect("user" in first && first.user.role).toBe("user");
  });

  it("makes an email listed in ADMIN_EMAILS an admin on first sign-in", async () => {
    const result = await findOrCreateOAuthUser(githubSignIn("1002", "Boss@Example.com"));
    expect("user" in result && result.user.role).toBe("admin");
  });

  it("does not link a provider account to an existing user by email", async () => {
    await createTestUser({ email: "taken@example.com" });
    expect(await findOrCreateOAuthUser(githubSignIn("1003", "taken@example.com"))).toEqual({ error: "email_in_use" });
  });

  it("accepts a provider account without email", async () => {
    const result = await findOrCreateOAuthUser(githubSignIn("1004", null));
    expect("user" in result && result.user.email).toBeNull();
  });
});
