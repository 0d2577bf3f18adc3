import { resetEnvForTests } from "@/lib/env";
import { createTestUser, TEST_PASSWORD, useTestDatabase } from "../support/database";
import { COOKIE_PREFIX } from "@/tooling/next-auth-version";
import { signInWithPassword } from "../support/sign-in";

// next-auth picks cookie names and flags from NEXTAUTH_URL's scheme.
process.env.NEXTAUTH_URL = "https://localhost:3000";
resetEnvForTests();
useTestDatabase();
afterAll(() => {
  process.env.NEXTAUTH_URL = "http://localhost:3000";
});

describe("under an https NEXTAUTH_URL", () => {
  it("issues the session as a __Secure- cookie: Secure, HttpOnly, SameSite=Lax, Path=/, no Domain", async () => {
    const user = await createTestUser();
    const { response, jar } = await signInWithPassword({ email: user.email!, password: TEST_PASSWORD });
    expect(jar.get(`__Host-${COOKIE_PREFIX}.csrf-token`)).toBeTruthy();
    const session = response.headers
      .getSetCookie()
      .find((c) => c.startsWith(`__Secure-${COOKIE_PREFIX}.session-token=`));
    expect(session).toBeDefined();
    const attributes = session!
      .split(";")
      .slice(1)
      .map((a) => a.trim().toLowerCase());
    expect(attributes).toEqual(expect.arrayContaining(["path=/", "httponly", "secure", "samesite=lax"]));
    expect(attributes.some((a) => a.startsWith("domain="))).toBe(false);
  });
});
