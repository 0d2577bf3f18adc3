import { edit, fragmentsOf } from "../../edit";
import type { Step } from "../../types";

const fragment = fragmentsOf(__dirname);

const step: Step = {
  id: "03-env-names",
  title: "v5's environment variable names",
  phase: "prepare",
  transforms: [
    edit("lib/env.ts", "AUTH_SECRET and AUTH_URL win, as in v5", [
      ["    NEXTAUTH_URL: optionalUrl,", fragment("env-auth-url")],
      ["    const secret = raw.NEXTAUTH_SECRET ?? raw.AUTH_SECRET;", fragment("env-secret-precedence")],
      [
        'new URL(raw.NEXTAUTH_URL ?? "http://localhost:3000")',
        'new URL(raw.AUTH_URL ?? raw.NEXTAUTH_URL ?? "http://localhost:3000")',
      ],
    ]),
    edit(".env.example", "document AUTH_URL and the v5 precedence", [
      ["# AUTH_SECRET is accepted too (the v5 name).", fragment("env-example-precedence")],
    ]),
  ],
};

export default step;
