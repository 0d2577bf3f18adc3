import { createTwoFilesPatch } from "diff";
import { isEnvFile } from "../transforms/env-names";
import type { FileDiff } from "./run-result";

/** A unified diff; .env values are masked so that no secret reaches a terminal or a CI log. */
export function unifiedDiff(change: FileDiff): string {
  const mask = (text: string | null) =>
    text !== null && isEnvFile(change.path)
      ? text.replace(/^(\s*(?:export\s+)?[A-Za-z_][A-Za-z0-9_]*\s*=)(.+)$/gm, "$1***")
      : text;
  const before = mask(change.before);
  const after = mask(change.after);
  return createTwoFilesPatch(
    before === null ? "/dev/null" : `a/${change.path}`,
    after === null ? "/dev/null" : `b/${change.path}`,
    before ?? "",
    after ?? "",
    undefined,
    undefined,
    { context: 3 },
  ).replace(/^=+\n/m, "");
}
