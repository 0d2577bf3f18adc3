import type { Step } from "../types";
import oneAuthModule from "./01-one-auth-module/step";
import authHelper from "./02-auth-helper/step";
import envNames from "./03-env-names/step";
import types from "./04-types/step";
import continuityTest from "./05-continuity-test/step";
import theSwitch from "./06-switch/step";
import redirectTo from "./07-redirect-to/step";
import appRouterPage from "./08-app-router-page/step";
import next16Proxy from "./09-next16-proxy/step";
import cleanUp from "./10-clean-up/step";

/**
 * The upgrade from next-auth 4.24.15 to Auth.js 5.0.0-beta.32, in order. Each prepare step ships
 * on v4 alone; the switch changes the package; the follow-ups land the v5 patterns. Each step is a
 * folder: `step.ts`, the files it writes (`files/`) and the multi-line texts it edits (`fragments/`).
 */
export const steps: Step[] = [
  oneAuthModule,
  authHelper,
  envNames,
  types,
  continuityTest,
  theSwitch,
  redirectTo,
  appRouterPage,
  next16Proxy,
  cleanUp,
];
