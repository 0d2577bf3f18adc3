import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { main } from "../runner/cli";
import { parseEnvFile, preflightChecks, type Check } from "../lib/preflight";

/** An app after the switch, ready to deploy; `change` overrides or deletes (null) its files. */
function makeApp(change: Record<string, string | null> = {}): string {
  const dir = mkdtempSync(path.join(tmpdir(), "codemod-preflight-"));
  const files: Record<string, string | null> = {
    "package.json": JSON.stringify({ dependencies: { next: "15.5.29", "next-auth": "5.0.0-beta.32" } }),
    "next.config.js": 'module.exports = { transpilePackages: ["next-auth"] };\n',
    "pages/index.tsx": "export default function Home() { return null; }\n",
    "auth.ts": [
      'import NextAuth from "next-auth";',
      'import Keycloak from "next-auth/providers/keycloak";',
      'import GitHub from "next-auth/providers/github";',
      'import { withLegacyV4 } from "./legacy-v4-session";',
      "",
      "export const { handlers, auth, signIn, signOut } = withLegacyV4(NextAuth)({",
      "  providers: [",
      "    Keycloak({ clientId: process.env.KEYCLOAK_ID, clientSecret: process.env.KEYCLOAK_SECRET, issuer: process.env.KEYCLOAK_ISSUER }),",
      "    GitHub({ clientId: process.env.GITHUB_ID, clientSecret: process.env.GITHUB_SECRET }),",
      "  ],",
      "});",
      "",
    ].join("\n"),
    ...change,
  };
  for (const [file, text] of Object.entries(files)) {
    if (text === null) continue;
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), text);
  }
  return dir;
}

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));
const app = (change?: Record<string, string | null>) => {
  const dir = makeApp(change);
  dirs.push(dir);
  return dir;
};

const SECRET = "the-v4-secret-that-is-at-least-32-characters";
const ready = { AUTH_SECRET: SECRET, AUTH_URL: "https://app.example.com" };
const verdicts = (checks: Check[]) => Object.fromEntries(checks.map((c) => [c.check, c.verdict]));
const failures = (checks: Check[]) => checks.filter((c) => c.verdict === "fail").map((c) => c.message);

