import { edit, fragmentsOf, removeLines, type Replacement } from "../../edit";
import type { Step } from "../../types";

const fragment = fragmentsOf(__dirname);

const unwrapLegacyV4: Replacement[] = [
  removeLines('import { withLegacyV4 } from "@/lib/auth/legacy-v4-session";'),
  ["withLegacyV4(NextAuth)", "NextAuth"],
];

const step: Step = {
  id: "10-clean-up",
  title: "Clean-up, once every v4 cookie has expired",
  phase: "follow-up",
  delete: [
    "lib/auth/legacy-v4-session.ts",
    "__tests__/server/legacy-v4-session.test.ts",
    "__tests__/server/session-continuity.test.ts",
    "__tests__/server/session-continuity.node-test.ts",
    "__tests__/server/session-continuity-reference-app.test.ts",
  ],
  transforms: [
    edit("auth.ts", "unwrap withLegacyV4", unwrapLegacyV4),
    { ...edit("middleware.ts", "unwrap withLegacyV4", unwrapLegacyV4), fallback: "proxy.ts" },
    edit("__tests__/server/app-router-page.test.ts", "drop the v4-cookie case", [
      removeLines(fragment("app-router-page-v4-cookie-case")),
      removeLines('import { mintV4SessionToken, v4CookieHeader } from "@/tooling/v4-session-cookie";'),
      [
        'import { sessionClaims, sessionCookie } from "../support/session";',
        'import { sessionCookie } from "../support/session";',
      ],
      removeLines('import { env } from "@/lib/env";'),
    ]),
  ],
};

export default step;
