import { STEPS } from "@/codemod/lib/steps";
import { steps } from "@/migration/steps";

describe("step titles", () => {
  it("the codemod names each step by its step.ts title, without backticks", () => {
    expect(STEPS.map(({ step, title }) => [step, title])).toEqual(
      steps.map((step, index) => [index + 1, step.title.replaceAll("`", "")]),
    );
  });
});
