import type { Step } from "../../types";

const step: Step = {
  id: "01-one-auth-module",
  title: "One auth module",
  phase: "prepare",
  // Already true in this app (lib/auth/*): the verification runs the inventory and the checks.
};

export default step;
