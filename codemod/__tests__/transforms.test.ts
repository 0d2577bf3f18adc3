import { fixtureCases, readOutput, runFixture } from "./support/fixtures";
import { parse, ParseError } from "../lib/ast";
import { newTransformContext } from "../lib/types";
import { serverSession } from "../transforms/server-session";
import { quietChanges } from "../transforms/quiet-changes";
import { credentialsAuthorize } from "../transforms/credentials-authorize";
import { packageJson } from "../transforms/package-json";
import { middleware } from "../transforms/middleware";
import { Project } from "../lib/project";
import { run } from "../runner/run";
import { tmpdir } from "node:os";

/**
 * Every transform has fixture pairs in transforms/__testfixtures__/<transform>/:
 * <case>.input.<ext> → <case>.output.<ext> (as @next/codemod). Cases named leave-alone-* keep the
 * file as it is and report nothing; report-* keep it as it is and report a to-do. Regenerate the
 * outputs with `npx tsx codemod/scripts/update-fixtures.ts` and review the diff.
 */
const cases = fixtureCases();

describe.each([...new Set(cases.map((c) => c.dir))])("%s", (dir) => {
  const mine = cases.filter((c) => c.dir === dir);

  it("has at least five cases", () => {
    expect(mine.length).toBeGreaterThanOrEqual(5);
  });

  it.each(mine.map((c) => [c.name + c.ext, c] as const))("%s matches its .output file", (_, c) => {
    const { text, results } = runFixture(c);
    expect(text).toBe(readOutput(c));
    const findings = results.flatMap((r) => r.findings);
    if (c.name.startsWith("leave-alone")) {
      expect(text).toBe(c.input);
      expect(findings.filter((f) => f.action !== "ok")).toEqual([]);
    }
    if (c.name.startsWith("report")) {
      expect(text).toBe(c.input);
      expect(findings.some((f) => f.action === "todo")).toBe(true);
    }
  });

  // The route transform's output is other files (auth.ts, route.ts); the CLI test re-runs apply on them.
  if (dir !== "nextauth-route")
    it.each(mine.map((c) => [c.name + c.ext, c] as const))(
      "%s is idempotent: the output, run again, does not change",
      (_, c) => {
        const output = readOutput(c)!;
        expect(runFixture(c, output).text).toBe(output);
      },
    );
});

describe("a file that does not parse", () => {
  it("raises a ParseError naming the file and the line, which the runner reports and skips", () => {
    const broken = 'import { getServerSession } from "next-auth";\nexport const x = getServerSession(authOptions;\n';
    expect(() => parse("pages/broken.ts", broken)).toThrow(ParseError);
    expect(() =>
      serverSession.run({
        file: "pages/broken.ts",
        source: broken,
        project: new Project("/x", [], { paths: {} }),
        steps: new Set([2]),
        context: newTransformContext(),
      }),
    ).toThrow(/pages\/broken\.ts: cannot parse .*line 2/);
  });
});

describe("middleware", () => {
  it("does not mistake the word withAuth in a comment for a leftover import", () => {
    const c = fixtureCases().find((x) => x.dir === "middleware" && x.name === "with-fn")!;
    const findings = runFixture(c).results.flatMap((r) => r.findings);
    expect(findings.filter((f) => /still imports/.test(f.message))).toEqual([]);
  });
});

describe("middleware claims and the Edge", () => {
  const v5Middleware = (body: string, config = 'export const config = { matcher: ["/admin/:path*"] };') =>
    middleware.run({
      file: "middleware.ts",
      source: [
        'import { auth } from "@/auth";',
        "",
        `export default auth((req) => {\n${body}\n});`,
        "",
        config,
        "",
      ].join("\n"),
      project: new Project("/x", ["middleware.ts", "auth.ts"], { paths: { "@/": "" }, read: () => null }),
      steps: new Set([6]),
      context: newTransformContext(),
    }).findings;

  // v5 middleware's req.auth is the session: a claim the session callback copies is on its user.
  it("names req.auth?.user?.role as the fix for a role read from the JWT", () => {
    const c = fixtureCases().find((x) => x.dir === "middleware" && x.name === "with-fn")!;
    const claims = runFixture(c)
      .results.flatMap((r) => r.findings)
      .filter((f) => f.kind === "token-claim");
    expect(claims).toHaveLength(1);
    expect(claims[0].message).toContain("read req.auth?.user?.role");
    expect(claims[0].message).toContain("session.user.role = token.role");
  });

  it("clears once the claim is read from the session's user, on a middleware that runs on Node.js", () => {
    expect(
      v5Middleware('  if (req.auth?.role !== "admin") return Response.redirect(new URL("/", req.url));').map(
        (f) => f.kind,
      ),
    ).toEqual(["token-claim", "middleware-edge"]);
    expect(
      v5Middleware(
        '  if (req.auth?.user?.role !== "admin") return Response.redirect(new URL("/", req.url));',
        'export const config = { runtime: "nodejs", matcher: ["/admin/:path*"] };',
      ),
    ).toEqual([]);
  });

  it("still reads the claims of a middleware split off to an Edge-safe config, which needs no Edge to-do", () => {
    const findings = middleware.run({
      file: "middleware.ts",
      source: [
        'import NextAuth from "next-auth";',
        'import { authConfig } from "./auth.config";',
        "",
        "const { auth } = NextAuth(authConfig);",
        'export default auth((req) => (req.auth?.role === "admin" ? undefined : Response.redirect(new URL("/", req.url))));',
        "",
      ].join("\n"),
      project: new Project("/x", ["middleware.ts", "auth.config.ts", "auth.ts"], { paths: {}, read: () => null }),
      steps: new Set([6]),
      context: newTransformContext(),
    }).findings;
    expect(findings.map((f) => f.kind)).toEqual(["token-claim"]);
  });
});

