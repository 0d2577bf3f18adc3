import { commandLine, markdownTable } from "../cli";

describe("the scripts' command line", () => {
  const cli = commandLine([
    "target",
    "--rounds",
    "6",
    "--only=corpus,faults",
    "--env",
    "A=1",
    "--env",
    "B=x=y",
    "--skip-browser",
    "twin",
  ]);

  it("reads `--name value` and `--name=value` alike, and repeated options in order", () => {
    expect(cli.option("--rounds")).toBe("6");
    expect(cli.option("--only")).toBe("corpus,faults");
    expect(cli.options("--env")).toEqual(["A=1", "B=x=y"]);
    expect(cli.option("--paths")).toBeUndefined();
  });

  it("tells flags from positional arguments", () => {
    expect([cli.flag("--skip-browser"), cli.flag("--only"), cli.flag("--skip-npm-test")]).toEqual([true, true, false]);
    expect(commandLine(["a-dir", "--rounds", "2", "b-dir"]).positional()).toEqual(["a-dir", "b-dir"]);
  });
});

describe("the summary table", () => {
  it("pads every column to its widest cell when asked, so the table reads as plain text", () => {
    expect(
      markdownTable(
        ["step", "result"],
        [
          ["01-helper", "pass"],
          ["06", "FAIL"],
        ],
        { padded: true },
      ),
    ).toBe(
      ["| step      | result |", "|-----------|--------|", "| 01-helper | pass   |", "| 06        | FAIL   |"].join(
        "\n",
      ),
    );
  });

  it("writes plain markdown otherwise", () => {
    expect(markdownTable(["pair", "ratio"], [["/api/me", "0.98"]])).toBe(
      "| pair | ratio |\n|---|---|\n| /api/me | 0.98 |",
    );
  });
});
