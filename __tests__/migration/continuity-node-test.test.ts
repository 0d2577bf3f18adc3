import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { NEXT_AUTH_MAJOR } from "@/tooling/next-auth-version";

/**
 * Step 5's continuity test without Jest (MIGRATION.md step 5): the node:test file runs under
 * `node --import tsx --test`, as a reader runs it, against this app at whatever step it is
 * (migration:verify runs this suite after each step). Its one "Your app" line stays as written
 * once the session module exports `auth` (step 2 on); before that it is pointed at the v4 helper,
 * as the guide tells a reader to do.
 */
const VARIANT = "migration/steps/05-continuity-test/files/__tests__/server/session-continuity.node-test.ts";
const YOUR_APP = 'import { auth } from "@/lib/auth/session";';

function runNodeTest(authLine: string): { pass: number; fail: number; output: string } {
  const source = readFileSync(path.join(process.cwd(), VARIANT), "utf8");
  expect(source).toContain(YOUR_APP);
  const dir = mkdtempSync(path.join(os.tmpdir(), "continuity-node-test-"));
  try {
    const file = path.join(dir, "session-continuity.node.test.ts");
    writeFileSync(file, source.replace(YOUR_APP, authLine));
    // The environment __tests__/support/server-env.ts set for this suite: the secret, an in-memory database.
    const run = spawnSync(process.execPath, ["--import", "tsx", "--test", file], {
      cwd: process.cwd(),
      env: { ...process.env, NODE_OPTIONS: "" },
      encoding: "utf8",
      timeout: 60_000,
    });
    const output = `${run.stdout}${run.stderr}`;
    const count = (name: string) => Number(output.match(new RegExp(`^# ${name} (\\d+)$`, "m"))?.[1] ?? NaN);
    return { pass: count("pass"), fail: count("fail"), output };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const V4_HELPER = [
  'import { getServerAuthSession } from "@/lib/auth/session";',
  "const auth = (req: NextApiRequest, res: NextApiResponse) => getServerAuthSession({ req, res });",
].join("\n");

/** The app's own `auth` once step 2 has named it so, else the v4 helper under that name. */
function yourAppLine(): string {
  const session = readFileSync(path.join(process.cwd(), "lib/auth/session.ts"), "utf8");
  return /export (\{ auth \}|(async )?function auth\b|const auth\b)/.test(session) ? YOUR_APP : V4_HELPER;
}

/** On v4, and on v5 while the bridge is in place (steps 6 to 9); step 10 deletes both. */
const readsV4Cookies = NEXT_AUTH_MAJOR < 5 || existsSync(path.join(process.cwd(), "lib/auth/legacy-v4-session.ts"));

describe("step 5's continuity test on node --test", () => {
  it("passes on v4 cookies minted as next-auth 4 writes them while v4 or the bridge reads them (plain and chunked signed in; tampered, foreign and expired refused), and fails on them after step 10's clean-up", () => {
    const { pass, fail, output } = runNodeTest(yourAppLine());
    if (readsV4Cookies) {
      expect({ pass, fail }).toEqual({ pass: 5, fail: 0 });
      expect(output).toContain("ok 2 - is still signed in with a cookie v4 split into chunks");
    } else {
      // Step 10 deletes the bridge, and this test with it: a v4 cookie is a signed-out visitor.
      expect({ pass, fail }).toEqual({ pass: 3, fail: 2 });
    }
  }, 60_000);

  it("fails when the app signs v4 users out (an auth() that finds no session)", () => {
    const { pass, fail } = runNodeTest("const auth = async (_req: unknown, _res: unknown) => null;");
    expect({ pass, fail }).toEqual({ pass: 3, fail: 2 });
  }, 60_000);
});
