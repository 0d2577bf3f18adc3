import type { Step } from "../../types";

const step: Step = {
  id: "04-types",
  title: "Types ready for v5",
  phase: "prepare",
  // Already true here: types/next-auth.d.ts imports "next-auth/jwt" (v5 needs it, TS2664 otherwise)
  // and no auth code uses `any`. The verification runs the inventory and the checks.
};

export default step;
