/**
 * Step 5's continuity test on Node's own runner, for an app without Jest (tsx reads your `paths`):
 *   node --import tsx --test __tests__/server/session-continuity.node-test.ts
 *
 * The cases of session-continuity.test.ts, with node:test and node:assert. Self-contained: it needs
 * next-auth, Node ≥ 20, tsx, and your auth module's `auth(req, res)` (step 2). It passes on v4, and
 * unchanged on v5 with the bridge of step 6. Adapt the lines under "Your app".
 */
import assert from "node:assert/strict";
import { createCipheriv, hkdfSync, randomBytes, randomUUID } from "node:crypto";
import { IncomingMessage, ServerResponse } from "node:http";
import { Socket } from "node:net";
import { describe, it } from "node:test";
import type { NextApiRequest, NextApiResponse } from "next";
// Your app: the module that exports `auth(req, res)`, and a token your `jwt` callback accepts as
// it is (here: claims fresh enough that it does not ask the database).
import { auth } from "@/lib/auth/session";

const secret = () => process.env.AUTH_SECRET ?? process.env.NEXTAUTH_SECRET ?? "";
const now = () => Math.floor(Date.now() / 1000);
const user = { id: "v4-continuity-user", role: "user", name: "Vera Four", email: "vera@example.com" };
const claims = () => ({ ...user, sub: user.id, roleCheckedAt: now(), authTime: now(), sessionVersion: 0 });

/** A session token exactly as next-auth 4 encrypts it: JWE dir + A256GCM, HKDF(secret, salt ""). */
function v4Token(payload: object, { key = secret(), maxAge = 30 * 24 * 60 * 60 } = {}): string {
  const cek = Buffer.from(hkdfSync("sha256", key, "", "NextAuth.js Generated Encryption Key", 32));
  const header = Buffer.from(JSON.stringify({ alg: "dir", enc: "A256GCM" })).toString("base64url");
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", cek, iv).setAAD(Buffer.from(header));
  const body = { ...payload, iat: now(), exp: now() + maxAge, jti: randomUUID() };
  const ciphertext = Buffer.concat([cipher.update(JSON.stringify(body)), cipher.final()]);
  const parts = [iv, ciphertext, cipher.getAuthTag()].map((part) => part.toString("base64url"));
  return [header, "", ...parts].join(".");
}

/** The Cookie header a v4 browser sends; v4 splits a token over 4 KB into `.0`, `.1`, … */
function v4Cookie(token: string, chunkSize?: number): string {
  const name = "next-auth.session-token";
  if (!chunkSize) return `${name}=${token}`;
  const chunks: string[] = [];
  for (let i = 0; i * chunkSize < token.length; i += 1)
    chunks.push(`${name}.${i}=${token.slice(i * chunkSize, (i + 1) * chunkSize)}`);
  return chunks.join("; ");
}

/** An API route's `(req, res)` as Next types them; next-auth only sets headers on `res`. */
function apiRequest(cookie: string): { req: NextApiRequest; res: NextApiResponse } {
  const req: NextApiRequest = Object.assign(new IncomingMessage(new Socket()), {
    url: "/api/me",
    method: "GET",
    headers: { host: "localhost:3000", cookie },
    cookies: Object.fromEntries(cookie.split("; ").map((pair) => pair.split(/=(.*)/s).slice(0, 2))),
    ...{ query: {}, body: undefined, env: {} },
  });
  return { req, res: new ServerResponse(req) as unknown as NextApiResponse };
}

async function sessionFor(cookie: string) {
  const { req, res } = apiRequest(cookie);
  return auth(req, res);
}

describe("a user who signed in under next-auth v4", () => {
  it("is still signed in", async () => {
    const session = await sessionFor(v4Cookie(v4Token(claims())));
    assert.deepEqual(
      { id: session?.user.id, name: session?.user.name, email: session?.user.email },
      { id: user.id, name: user.name, email: user.email },
    );
  });

  it("is still signed in with a cookie v4 split into chunks", async () => {
    const cookie = v4Cookie(v4Token(claims()), 200);
    assert.match(cookie, /next-auth\.session-token\.1=/);
    assert.equal((await sessionFor(cookie))?.user.id, user.id);
  });

  const refused: [string, () => string][] = [
    ["tampered with", () => v4Token(claims()).replace(/\.([^.])(?=[^.]*$)/, (_m, c) => (c === "A" ? ".B" : ".A"))],
    ["made with another secret", () => v4Token(claims(), { key: "another-secret-that-is-32-characters-long!" })],
    ["past its expiry", () => v4Token(claims(), { maxAge: -60 })],
  ];
  for (const [what, token] of refused)
    it(`is signed out when the v4 cookie is ${what}`, async () => {
      assert.equal(await sessionFor(v4Cookie(token())), null);
    });
});
