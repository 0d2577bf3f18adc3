import { Project } from "../lib/project";
import { sessionClaims } from "../lib/session-claims";

/** Where the session callbacks put a JWT claim, which v5 middleware reads from the session. */
const claimsOf = (files: Record<string, string>, ts = false) =>
  sessionClaims(new Project("/x", Object.keys(files), { paths: {}, read: (f) => files[f] ?? null }), ts);

const options = (session: string) => `export const options = { providers: [], callbacks: { ${session} } };\n`;

describe("sessionClaims", () => {
  it("is certain where every session callback of every option set copies the claim to one place", () => {
    const claims = claimsOf({
      "lib/a.js": options("session({ session, token }) { session.userRole = token.role; return session; }"),
      "lib/b.js": options("session: async ({ session, token }) => ({ ...session, userRole: token.role })"),
    });
    expect(claims.certain("role")).toBe("userRole");
    expect(claims.sessionKeys).toEqual(new Set(["userRole"]));
  });

  it("names both places where the option sets disagree, and is not certain", () => {
    const claims = claimsOf({
      "lib/a.js": options("session({ session, token }) { session.userRole = token.role; return session; }"),
      "lib/b.js": options("session({ session, token }) { session.user.role = token.role; return session; }"),
    });
    expect(claims.certain("role")).toBeUndefined();
    expect(claims.fix("role", "req.auth")).toContain("session.userRole and session.user.role (2 of 2 copy it)");
  });

  it("says when no session callback copies the claim, and when it cannot read one", () => {
    const copiesNothing = claimsOf({ "lib/a.js": options("session({ session }) { return session; }") });
    expect(copiesNothing.fix("role", "req.auth")).toMatch(/^your session callback does not copy token.role/);
    const unread = claimsOf({
      "lib/a.js": options(
        "session: (params) => { params.session.userRole = params.token.role; return params.session; }",
      ),
    });
    expect(unread.certain("role")).toBeUndefined();
    expect(unread.fix("role", "req.auth")).toMatch(/^the codemod cannot see where/);
  });

  it("in TypeScript, is certain only where the module augmentation declares the place", () => {
    const files = {
      "lib/a.ts": options("session({ session, token }) { session.userRole = token.role as string; return session; }"),
    };
    expect(claimsOf(files, true).certain("role")).toBeUndefined();
    expect(claimsOf(files, true).fix("role", "req.auth")).toContain("declare userRole on Session");
    const augmented =
      'declare module "next-auth" {\n  interface Session {\n    user: { id: string };\n    userRole?: string;\n  }\n}\n';
    expect(claimsOf({ ...files, "types/next-auth.d.ts": augmented }, true).certain("role")).toBe("userRole");
  });
});
