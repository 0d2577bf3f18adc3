import { DEMO_USERS, seedAccounts, seedUsers } from "@/lib/users/seed";
import { findUserByEmail } from "@/lib/users/repository";
import { verifyPassword } from "@/lib/users/password";
import { useTestDatabase } from "../support/database";

useTestDatabase();

describe("seeding users", () => {
  it("uses the documented demo accounts outside production", () => {
    expect(seedAccounts({}, false).map((a) => [a.email, a.role])).toEqual([
      [DEMO_USERS.admin.email, "admin"],
      [DEMO_USERS.user.email, "user"],
    ]);
  });

  it("refuses the demo passwords in production, naming the variable", () => {
    expect(() => seedAccounts({}, true)).toThrow(/SEED_ADMIN_PASSWORD/);
  });

  it("refuses short passwords in production", () => {
    expect(() =>
      seedAccounts({ SEED_ADMIN_PASSWORD: "long-enough-admin-pass", SEED_USER_PASSWORD: "short123" }, true),
    ).toThrow(/SEED_USER_PASSWORD must be at least 12/);
  });

  it("names a malformed seed email", () => {
    expect(() => seedAccounts({ SEED_ADMIN_EMAIL: "nope" }, false)).toThrow(/SEED_ADMIN_EMAIL/);
  });

  it("creates the users with hashed passwords, and keeps existing ones on a second run", async () => {
    const accounts = seedAccounts(
      { SEED_USER_EMAIL: "Seeded@Example.com", SEED_USER_PASSWORD: "first-password" },
      false,
    );
    expect((await seedUsers(accounts)).map((r) => r.created)).toEqual([true, true]);
    const user = await findUserByEmail("seeded@example.com");
    expect(await verifyPassword("first-password", user!.passwordHash!)).toBe(true);

    const again = seedAccounts({ SEED_USER_EMAIL: "seeded@example.com", SEED_USER_PASSWORD: "other-password" }, false);
    expect((await seedUsers(again)).map((r) => r.created)).toEqual([false, false]);
    const kept = await findUserByEmail("seeded@example.com");
    expect(kept?.passwordHash).toBe(user?.passwordHash);
  });
});
