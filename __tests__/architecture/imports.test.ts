/**
 * The import graph of the repository's TypeScript, as tsconfig.json includes it and as tsc resolves
 * it (paths, `@/`). ARCHITECTURE.md's layers point one way; these tests keep any two places from
 * leaning on each other, which the ESLint layer rules alone do not see.
 */
import path from "node:path";
import ts from "typescript";

const ROOT = path.resolve(__dirname, "../..");

type Graph = Map<string, Set<string>>;

function importGraph(): Graph {
  const configFile = ts.readConfigFile(path.join(ROOT, "tsconfig.json"), ts.sys.readFile);
  const { fileNames, options } = ts.parseJsonConfigFileContent(configFile.config, ts.sys, ROOT);
  const host = ts.createCompilerHost(options);
  const relative = (file: string) => path.relative(ROOT, file).split(path.sep).join("/");
  const known = new Set(fileNames.map(relative));
  const graph: Graph = new Map();
  for (const file of fileNames) {
    const targets = new Set<string>();
    for (const { fileName } of ts.preProcessFile(ts.sys.readFile(file) ?? "", true, true).importedFiles) {
      const resolved = ts.resolveModuleName(fileName, file, options, host).resolvedModule;
      if (resolved && known.has(relative(resolved.resolvedFileName))) targets.add(relative(resolved.resolvedFileName));
    }
    graph.set(relative(file), targets);
  }
  return graph;
}

/** Each group of modules that import one another round a cycle (Tarjan's strongly connected components). */
function cycles(graph: Graph): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const found: string[][] = [];
  const visit = (file: string) => {
    index.set(file, index.size);
    low.set(file, index.get(file)!);
    stack.push(file);
    for (const target of graph.get(file)!) {
      if (!index.has(target)) visit(target);
      if (stack.includes(target)) low.set(file, Math.min(low.get(file)!, low.get(target)!));
    }
    if (low.get(file) === index.get(file)) {
      const group = stack.splice(stack.indexOf(file));
      if (group.length > 1) found.push(group.sort());
    }
  };
  for (const file of graph.keys()) if (!index.has(file)) visit(file);
  return found;
}

/**
 * Pairs of folders directly inside `folder` ("" for the root) that import each other, each with one
 * import per way. Two files that import each other are a cycle, which the cycle test reports.
 */
function mutualSiblings(graph: Graph, folder: string): string[] {
  const prefix = folder ? `${folder}/` : "";
  const entryOf = (file: string) => {
    const rest = file.startsWith(prefix) ? file.slice(prefix.length).split("/") : [];
    return rest.length > 1 ? rest[0] : undefined;
  };
  const example = new Map<string, string>();
  for (const [file, targets] of graph)
    for (const target of targets) {
      const [from, to] = [entryOf(file), entryOf(target)];
      if (from && to && from !== to) example.set(`${from} → ${to}`, `${file} → ${target}`);
    }
  return [...example.keys()]
    .filter((way) => {
      const [from, to] = way.split(" → ");
      return from < to && example.has(`${to} → ${from}`);
    })
    .map((way) => {
      const [from, to] = way.split(" → ");
      return `${from} ↔ ${to}: ${example.get(way)}, ${example.get(`${to} → ${from}`)}`;
    });
}

const graph = importGraph();
const folders = [
  ...new Set(
    [...graph.keys()].flatMap((file) =>
      file
        .split("/")
        .slice(0, -1)
        .map((_, i, parts) => parts.slice(0, i + 1).join("/")),
    ),
  ),
];

describe("the import graph", () => {
  it("is read through tsconfig's paths (pages/ reaches lib/auth/ by @/)", () => {
    expect(graph.get("pages/dashboard.tsx")).toContain("lib/auth/guards.ts");
  });

  it("has no module that imports itself back through a cycle", () => {
    expect(cycles(graph)).toEqual([]);
  });

  it("has no two top-level folders that import each other", () => {
    expect(mutualSiblings(graph, "")).toEqual([]);
  });

  it.each(["codemod", "lib"])("has no two folders inside %s/ that import each other", (folder) => {
    expect(mutualSiblings(graph, folder)).toEqual([]);
  });

  it("has no two sibling folders that import each other anywhere else", () => {
    const elsewhere = folders.filter((folder) => folder !== "codemod" && folder !== "lib");
    expect(elsewhere.flatMap((folder) => mutualSiblings(graph, folder).map((pair) => `${folder}/: ${pair}`))).toEqual(
      [],
    );
  });
});
