import { readFileSync } from "node:fs";
import path from "node:path";
import type { Transform } from "./types";

/**
 * One exact text and what replaces it. It must occur exactly once in the file, or, with "all", at
 * least once (every occurrence is replaced).
 */
export type Replacement = readonly [from: string, to: string, occurrences?: "all"];

/** How often `text` occurs in `source` (without overlaps). */
function occurrences(source: string, text: string): number {
  return source.split(text).length - 1;
}

/**
 * A transform that makes `replacements` in `file`, in order. A text that is missing, or found more
 * than once, throws an error naming the file and the text, so a drifted app is noticed.
 */
export function edit(file: string, description: string, replacements: readonly Replacement[]): Transform {
  return {
    file,
    description,
    apply(source, edited) {
      let result = source;
      for (const [from, to, all] of replacements) {
        const found = occurrences(result, from);
        if (found === 0)
          throw new Error(`${edited}: expected to find ${JSON.stringify(from)} (has the app changed? update the step)`);
        if (found > 1 && all !== "all")
          throw new Error(
            `${edited}: expected to find ${JSON.stringify(from)} once, found it ${found} times (make the text longer)`,
          );
        result = result.split(from).join(to);
      }
      return result;
    },
  };
}

/** Removes whole lines: `text` and the newline after it. */
export const removeLines = (text: string): Replacement => [`${text}\n`, ""];

/**
 * A step's multi-line texts, one file each: `fragment(name)` reads `<stepDir>/fragments/<name>.txt`
 * as the file holds it, less its final newline (whole lines, as an editor saves them). Used as the
 * `from` or the `to` of a replacement.
 */
export function fragmentsOf(stepDir: string): (name: string) => string {
  return (name) => readFileSync(path.join(stepDir, "fragments", `${name}.txt`), "utf8").replace(/\n$/, "");
}
