import type { Step } from "../../types";

const step: Step = {
  id: "05-continuity-test",
  title: "Pin the session contract: a v4 cookie is a session",
  phase: "prepare",
  // The first two are self-contained (copy one into your app: Jest, or Node's own runner); the third
  // covers this app's pages and middleware.
  write: [
    "__tests__/server/session-continuity.test.ts",
    "__tests__/server/session-continuity.node-test.ts",
    "__tests__/server/session-continuity-reference-app.test.ts",
  ],
};

export default step;
