import { insertImport, lineOf, parse, print } from "../lib/ast";
import type { Finding, Transform, TransformResult } from "../lib/types";

/**
 * Step 4. `declare module "next-auth/jwt" { … }` merges in v5 only when the same file imports
 * "next-auth/jwt" (TS2664 "Invalid module name in augmentation" otherwise). Add the import.
 */
export const jwtAugmentation: Transform = {
  name: "jwt-augmentation",
  step: 4,
  kind: "source",
  run(input): TransformResult {
    const { file, source } = input;
    if (!source.includes("next-auth/jwt") || !/declare\s+module/.test(source)) return { findings: [] };
    // Its own tree: it edits and reprints it.
    const parsed = parse(file, source);
    const { j, root } = parsed;
    const augmentations = root.find(j.TSModuleDeclaration).filter((p) => {
      const id = p.node.id;
      return id.type === "StringLiteral" && id.value === "next-auth/jwt";
    });
    if (augmentations.size() === 0) return { findings: [] };
    const line = lineOf(augmentations.get().node, source);
    const imported =
      root.find(j.ImportDeclaration, { source: { value: "next-auth/jwt" } }).size() > 0 ||
      root
        .find(j.ExportNamedDeclaration)
        .filter((p) => p.node.source?.value === "next-auth/jwt")
        .size() > 0 ||
      root.find(j.ExportAllDeclaration, { source: { value: "next-auth/jwt" } }).size() > 0;
    if (imported)
      return {
        findings: [
          {
            step: 4,
            file,
            line,
            kind: "jwt-augmentation",
            action: "ok",
            message: 'declare module "next-auth/jwt" already imports the module: ready for v5',
          },
        ],
      };

    const decl = j.importDeclaration([], j.stringLiteral("next-auth/jwt"));
    (decl as { comments?: unknown[] }).comments = [
      j.commentLine(
        ' v5 merges the "next-auth/jwt" augmentation only when the module is imported (TS2664).',
        true,
        false,
      ),
    ];
    insertImport(parsed, decl);
    const findings: Finding[] = [
      {
        step: 4,
        file,
        line,
        kind: "jwt-augmentation",
        action: "rewrite",
        message: 'declare module "next-auth/jwt": added import "next-auth/jwt"',
      },
    ];
    return { source: print(parsed), findings };
  },
};
