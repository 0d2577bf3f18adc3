import type { Step } from "../../types";

const step: Step = {
  id: "05-continuity-test",
  title: "Pin the session contract: a v4 cookie is a session",
  phase: "prepare",
  // The first is self-contained (copy it into your app); the second covers this app's pages and middleware.
  write: ["__tests__/server/session-continuity.test.ts", "__tests__/server/session-continuity-reference-app.test.ts"],
};

export default step;
