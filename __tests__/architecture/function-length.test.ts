/**
 * The length of every function in the proof's and the upgrade's tooling, as tsc parses it. A
 * function over the limit does several things in a row; split it along its phases, and make a
 * list of near-identical calls a table.
 * The files are tsconfig.json's (which leaves out the files a migration step writes), not git's:
 * the matrix runs these tests in a copy of the app that is no git repository.
 */
import path from "node:path";
import ts from "typescript";

const ROOT = path.resolve(__dirname, "../..");
const MAX_LINES = 120;
const TOOLING_FOLDERS = ["tooling", "scripts", "security", "e2e", "bench", "matrix", "migration", "codemod"];

/** The tooling's modules: not their tests, nor the files and fragments a migration step writes. */
function toolingModules(): string[] {
  const configFile = ts.readConfigFile(path.join(ROOT, "tsconfig.json"), ts.sys.readFile);
  const { fileNames } = ts.parseJsonConfigFileContent(configFile.config, ts.sys, ROOT);
  return fileNames
    .map((file) => path.relative(ROOT, file).split(path.sep).join("/"))
    .filter((file) => TOOLING_FOLDERS.includes(file.split("/")[0]))
    .filter((file) => !/\.test\.tsx?$/.test(file) && !file.split("/").includes("__tests__"))
    .filter((file) => !/^migration\/steps\/[^/]+\/(files|fragments)\//.test(file))
    .sort();
}

type FunctionNode =
  | ts.FunctionDeclaration
  | ts.FunctionExpression
  | ts.ArrowFunction
  | ts.MethodDeclaration
  | ts.ConstructorDeclaration
  | ts.AccessorDeclaration;

const isFunction = (node: ts.Node): node is FunctionNode =>
  ts.isFunctionDeclaration(node) ||
  ts.isFunctionExpression(node) ||
  ts.isArrowFunction(node) ||
  ts.isMethodDeclaration(node) ||
  ts.isConstructorDeclaration(node) ||
  ts.isAccessor(node);

/** The function's own name, or the name it is given (a variable, a property), or "(anonymous)". */
function nameOf(node: FunctionNode): string {
  if (ts.isConstructorDeclaration(node)) return "constructor";
  if (node.name) return node.name.getText();
  const { parent } = node;
  if ((ts.isVariableDeclaration(parent) || ts.isPropertyAssignment(parent)) && parent.name)
    return parent.name.getText();
  return "(anonymous)";
}

/** `file:line name (N lines)` for each function of `file` longer than `maxLines`, nested ones included. */
function longFunctions(file: string, maxLines: number): string[] {
  const source = ts.createSourceFile(file, ts.sys.readFile(path.join(ROOT, file)) ?? "", ts.ScriptTarget.Latest, true);
  const lineOf = (position: number) => source.getLineAndCharacterOfPosition(position).line + 1;
  const found: string[] = [];
  const visit = (node: ts.Node) => {
    if (isFunction(node)) {
      const first = lineOf(node.getStart(source));
      const lines = lineOf(node.getEnd()) - first + 1;
      if (lines > maxLines) found.push(`${file}:${first} ${nameOf(node)} (${lines} lines)`);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

const modules = toolingModules();

describe("the tooling's functions", () => {
  it("are read from every tooling folder's modules, and from none of their tests", () => {
    expect(modules).toEqual(
      expect.arrayContaining(["scripts/test-upgrade.ts", "tooling/cli.ts", "migration/engine.ts"]),
    );
    for (const folder of TOOLING_FOLDERS) expect(modules.some((file) => file.startsWith(`${folder}/`))).toBe(true);
    expect(modules.filter((file) => file.includes("__tests__") || file.endsWith(".test.ts"))).toEqual([]);
  });

  it(`are none over ${MAX_LINES} lines`, () => {
    expect(modules.flatMap((file) => longFunctions(file, MAX_LINES))).toEqual([]);
  });
});
