import { edit, type Replacement } from "../../edit";
import type { Step } from "../../types";

const importAuth: Replacement = [
  'import { getServerAuthSession } from "@/lib/auth/session";',
  'import { auth } from "@/lib/auth/session";',
];

const step: Step = {
  id: "02-auth-helper",
  title: "An `auth()` helper with v5's signatures, on v4",
  phase: "prepare",
  write: ["lib/auth/session.ts"],
  transforms: [
    edit("lib/auth/guards.ts", "getServerAuthSession → auth", [
      importAuth,
      ["getServerAuthSession(ctx)", "auth(ctx)", "all"],
    ]),
    edit("lib/api/route.ts", "getServerAuthSession → auth", [
      importAuth,
      ["getServerAuthSession({ req, res })", "auth(req, res)"],
    ]),
    edit("pages/login.tsx", "getServerAuthSession → auth", [importAuth, ["getServerAuthSession(ctx)", "auth(ctx)"]]),
    edit("lib/auth/options.ts", "doc comment names auth()", [
      ["getServerAuthSession() or the guards", "auth() or the guards"],
    ]),
  ],
};

export default step;
