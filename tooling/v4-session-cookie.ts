/**
 * Session cookies exactly as next-auth v4 wrote them, independent of the installed version, to
 * show that a user who signed in before the v5 switch stays signed in after it.
 * v4: JWE `dir` + `A256GCM`, key = HKDF-SHA256(secret, salt "", info "NextAuth.js Generated
 * Encryption Key"), 32 bytes; cookie `[__Secure-]next-auth.session-token`, chunked as `.0`, `.1`, …
 * over 4096 bytes. While next-auth 4 is installed, the tests prove v4 itself accepts these.
 */
const text = new TextEncoder();
const base64Url = (bytes: Uint8Array) => Buffer.from(bytes).toString("base64url");

export async function mintV4SessionToken(
  claims: Record<string, unknown>,
  secret: string,
  maxAge = 30 * 24 * 60 * 60,
): Promise<string> {
  const material = await crypto.subtle.importKey("raw", text.encode(secret), "HKDF", false, ["deriveBits"]);
  const bits = await crypto.subtle.deriveBits(
    {
      name: "HKDF",
      hash: "SHA-256",
      salt: new Uint8Array(0),
      info: text.encode("NextAuth.js Generated Encryption Key"),
    },
    material,
    256,
  );
  const key = await crypto.subtle.importKey("raw", bits, "AES-GCM", false, ["encrypt"]);
  const now = Math.floor(Date.now() / 1000);
  const payload = { ...claims, iat: now, exp: now + maxAge, jti: crypto.randomUUID() };
  const header = base64Url(text.encode(JSON.stringify({ alg: "dir", enc: "A256GCM" })));
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const sealed = new Uint8Array(
    await crypto.subtle.encrypt(
      { name: "AES-GCM", iv, additionalData: text.encode(header), tagLength: 128 },
      key,
      text.encode(JSON.stringify(payload)),
    ),
  );
  const ciphertext = sealed.slice(0, sealed.length - 16);
  const tag = sealed.slice(sealed.length - 16);
  return `${header}..${base64Url(iv)}.${base64Url(ciphertext)}.${base64Url(tag)}`;
}

/** The Cookie header a v4 browser sends: plain or `__Secure-`, chunked like v4 when `chunkSize` is given. */
export function v4CookieHeader(
  token: string,
  { secure = false, chunkSize }: { secure?: boolean; chunkSize?: number } = {},
): string {
  const name = `${secure ? "__Secure-" : ""}next-auth.session-token`;
  if (!chunkSize) return `${name}=${token}`;
  const chunks: string[] = [];
  for (let i = 0; i * chunkSize < token.length; i += 1)
    chunks.push(`${name}.${i}=${token.slice(i * chunkSize, (i + 1) * chunkSize)}`);
  return chunks.join("; ");
}
