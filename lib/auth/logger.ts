import type { LoggerInstance } from "next-auth";

/**
 * next-auth's logger, reduced to one line per event. v4 passes whole error objects and request
 * metadata; printing only the code and message keeps tokens and form bodies out of the logs.
 */
function messageOf(metadata: unknown): string {
  if (metadata instanceof Error) return metadata.message;
  if (metadata && typeof metadata === "object" && "error" in metadata && metadata.error instanceof Error) {
    return metadata.error.message;
  }
  return "";
}

export const authLogger: Partial<LoggerInstance> = {
  error(code, metadata) {
    console.error(`[auth] ${code}${messageOf(metadata) ? `: ${messageOf(metadata)}` : ""}`);
  },
  warn(code) {
    console.warn(`[auth] ${code}`);
  },
  debug() {},
};
