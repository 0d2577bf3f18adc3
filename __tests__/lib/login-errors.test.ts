import { loginErrorMessage } from "@/lib/auth/login-errors";

describe("login page error sentences", () => {
  it.each([
    ["CredentialsSignin", "Wrong email or password."],
    ["TooManyAttempts:15", "Too many attempts. Try again in 15 minutes."],
    ["TooManyAttempts:1", "Too many attempts. Try again in 1 minute."],
    ["OAuthAccountNotLinked", expect.stringContaining("already belongs to an account")],
  ])("reads %s as a sentence", (code, sentence) => {
    expect(loginErrorMessage(code)).toEqual(sentence);
  });

  it("never echoes an unknown code back into the page", () => {
    expect(loginErrorMessage("<script>alert(1)</script>")).toBe("Sign-in failed. Try again.");
    expect(loginErrorMessage("constructor")).toBe("Sign-in failed. Try again.");
  });

  it("shows nothing without a code", () => {
    expect(loginErrorMessage(undefined)).toBeNull();
    expect(loginErrorMessage(["a", "b"])).toBeNull();
  });
});
