import { conform, countStyle, styleFrom } from "../lib/style";

const noSemicolonsSingleFourSpaces = { semicolons: false, quote: "'", indent: "    " } as const;

describe("the style of code the codemod writes", () => {
  it("reads a semicolon-free file as semicolon-free although one statement ends with one", () => {
    const source = "import a from 'a'\nconst b = a()\nfoo(\n  b,\n);\nexport default b\n";
    expect(styleFrom(countStyle("x.ts", source))).toEqual({ semicolons: false, quote: "'", indent: "  " });
  });

  it("reads four-space and tab indentation", () => {
    expect(styleFrom(countStyle("x.ts", "function f() {\n    if (a) {\n        b()\n    }\n}\n")).indent).toBe("    ");
    expect(styleFrom(countStyle("x.ts", "function f() {\n\tif (a) {\n\t\tb()\n\t}\n}\n")).indent).toBe("\t");
  });

  it("rewrites only the lines it added: quotes, semicolons and indentation", () => {
    const before = 'const user = "kept";\n';
    const after = 'import { auth } from "@/auth";\nconst user = "kept";\nfunction f() {\n  return auth();\n}\n';
    expect(conform("x.ts", before, after, noSemicolonsSingleFourSpaces)).toBe(
      "import { auth } from '@/auth'\nconst user = \"kept\";\nfunction f() {\n    return auth()\n}\n",
    );
  });

  it("keeps a semicolon where the next line would otherwise continue the statement", () => {
    const after = "const a = b;\n(async () => {})()\nconst c = [1];\n[2].forEach(f)\n";
    expect(conform("x.ts", "", after, noSemicolonsSingleFourSpaces)).toBe(after);
  });

  it("leaves the inside of template literals, for headers, JSX attributes and strings holding the other quote alone", () => {
    const after = 'const t = `a;\n  "b"`;\nfor (let i = 0; i < 2; i++) f(i);\nconst el = <a href="/x">{"it\'s"}</a>;\n';
    expect(conform("x.tsx", "", after, noSemicolonsSingleFourSpaces)).toBe(
      'const t = `a;\n  "b"`\nfor (let i = 0; i < 2; i++) f(i)\nconst el = <a href="/x">{"it\'s"}</a>\n',
    );
  });

  it("removes the blank line a removed import leaves behind, unless the file had such runs already", () => {
    const after = "import a from 'a'\n\n\nexport default a\n";
    expect(
      conform(
        "x.ts",
        "import a from 'a'\n\nimport b from 'b'\n\nexport default a\n",
        after,
        noSemicolonsSingleFourSpaces,
      ),
    ).toBe("import a from 'a'\n\nexport default a\n");
    expect(conform("x.ts", "import a from 'a'\n\n\nexport default a\n", after, noSemicolonsSingleFourSpaces)).toBe(
      after,
    );
  });
});
