/**
 * The combinations `npm run test:matrix` proves, as data. Version *lines* only: the newest patch
 * of each line is looked up on the registry at run time (matrix/versions.ts), never one below the
 * CVE-2025-29927 fix.
 */

type AppState = "v4" | "v5";

export interface Combination {
  /** Folder name under the cache and key for `--only`. */
  id: string;
  app: AppState;
  /** npm version ranges: the newest patch matching each is installed. */
  next: string;
  react: string;
  /** Next 16: rename middleware.ts to proxy.ts exporting `proxy` (matrix/variants.ts). */
  proxy?: boolean;
  /** In the subset `.ci/run` runs (`--ci`). */
  ci?: boolean;
  /** What the row proves, shown in the table. */
  note: string;
  /**
   * Set when the combination cannot work: why, in a sentence for the table. It still runs; a
   * failure then reads "unsupported" (not counted as failed), a pass is reported as a pass.
   */
  unsupported?: string;
}

export const combinations: Combination[] = [
  {
    id: "v4-next13.5-react18",
    app: "v4",
    next: "13.5",
    react: "18",
    ci: true,
    note: "oldest line still patched for CVE-2025-29927",
  },
  { id: "v4-next14.2-react18", app: "v4", next: "14.2", react: "18", note: "" },
  { id: "v4-next15-react18", app: "v4", next: "15", react: "18", note: "" },
  { id: "v4-next15-react19", app: "v4", next: "15", react: "19", note: "the app as committed" },
  {
    id: "v4-next16-react19-middleware",
    app: "v4",
    next: "16",
    react: "19",
    note: "middleware.ts kept (deprecated name)",
  },
  {
    id: "v4-next16-react19-proxy",
    app: "v4",
    next: "16",
    react: "19",
    proxy: true,
    ci: true,
    note: "proxy.ts exporting `proxy`",
  },
  {
    id: "v5-next14.2-react18",
    app: "v5",
    next: "14.2",
    react: "18",
    ci: true,
    note: "v5 end state: migration steps 1–8 and 10",
  },
  { id: "v5-next15-react19", app: "v5", next: "15", react: "19", note: "v5 end state: migration steps 1–8 and 10" },
  {
    id: "v5-next16-react19-proxy",
    app: "v5",
    next: "16",
    react: "19",
    proxy: true,
    ci: true,
    note: "v5 end state, then middleware.ts renamed to proxy.ts (step 9's change)",
  },
];

/**
 * CVE-2025-29927 (middleware skipped with `x-middleware-subrequest`) is fixed in these patches.
 * Next 16 was never affected.
 */
export const NEXT_CVE_FLOOR: Record<number, string> = { 12: "12.3.5", 13: "13.5.9", 14: "14.2.25", 15: "15.2.3" };
