import { randomBytes } from "node:crypto";
import { existsSync, readFileSync, writeFileSync } from "node:fs";

const SECRET_LINE = /^\s*(NEXTAUTH_SECRET|AUTH_SECRET)\s*=\s*\S/m;

/**
 * Makes sure `file` (normally .env.local) defines a session secret. Appends a random one when
 * none is there; never changes an existing one. Returns true when it wrote a secret.
 */
export function ensureSecretInEnvFile(file: string): boolean {
  const current = existsSync(file) ? readFileSync(file, "utf8") : "";
  if (SECRET_LINE.test(current)) return false;
  const secret = randomBytes(32).toString("base64url");
  const prefix = current === "" || current.endsWith("\n") ? "" : "\n";
  writeFileSync(
    file,
    `${current}${prefix}# Written by \`npm run demo\`. Keep it secret; changing it signs everyone out.\nNEXTAUTH_SECRET=${secret}\n`,
    {
      mode: 0o600,
    },
  );
  return true;
}