describe("preflight: what must hold before the v5 switch is deployed", () => {
  it("passes an app on 5.0.0-beta.32 with the bridge, AUTH_SECRET, AUTH_URL, every provider's settings and transpilePackages", () => {
    const checks = preflightChecks(app(), ready);
    expect(failures(checks)).toEqual([]);
    expect(checks.filter((c) => c.check === "provider")).toHaveLength(2);
    expect(verdicts(checks)).toMatchObject({
      "next-auth": "ok",
      bridge: "ok",
      secret: "ok",
      host: "ok",
      transpile: "ok",
    });
  });

  it("fails a production deploy that has only NEXTAUTH_URL: v5 answers 500 (UntrustedHost)", () => {
    const [failure] = failures(
      preflightChecks(app(), { AUTH_SECRET: SECRET, NEXTAUTH_URL: "https://app.example.com" }),
    );
    expect(failure).toMatch(/only NEXTAUTH_URL is set.*UntrustedHost.*AUTH_URL.*AUTH_TRUST_HOST/);
  });

  it.each([
    ["AUTH_TRUST_HOST", "true"],
    ["VERCEL", "1"],
    ["CF_PAGES", "1"],
  ])("trusts the host with %s set", (key, value) => {
    expect(verdicts(preflightChecks(app(), { AUTH_SECRET: SECRET, [key]: value })).host).toBe("ok");
  });

  it("trusts the host with trustHost: true in the config", () => {
    const dir = app({ "auth.config.ts": "export const authConfig = { trustHost: true, providers: [] };\n" });
    expect(verdicts(preflightChecks(dir, { AUTH_SECRET: SECRET })).host).toBe("ok");
  });

  it("fails AUTH_URL with a path under a Next basePath (v5 would take it as its own basePath)", () => {
    const dir = app({ "next.config.js": 'module.exports = { basePath: "/app", transpilePackages: ["next-auth"] };\n' });
    expect(failures(preflightChecks(dir, { ...ready, AUTH_URL: "https://x.example/app/api/auth" }))[0]).toMatch(
      /basePath.*UnknownAction/,
    );
    expect(failures(preflightChecks(dir, ready))).toEqual([]);
  });

  it("fails an OIDC provider without its issuer (v5 checks every provider on every request), naming file:line", () => {
    const dir = app({
      "auth.ts": [
        'import NextAuth from "next-auth";',
        'import KeycloakProvider from "next-auth/providers/keycloak";',
        'import { withLegacyV4 } from "./legacy-v4-session";',
        "export const { auth } = withLegacyV4(NextAuth)({",
        "  providers: [KeycloakProvider({ clientId: 'id', clientSecret: 's' })],",
        "});",
      ].join("\n"),
    });
    expect(failures(preflightChecks(dir, ready))).toEqual([
      expect.stringMatching(/^keycloak at auth\.ts:5 has no `issuer`.*InvalidEndpoints.*AUTH_KEYCLOAK_ISSUER/),
    ]);
    expect(failures(preflightChecks(dir, { ...ready, AUTH_KEYCLOAK_ISSUER: "https://id.example/realms/r" }))).toEqual(
      [],
    );
  });

  it("warns where a provider's options are built elsewhere, and where an OAuth provider has no clientId", () => {
    const dir = app({
      "auth.ts": [
        'import NextAuth from "next-auth";',
        'import Okta from "next-auth/providers/okta";',
        'import Google from "next-auth/providers/google";',
        'import { withLegacyV4 } from "./legacy-v4-session";',
        "export const { auth } = withLegacyV4(NextAuth)({ providers: [Okta(oktaOptions), Google({})] });",
      ].join("\n"),
    });
    const checks = preflightChecks(dir, ready).filter((c) => c.check === "provider");
    expect(checks.map((c) => [c.verdict, c.message.split(":")[0]])).toEqual([
      ["warn", "okta at auth.ts"],
      ["warn", "google at auth.ts"],
    ]);
    expect(
      preflightChecks(dir, { ...ready, AUTH_GOOGLE_ID: "x" }).find((c) => c.message.startsWith("google"))?.verdict,
    ).toBe("ok");
  });

  it('fails a Pages Router app without transpilePackages: ["next-auth"] (next build fails), and says nothing of it in an App Router app', () => {
    expect(failures(preflightChecks(app({ "next.config.js": "module.exports = {};\n" }), ready))).toEqual([
      expect.stringMatching(/transpilePackages: \["next-auth"\].*next build fails/),
    ]);
    const appRouter = app({ "next.config.js": "module.exports = {};\n", "pages/index.tsx": null, "app/page.tsx": "" });
    expect(preflightChecks(appRouter, ready).some((c) => c.check === "transpile")).toBe(false);
  });

  it("fails a missing secret, and two secrets that differ (every v4 cookie would fail to decrypt)", () => {
    expect(failures(preflightChecks(app(), { AUTH_URL: ready.AUTH_URL }))[0]).toMatch(/MissingSecret/);
    expect(failures(preflightChecks(app(), { ...ready, NEXTAUTH_SECRET: `${SECRET}-other` }))[0]).toMatch(/differ/);
    expect(verdicts(preflightChecks(app(), { ...ready, NEXTAUTH_SECRET: SECRET })).secret).toBe("ok");
    expect(verdicts(preflightChecks(app(), { AUTH_URL: ready.AUTH_URL, NEXTAUTH_SECRET: SECRET })).secret).toBe("warn");
  });

  it("fails an app still on v4, on a beta before 5.0.0-beta.32, or without the session bridge", () => {
    const on = (version: string) => app({ "package.json": JSON.stringify({ dependencies: { "next-auth": version } }) });
    expect(failures(preflightChecks(on("4.24.15"), ready))[0]).toMatch(/not v5: run the codemod's apply --all/);
    expect(failures(preflightChecks(on("5.0.0-beta.25"), ready))[0]).toMatch(/GHSA-8fpg-xm3f-6cx3/);
    expect(verdicts(preflightChecks(on("^5.0.0-beta.32"), ready))["next-auth"]).toBe("ok");
    const noBridge = app({
      "auth.ts": 'import NextAuth from "next-auth";\nexport const { auth } = NextAuth({ providers: [] });\n',
    });
    expect(failures(preflightChecks(noBridge, ready))[0]).toMatch(/signed out at deploy/);
  });

  it("finds the bridge in a workspace package the app uses (NextAuth in a shared package)", () => {
    const root = mkdtempSync(path.join(tmpdir(), "codemod-preflight-monorepo-"));
    dirs.push(root);
    const files: Record<string, string> = {
      "package.json": JSON.stringify({ name: "root", private: true, workspaces: ["apps/*", "packages/*"] }),
      "apps/web/package.json": JSON.stringify({
        dependencies: { "@acme/auth": "workspace:*", next: "15.5.29", "next-auth": "5.0.0-beta.32" },
      }),
      "apps/web/app/api/auth/[...nextauth]/route.ts":
        'import { handlers } from "@acme/auth";\nexport const { GET, POST } = handlers;\n',
      "packages/auth/package.json": JSON.stringify({
        name: "@acme/auth",
        dependencies: { "next-auth": "5.0.0-beta.32" },
      }),
      "packages/auth/index.ts": [
        'import NextAuth from "next-auth";',
        'import { withLegacyV4 } from "./legacy-v4-session";',
        "export const { handlers, auth, signIn, signOut } = withLegacyV4(NextAuth)({ providers: [] });",
        "",
      ].join("\n"),
    };
    for (const [file, text] of Object.entries(files)) {
      mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
      writeFileSync(path.join(root, file), text);
    }
    const checks = preflightChecks(path.join(root, "apps/web"), ready);
    expect(checks.find((c) => c.check === "bridge")).toEqual({
      check: "bridge",
      verdict: "ok",
      message: "the session bridge is wired in ../../packages/auth/index.ts",
    });
  });

  it("reads env files as dotenv does", () => {
    expect(parseEnvFile('# c\nexport AUTH_SECRET="a b"\nAUTH_URL=https://x.example # note\nEMPTY=\n')).toEqual({
      AUTH_SECRET: "a b",
      AUTH_URL: "https://x.example",
      EMPTY: "",
    });
  });

  it("runs as the CLI's preflight command: exit 0 or 1, one line per check, never a secret's value", () => {
    const dir = app();
    const envFile = path.join(dir, ".env.production");
    const out: string[] = [];
    const io = { out: (t: string) => out.push(t), err: (t: string) => out.push(t) };
    writeFileSync(envFile, `AUTH_SECRET=${SECRET}\nNEXTAUTH_URL=https://app.example.com\n`);
    expect(main(["preflight", dir, "--env-file", envFile], io)).toBe(1);
    expect(out.join("\n")).toMatch(/^FAIL {2}host: only NEXTAUTH_URL is set/m);
    writeFileSync(envFile, `AUTH_SECRET=${SECRET}\nAUTH_URL=https://app.example.com\n`);
    out.length = 0;
    expect(main(["preflight", dir, `--env-file=${envFile}`], io)).toBe(0);
    expect(out.join("\n")).toMatch(/^ok {4}secret: AUTH_SECRET is set$/m);
    expect(out.join("\n")).not.toContain(SECRET);
    expect(main(["preflight"], io)).toBe(2);
    expect(main(["preflight", dir, "--json", "--env-file", envFile], io)).toBe(0);
    expect(JSON.parse(out[out.length - 1])).toMatchObject({ failed: 0, environment: [envFile] });
  });
});
