import { fixtureCases, readOutput, runFixture } from "./support/fixtures";
import { repoCases } from "./support/repo-fixtures";
import { run } from "../runner/run";

/**
 * Each fixture case is a run of its own: what it gives may not depend on the cases that ran before
 * it in the same process. The cases (each input, and each output run again) go in a seeded
 * shuffle; a failing order comes back with `npx jest codemod/__tests__/fixture-order.test.ts -t "seed <n>"`.
 */
const SEEDS = [1, 2, 3, 4, 5];

describe("fixture cases run in a shuffled order", () => {
  it.each(SEEDS)("each gives exactly its .output file (seed %i)", (seed) => {
    // The route transform's output is other files (auth.ts, route.ts): not an input of its own.
    const runs = fixtureCases().flatMap((c) => [
      { c, again: false },
      ...(c.dir === "nextauth-route" ? [] : [{ c, again: true }]),
    ]);
    const wrong = shuffled(runs, seed)
      .filter(({ c, again }) => {
        const expected = readOutput(c);
        return runFixture(c, again ? expected : c.input).text !== expected;
      })
      .map(({ c, again }) => `${c.dir}/${c.name}${c.ext}${again ? " (its output run again)" : ""}`);
    expect({ seed, wrong }).toEqual({ seed, wrong: [] });
  });
});

describe("runs in one process", () => {
  // Step 2 alone writes the v4 auth() helper from the options its call sites pass: what a run learns.
  it("give each repository fixture (step 2 applied) what a run with freshly loaded modules gives, in a shuffled order (seed 1)", () => {
    const outcome = (runner: typeof run, dir: string) => {
      const { changes, findings, units } = runner(dir, "apply", new Set([2]));
      return { dir, changes, findings, units };
    };
    const inputs = repoCases().map((c) => c.input);
    // A fresh copy of the codemod's modules for each: whatever they might keep between runs starts empty.
    const alone = new Map<string, ReturnType<typeof outcome>>();
    for (const dir of inputs) {
      jest.isolateModules(() => {
        // eslint-disable-next-line @typescript-eslint/no-require-imports
        const fresh: typeof import("../runner/run") = require("../runner/run");
        alone.set(dir, outcome(fresh.run, dir));
      });
    }
    for (const dir of shuffled(inputs, 1)) expect(outcome(run, dir)).toEqual(alone.get(dir));
  });
});

/** Fisher–Yates driven by mulberry32: a seed gives the same order on every machine. */
function shuffled<T>(items: readonly T[], seed: number): T[] {
  let state = seed >>> 0;
  const random = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = Math.imul(state ^ (state >>> 15), state | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const k = Math.floor(random() * (i + 1));
    [out[i], out[k]] = [out[k], out[i]];
  }
  return out;
}