describe("nextauth-route: v4's App Router advanced initialization", () => {
  const todoOf = (name: string) => {
    const c = fixtureCases().find((x) => x.dir === "nextauth-route" && x.name === name)!;
    const todos = runFixture(c)
      .results.flatMap((r) => r.findings)
      .filter((f) => f.action === "todo");
    expect(todos).toHaveLength(1);
    return todos[0].message;
  };

  it("refuses a route that uses its context other than for the path's segments, and prints the code to write", () => {
    const message = todoOf("report-app-router-advanced-context");
    expect(message).toContain("`auditRoute(ctx)` at line 7: v5 hands the config no route context");
    expect(message).toContain('if (nextAuthSegmentsOf(req)?.[0] === "callback") await auditRoute(ctx);');
  });

  it("refuses a route that reads the request where v5 may hand the config none", () => {
    const message = todoOf("report-app-router-advanced-request");
    expect(message).toContain("`req.clone` at line 6: v5 hands the config a NextRequest");
    expect(message).toContain('inside `if (req.method === "POST" && ctx.params.nextauth[0] === "signin")`');
    expect(message).toContain("const form = await req.clone().formData();");
  });
});

describe("next-auth-imports", () => {
  // Checked against the published declarations of next-auth 5.0.0-beta.32 and @auth/core 0.41.3.
  it("sends each v4-only type where v5 keeps it, and says when v5 keeps none", () => {
    const c = fixtureCases().find((x) => x.dir === "next-auth-imports" && x.name === "report-v4-only-types")!;
    const messages = runFixture(c)
      .results.flatMap((r) => r.findings)
      .filter((f) => f.kind === "v4-only-export")
      .map((f) => f.message);
    expect(messages).toHaveLength(3);
    expect(messages.find((m) => m.includes("no DefaultUser"))).toContain('import it from "@auth/core/types"');
    expect(messages.find((m) => m.includes("no Theme"))).toContain('import it from "@auth/core/types"');
    const requestInternal = messages.find((m) => m.includes("no RequestInternal"));
    expect(requestInternal).not.toContain('import it from "@auth/core/types"');
    expect(requestInternal).toContain("authorize(credentials, request)");
  });

  // @auth/core 0.41.3 jwt.js: getToken reads only v5's cookie name and decrypts with v5's salt.
  it("says once per file that getToken returns null on a request with only the v4 cookie, and what to do", () => {
    const c = fixtureCases().find((x) => x.dir === "next-auth-imports" && x.name === "report-get-token")!;
    const todos = runFixture(c)
      .results.flatMap((r) => r.findings)
      .filter((f) => f.kind === "get-token");
    expect(todos).toHaveLength(1);
    expect(todos[0]).toMatchObject({ action: "todo", line: 2 });
    expect(todos[0].message).toContain("only the v4 cookie");
    expect(todos[0].message).toContain("returns null");
    expect(todos[0].message).toContain("auth()");
    expect(todos[0].message).toMatch(/pass secret .* and secureCookie/);
  });
});

