import type { Step } from "../../types";

const step: Step = {
  id: "08-app-router-page",
  title: "One App Router page with `auth()` in a server component",
  phase: "follow-up",
  write: [
    "app/layout.tsx",
    "app/server/page.tsx",
    "__tests__/server/app-router-page.test.ts",
    "__tests__/server/seed-patterns.test.ts",
  ],
};

export default step;
