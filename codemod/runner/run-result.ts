import type { Finding } from "../lib/types";

/** A change to one file, root-relative. */
export interface FileDiff {
  path: string;
  /** null: the file is new. */
  before: string | null;
  /** null: the file is deleted. */
  after: string | null;
}

/** What a scan or apply found and would change; nothing of it is written yet. */
export interface RunResult {
  root: string;
  files: number;
  findings: Finding[];
  parseErrors: { file: string; reason: string }[];
  changes: FileDiff[];
  elapsedMs: number;
  units: UnitReport[];
  /** Every package's folder, and whether this run covered it (`--app` leaves some out). */
  packages: { dir: string; inRun: boolean }[];
}

/** What happened to one app (or a package no app uses). */
export interface UnitReport {
  dir: string;
  app: boolean;
  /** migrated: its changes are in `changes`; refused: nothing written, `reason` says why; unchanged: nothing to do. */
  status: "migrated" | "refused" | "unchanged";
  reason?: string;
  /** The MIGRATION.md step a refusal is about. */
  step?: number;
}

/** One unit's pass: what it found, could not parse, and would change. */
export interface UnitResult {
  findings: Finding[];
  parseErrors: RunResult["parseErrors"];
  changes: FileDiff[];
}
