import type { Trees } from "./ast";
import type { Project } from "./project";

/** One v4 usage: either rewritten by a transform, or left for a person with the reason why. */
export interface Finding {
  /** The MIGRATION.md step this usage belongs to (see lib/steps.ts). */
  step: number;
  /** Project-relative, POSIX separators. */
  file: string;
  line: number;
  /** A stable name for the pattern, e.g. "getServerSession-call"; tests and the corpus count by it. */
  kind: string;
  message: string;
  /** "rewrite": apply changes it. "todo": apply leaves it, and `message` says why. "ok": already v5-ready. */
  action: "rewrite" | "todo" | "ok";
}

export interface FileChange {
  /** Project-relative path of a file to create or replace. */
  path: string;
  source: string;
}

export interface TransformResult {
  /** The new text, or undefined when the transform changed nothing. */
  source?: string;
  findings: Finding[];
  /** Files this one produces elsewhere (root auth.ts, the App Router route). */
  create?: FileChange[];
  /** Delete this file (the Pages API route once its App Router replacement exists). */
  remove?: boolean;
}

/** Where a getServerSession call's options come from: the step-2 v4 helper imports them. */
export interface OptionsOrigin {
  /** The options expression as written, e.g. "authOptions" or "getAuthOptions()". */
  code: string;
  /** Its import: name and project-relative module, when it is imported. */
  imported?: { name: string; module: string };
}

/**
 * What the transforms learn across the files of one package in one pass, and what the runner
 * reads after them. The runner makes a new one per package and pass, so no two share it.
 */
export interface TransformContext {
  /** The options of the getServerSession calls rewritten so far (server-session). */
  sessionOptions: OptionsOrigin[];
  /** Whether env-code has said once, for this package, that reads of NEXTAUTH_URL stay the app's own. */
  appUrlNoted: boolean;
}

export function newTransformContext(): TransformContext {
  return { sessionOptions: [], appUrlNoted: false };
}

export interface TransformInput {
  /** Project-relative path. */
  file: string;
  source: string;
  project: Project;
  /** The steps this run applies; a transform may decide differently when a later step also runs. */
  steps: ReadonlySet<number>;
  context: TransformContext;
  /** The file's parsed trees, shared with the other transforms (`parseInput`; read-only). */
  trees?: Trees;
}

export interface Transform {
  name: string;
  step: number;
  /** Which files it reads: source files, package.json or .env files. */
  kind: "source" | "package-json" | "env" | "config";
  run(input: TransformInput): TransformResult;
}