describe("quiet-changes", () => {
  // The shapes taxonomy's callbacks have; v5's types reject both (the field test's type check).
  it("reports a JWT claim taken from user.id and session.user.email set from a JWT claim (not name or role), where v5's types change", () => {
    const source = [
      'import type { NextAuthOptions } from "next-auth";',
      "export const options: NextAuthOptions = {",
      "  providers: [],",
      "  callbacks: {",
      "    async session({ token, session }) {",
      "      session.user.name = token.name;",
      "      session.user.email = token.email;",
      "      session.user.role = token.role;",
      "      return session;",
      "    },",
      "    async jwt({ token, user }) {",
      "      if (user) token.id = user?.id;",
      "      return token;",
      "    },",
      "  },",
      "};",
    ].join("\n");
    const { findings } = quietChanges.run({
      file: "lib/auth.ts",
      source,
      project: new Project("/x", [], { paths: {} }),
      steps: new Set([6]),
      context: newTransformContext(),
    });
    expect(findings.map((f) => `${f.line} ${f.kind}`)).toEqual(["7 session-user-type", "12 user-id-optional"]);
  });
});

describe("quiet-changes: a custom session cookie", () => {
  const cookieFindings = (cookies: string) =>
    quietChanges
      .run({
        file: "lib/auth.ts",
        source: [
          'import type { NextAuthOptions } from "next-auth";',
          "export const options: NextAuthOptions = {",
          "  providers: [],",
          `  cookies: ${cookies},`,
          "};",
        ].join("\n"),
        project: new Project("/x", [], { paths: {} }),
        steps: new Set([6]),
        context: newTransformContext(),
      })
      .findings.filter((f) => f.kind === "session-cookie");

  // The bridge reads v4 cookies under the config's name and deletes them with its domain and path.
  it("is reported as ok, kept as the config carries over, with getToken's cookieName and salt", () => {
    const [finding, ...rest] = cookieFindings(
      '{ sessionToken: { name: "next-auth.session-token", options: { domain: ".example.com", path: "/", httpOnly: true } } }',
    );
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({ action: "ok", line: 4 });
    expect(finding.message).toContain('"next-auth.session-token"');
    expect(finding.message).toContain("deletes them with its domain and path");
    expect(finding.message).toContain("pass cookieName and salt");
  });

  it("says when its name or options are computed per environment", () => {
    const [finding] = cookieFindings(
      "{ sessionToken: { name: `${prefix}app.session`, options: { domain: process.env.COOKIE_DOMAIN } } }",
    );
    expect(finding.action).toBe("ok");
    expect(finding.message).toContain("computed per environment");
  });
});

describe("quiet-changes: jwt.secret", () => {
  const jwtSecretFindings = (file: string) =>
    quietChanges
      .run({
        file,
        source: [
          'import NextAuth from "next-auth";',
          "export default NextAuth({",
          "  providers: [],",
          "  jwt: { secret: process.env.NEXTAUTH_JWT_SECRET },",
          "  secret: process.env.NEXTAUTH_SECRET,",
          "});",
        ].join("\n"),
        project: new Project("/x", [], { paths: {} }),
        steps: new Set([6]),
        context: newTransformContext(),
      })
      .findings.filter((f) => f.kind === "jwt-secret");

  // v4 core/init.js and @auth/core lib/init.js both build `jwt: { secret, ...config.jwt }`.
  it("is kept, as v5 keys the session JWT with it as v4 did; in TypeScript, a to-do for v5's type", () => {
    const [ts] = jwtSecretFindings("pages/api/auth/[...nextauth].ts");
    expect(ts).toMatchObject({ action: "todo", line: 4 });
    expect(ts!.message).toContain("v5 keys the session JWT with it the same way v4 did");
    expect(ts!.message).toContain("TS2353");
    expect(jwtSecretFindings("pages/api/auth/[...nextauth].js")).toEqual([
      expect.objectContaining({ action: "ok", message: expect.not.stringContaining("TS2353") }),
    ]);
  });
});

describe("session-callback", () => {
  // A T3-style app whose database-session options are inline in the Pages route: the rewrite must
  // reach the auth.ts that step 6 writes from that route (the route transform runs after it).
  it("takes sessionToken out of the result in the auth.ts step 6 writes from the route", () => {
    const files: Record<string, string> = {
      "package.json": JSON.stringify({ dependencies: { next: "14.2.0", "next-auth": "4.24.11" } }),
      "pages/index.tsx": "export default function Home() {\n  return null;\n}\n",
      "pages/api/auth/[...nextauth].ts": [
        'import { PrismaAdapter } from "@next-auth/prisma-adapter";',
        'import NextAuth from "next-auth";',
        'import { prisma } from "../../../lib/prisma";',
        "",
        "export default NextAuth({",
        "  adapter: PrismaAdapter(prisma),",
        "  providers: [],",
        "  callbacks: {",
        "    session: ({ session, user }) => ({ ...session, user: { ...session.user, id: user.id } }),",
        "  },",
        "});",
        "",
      ].join("\n"),
      "lib/prisma.ts": "export const prisma = {};\n",
    };
    const result = run(tmpdir(), "apply", new Set([6]), {
      files: Object.keys(files),
      read: (f) => files[f] ?? null,
    });
    const auth = result.changes.find((c) => c.path === "auth.ts")?.after ?? "";
    expect(auth).toContain(
      "session: ({ session, user }) => ({ expires: session.expires, user: { ...session.user, id: user.id } }),",
    );
    expect(auth).not.toContain("...session,");
    expect(result.findings.filter((f) => f.kind === "session-token-spread")).toHaveLength(1);
  });
});

