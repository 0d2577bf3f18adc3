import { safeLocalPath, safeRedirect } from "@/lib/auth/redirect";

const BASE = "http://localhost:3000";

describe("the redirect callback allows our own origin only", () => {
  it.each([
    ["/dashboard", "http://localhost:3000/dashboard"],
    ["/admin/users?tab=2#top", "http://localhost:3000/admin/users?tab=2#top"],
    ["http://localhost:3000/admin", "http://localhost:3000/admin"],
    ["dashboard", "http://localhost:3000/dashboard"],
  ])("keeps the same-origin target %s", (url, expected) => {
    expect(safeRedirect(url, BASE)).toBe(expected);
  });

  it.each([
    "//evil.com",
    "//evil.com/path",
    "/\\evil.com",
    "\\\\evil.com",
    "/\t/evil.com",
    "https://evil.com",
    "http://localhost:3000.evil.com/",
    "http://localhost:3000@evil.com/",
    "http://user:pass@localhost:3000/",
    "https://localhost:3000/", // another scheme is another origin
    "http://localhost:3001/",
    "javascript:alert(1)",
    "JaVaScRiPt:alert(1)",
    "data:text/html,<script>alert(1)</script>",
    "http://[::1",
    "",
    "x".repeat(5000),
  ])("falls back to the base URL for %s", (url) => {
    expect(safeRedirect(url, BASE)).toBe(BASE);
  });
});

describe("callbackUrl on links and the login page", () => {
  it("turns a same-origin URL into a path", () => {
    expect(safeLocalPath("http://localhost:3000/admin?x=1", BASE)).toBe("/admin?x=1");
  });

  it.each([undefined, ["/a", "/b"], "//evil.com", "https://evil.com/"])("uses the fallback for %p", (value) => {
    expect(safeLocalPath(value, BASE, "/dashboard")).toBe("/dashboard");
  });
});
