import type { Finding } from "./types";

/** Reports one finding of a transform's file: "todo" unless `action` says otherwise. */
export type Note = (line: number, kind: string, message: string, action?: Finding["action"]) => void;

/** A Finding; most are left to a person, so `action` is "todo" unless given. */
export function finding(
  step: number,
  file: string,
  line: number,
  kind: string,
  message: string,
  action: Finding["action"] = "todo",
): Finding {
  return { step, file, line, kind, action, message };
}

/** The findings one transform reports on one file, all of one step, and `note` to add one. */
export function findingsOf(step: number, file: string): { findings: Finding[]; note: Note } {
  const findings: Finding[] = [];
  const note: Note = (line, kind, message, action) => {
    findings.push(finding(step, file, line, kind, message, action));
  };
  return { findings, note };
}
