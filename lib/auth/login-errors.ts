/**
 * next-auth's `?error=` codes, as sentences a person understands.
 * @see https://next-auth.js.org/configuration/pages#sign-in-page
 */
const MESSAGES: Record<string, string> = {
  CredentialsSignin: "Wrong email or password.",
  OAuthAccountNotLinked: "That email already belongs to an account here. Sign in with your email and password.",
  AccessDenied: "This account cannot sign in right now. Ask an admin if you think that is wrong.",
  OAuthSignin: "We could not start the GitHub sign-in. Try again.",
  OAuthCallback: "GitHub sign-in did not complete. Try again, and allow access when GitHub asks.",
  OAuthCreateAccount: "We could not create your account from GitHub. Try again.",
  Callback: "Sign-in did not complete. Try again.",
  SessionRequired: "Sign in to see that page.",
  Configuration: "Sign-in is not configured correctly on the server. Tell the site's admin.",
  Verification: "That sign-in link is no longer valid.",
  ServiceUnavailable: "Sign-in is unavailable right now: our database is not answering. Try again in a minute.",
  Reauthenticate: "Please sign in again to confirm it's you before making this change.",
};

const FALLBACK = "Sign-in failed. Try again.";

/** A readable sentence for an error code, or null when there is no error. */
export function loginErrorMessage(code: unknown): string | null {
  if (typeof code !== "string" || code === "") return null;
  const tooMany = /^TooManyAttempts:(\d{1,4})$/.exec(code);
  if (tooMany) {
    const minutes = Number(tooMany[1]);
    return `Too many attempts. Try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`;
  }
  return Object.prototype.hasOwnProperty.call(MESSAGES, code) ? MESSAGES[code] : FALLBACK;
}