describe("server-session: a call left as it is", () => {
  const todosOf = (name: string) =>
    runFixture(fixtureCases().find((x) => x.dir === "server-session" && x.name === name)!)
      .results.flatMap((r) => r.findings)
      .filter((f) => f.action === "todo");

  // next-auth 5.0.0-beta.32's next.js is a module that only throws; its index exports no getServerSession.
  it("says the file's import from next-auth/next throws in v5, so the file fails until it is fixed", () => {
    const todos = todosOf("report-pages-bare-call");
    expect(todos).toHaveLength(1);
    expect(todos[0].message).toMatch(/^getServerSession\(\) inside pages\//);
    expect(todos[0].message).toContain('the whole file fails: its import from "next-auth/next" throws in v5');
  });

  it("says next-auth v5 exports no getServerSession when it was imported from next-auth", () => {
    const todos = todosOf("report-pages-no-args");
    expect(todos).toHaveLength(1);
    expect(todos[0].message).toContain("the whole file fails: next-auth v5 does not export getServerSession");
  });
});

describe("credentials-authorize: only true to-dos", () => {
  const findingsOf = (name: string) => {
    const c = fixtureCases().find((x) => x.dir === "credentials-authorize" && x.name === name)!;
    const input = { file: c.virtualPath, source: c.input, project: new Project("/x", [], { paths: {} }) };
    const steps = new Set([6]);
    return [quietChanges, credentialsAuthorize]
      .flatMap((t) => t.run({ ...input, steps, context: newTransformContext() }).findings)
      .filter((f) => f.action === "todo");
  };

  it("reports a throw at its own line, only where it can leave authorize (here: the catch's rethrow)", () => {
    expect(findingsOf("report-throw-escapes").map((f) => `${f.line} ${f.kind}`)).toEqual(["12 credentials-error"]);
    expect(findingsOf("report-throw-escapes")[0].message).toContain("error=Configuration");
  });

  it("reports no throw caught inside authorize, nor one outside it, nor an authorization property", () => {
    expect(findingsOf("leave-alone-caught-throw")).toEqual([]);
  });

  it("reports the request argument where it is read, and not the credentials that are not", () => {
    expect(findingsOf("report-request-read").map((f) => `${f.line} ${f.message.slice(0, 40)}`)).toEqual([
      "6 authorize's second argument is a Web Req",
    ]);
    expect(findingsOf("leave-alone-unread-arguments")).toEqual([]);
  });
});

describe("package-json: a v4 adapter nothing imports", () => {
  const pkg = JSON.stringify({ dependencies: { "@next-auth/mongodb-adapter": "^1.1.1", mongodb: "^4.14.0" } });
  const run = (files: Record<string, string>, file = "package.json") =>
    packageJson.run({
      file,
      source: pkg,
      project: new Project("/x", [file, ...Object.keys(files)], { paths: {}, read: (f) => files[f] ?? null }),
      steps: new Set([6]),
      context: newTransformContext(),
    });

  it("is left with a to-do to remove it, and no peer bump asked for", () => {
    const { source, findings } = run({ "lib/db.ts": 'import { MongoClient } from "mongodb";\n' });
    expect(source).toBeUndefined();
    expect(findings.map((f) => f.kind)).toEqual(["package-adapter-unused"]);
  });

  it("is still swapped where the code imports it, under either name, or where no code is seen", () => {
    for (const name of ["@next-auth/mongodb-adapter", "@auth/mongodb-adapter"]) {
      const { source } = run({ "lib/auth.ts": `import { MongoDBAdapter } from "${name}";\n` });
      expect(source).toContain('"@auth/mongodb-adapter"');
    }
    expect(run({}).source).toContain('"@auth/mongodb-adapter"');
  });

  it("looks only at the code of its own package in a monorepo", () => {
    const files = {
      "apps/site/lib/db.ts": "export {};\n",
      "apps/web/auth.ts": 'import "@next-auth/mongodb-adapter";\n',
    };
    expect(run(files, "apps/site/package.json").findings.map((f) => f.kind)).toEqual(["package-adapter-unused"]);
  });
});
