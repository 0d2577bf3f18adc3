import { edit, fragmentsOf, removeLines } from "../../edit";
import type { Step } from "../../types";

const fragment = fragmentsOf(__dirname);

const step: Step = {
  id: "09-next16-proxy",
  title: "Optional, on Next 16: `middleware.ts` → `proxy.ts`",
  phase: "follow-up",
  optional: true,
  // Before or after step 10 alike: the file moves as it is (what
  // `npx @next/codemod@latest middleware-to-proxy .` does), bridge or no bridge.
  rename: { "middleware.ts": "proxy.ts" },
  transforms: [
    edit("proxy.ts", "the export is named proxy", [
      [
        "export default function middleware(request: NextRequest, event: NextFetchEvent): Promise<Response> {",
        fragment("proxy-export"),
      ],
    ]),
    // Next 16 refuses a runtime setting in proxy.ts: it always runs on Node.js.
    edit("proxy.ts", "no runtime setting: a proxy runs on Node.js", [
      removeLines("  // Faster than the Edge sandbox under next start (README: Performance); Next ≥ 15.5 only."),
      removeLines('  runtime: "nodejs",'),
    ]),
    edit("__tests__/server/middleware.test.ts", "the tests import the proxy", [
      ['import middleware, { config } from "@/middleware";', 'import { proxy as middleware, config } from "@/proxy";'],
    ]),
    edit("__tests__/server/session-read.test.ts", "the tests import the proxy", [
      ['import middleware from "@/middleware";', 'import { proxy as middleware } from "@/proxy";'],
    ]),
  ],
};

export default step;
