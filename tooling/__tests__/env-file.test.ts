import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { ensureSecretInEnvFile } from "../env-file";

const tempFile = () => path.join(mkdtempSync(path.join(tmpdir(), "envfile-")), ".env.local");

describe("the demo's .env.local secret", () => {
  it("writes a random 32-byte secret when the file does not exist", () => {
    const file = tempFile();
    expect(ensureSecretInEnvFile(file)).toBe(true);
    expect(readFileSync(file, "utf8")).toMatch(/^NEXTAUTH_SECRET=[A-Za-z0-9_-]{43}$/m);
  });

  it("never overwrites an existing secret", () => {
    const file = tempFile();
    writeFileSync(file, "PORT=4000\nNEXTAUTH_SECRET=keep-me\n");
    expect(ensureSecretInEnvFile(file)).toBe(false);
    expect(readFileSync(file, "utf8")).toBe("PORT=4000\nNEXTAUTH_SECRET=keep-me\n");
  });

  it("keeps other settings when it adds a secret", () => {
    const file = tempFile();
    writeFileSync(file, "PORT=4000");
    ensureSecretInEnvFile(file);
    const content = readFileSync(file, "utf8");
    expect(content.startsWith("PORT=4000\n")).toBe(true);
    expect(content).toMatch(/NEXTAUTH_SECRET=\S+/);
  });

  it("generates a different secret each time", () => {
    const [a, b] = [tempFile(), tempFile()];
    ensureSecretInEnvFile(a);
    ensureSecretInEnvFile(b);
    expect(readFileSync(a, "utf8")).not.toBe(readFileSync(b, "utf8"));
  });
});
