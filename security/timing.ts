/**
 * No user enumeration: an unknown email and a wrong password must get the same answer, in about
 * the same time. Attempts are interleaved and use a different email each time, so neither the
 * per-account limit nor a warm cache favours one side. Timed, so it lives here and not in Jest.
 */
import { randomBytes } from "node:crypto";
import { LOAD_USERS } from "./support/accounts";
import type { RunningApp } from "../tooling/app-server";
import { postCredentials } from "../tooling/raw-http-auth";
import type { Reply } from "../tooling/raw-http";
import type { CheckResult } from "./support/results";

const TIMING_ATTEMPTS = 15;
export const TIMING_TOLERANCE = { min: 0.8, max: 1.25 };

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

/** What a visitor can see of a failed sign-in: status, where it goes, the body. */
const visible = (reply: Reply) => JSON.stringify({ status: reply.status, location: reply.location, body: reply.body });

export interface TimingOutcome {
  result: CheckResult;
  unknownMs: number;
  wrongPasswordMs: number;
  ratio: number;
}

export async function runTiming(app: RunningApp): Promise<TimingOutcome> {
  const run = randomBytes(3).toString("hex");
  const unknown = (i: number) =>
    postCredentials(app, `ghost-${run}-${i}@security.test`, "a-wrong-password", { callbackUrl: "/dashboard" });
  const wrong = (i: number) =>
    postCredentials(app, LOAD_USERS[i % LOAD_USERS.length].email, "a-wrong-password", { callbackUrl: "/dashboard" });

  // Warm-up, not measured: the first unknown email also creates the dummy hash.
  await unknown(-1);
  await wrong(LOAD_USERS.length - 1);

  const unknownReplies: Reply[] = [];
  const wrongReplies: Reply[] = [];
  for (let i = 0; i < TIMING_ATTEMPTS; i += 1) {
    // Alternate which side goes first, so a drift in machine load hits both alike.
    if (i % 2 === 0) {
      unknownReplies.push(await unknown(i));
      wrongReplies.push(await wrong(i));
    } else {
      wrongReplies.push(await wrong(i));
      unknownReplies.push(await unknown(i));
    }
  }

  const problems: string[] = [];
  const shapes = new Set([...unknownReplies, ...wrongReplies].map(visible));
  if (shapes.size !== 1) {
    problems.push(
      `wrong decision: unknown-user and wrong-password answers differ: ${[...shapes].slice(0, 3).join(" | ").slice(0, 400)}`,
    );
  }
  for (const reply of [...unknownReplies, ...wrongReplies]) {
    if (reply.status >= 500) problems.push(`status ${reply.status}`);
  }
  const unknownMs = median(unknownReplies.map((reply) => reply.ms));
  const wrongPasswordMs = median(wrongReplies.map((reply) => reply.ms));
  const ratio = unknownMs / wrongPasswordMs;
  if (ratio < TIMING_TOLERANCE.min || ratio > TIMING_TOLERANCE.max) {
    problems.push(
      `timing: median unknown-user ${unknownMs.toFixed(0)} ms vs wrong-password ${wrongPasswordMs.toFixed(0)} ms (ratio ${ratio.toFixed(2)}, allowed ${TIMING_TOLERANCE.min}–${TIMING_TOLERANCE.max})`,
    );
  }
  return {
    unknownMs,
    wrongPasswordMs,
    ratio,
    result: {
      section: "timing",
      name: `unknown user vs wrong password, ${TIMING_ATTEMPTS} interleaved attempts each`,
      detail: `medians ${unknownMs.toFixed(0)} / ${wrongPasswordMs.toFixed(0)} ms, ratio ${ratio.toFixed(2)}`,
      problems,
    },
  };
}
