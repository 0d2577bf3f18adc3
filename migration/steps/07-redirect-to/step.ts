import { edit } from "../../edit";
import type { Step } from "../../types";

const step: Step = {
  id: "07-redirect-to",
  title: "`callbackUrl` → `redirectTo` in the client",
  phase: "follow-up",
  // The codemod rewrites every signIn/signOut call; by hand: the comment that explains it.
  codemod: 7,
  transforms: [
    edit("components/AuthButtons.tsx", "the comment names redirectTo", [
      [
        "v4 calls the destination `callbackUrl` (v5: `redirectTo`)",
        "v5 calls the destination `redirectTo` (v4: `callbackUrl`)",
      ],
    ]),
  ],
};

export default step;
