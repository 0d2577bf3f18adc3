import { fixtureCases, readOutput, runFixture } from "../lib/fixtures";

/**
 * Each fixture case is a run of its own: what it gives may not depend on the cases that ran before
 * it in the same process. The cases (each input, and each output run again) go in a seeded
 * shuffle; a failing order comes back with `npx jest codemod/__tests__/fixture-order.test.ts -t "seed <n>"`.
 */
const SEEDS = [1, 2, 3, 4, 5];

describe("fixture cases run in a shuffled order", () => {
  it.each(SEEDS)("each gives exactly its .output file (seed %i)", (seed) => {
    // The route transform's output is other files (auth.ts, route.ts): not an input of its own.
    const runs = fixtureCases().flatMap((c) => [{ c, again: false }, ...(c.dir === "nextauth-route" ? [] : [{ c, again: true }])]);
    const wrong = shuffled(runs, seed)
      .filter(({ c, again }) => {
        const expected = readOutput(c);
        return runFixture(c, again ? expected : c.input).text !== expected;
      })
      .map(({ c, again }) => `${c.dir}/${c.name}${c.ext}${again ? " (its output run again)" : ""}`);
    expect({ seed, wrong }).toEqual({ seed, wrong: [] });
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
