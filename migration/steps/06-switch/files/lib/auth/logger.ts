import type { NextAuthConfig } from "next-auth";

/**
 * Auth.js's logger, reduced to one line per event. v5 passes an Error (its `type` names the
 * failure, e.g. CredentialsSignin) where v4 passed a code and metadata; printing only the type
 * and message keeps tokens and form bodies out of the logs.
 */
export const authLogger: NonNullable<NextAuthConfig["logger"]> = {
  error(error) {
    const type = "type" in error && typeof error.type === "string" ? error.type : error.name;
    // v5 wraps what a callback or authorize threw (e.g. CallbackRouteError): name that too.
    const cause = (error.cause as { err?: Error } | undefined)?.err;
    const detail = cause ? ` (cause: ${cause.name}: ${cause.message.split("\n")[0]})` : "";
    console.error(`[auth] ${type}${error.message ? `: ${error.message.split("\n")[0]}` : ""}${detail}`);
  },
  warn(code) {
    console.warn(`[auth] ${code}`);
  },
  debug() {},
};
