/**
 * Moves only `Date` to `epochMs` (jose, next-auth and the app read the clock through it); timers,
 * microtasks and `performance` keep running, so real I/O in the test still completes.
 * Undo with `jest.useRealTimers()`.
 */
export function moveDateTo(epochMs: number): void {
  jest.useFakeTimers({
    now: epochMs,
    doNotFake: [
      "hrtime",
      "nextTick",
      "performance",
      "queueMicrotask",
      "requestAnimationFrame",
      "cancelAnimationFrame",
      "requestIdleCallback",
      "cancelIdleCallback",
      "setImmediate",
      "clearImmediate",
      "setInterval",
      "clearInterval",
      "setTimeout",
      "clearTimeout",
    ],
  });
}
