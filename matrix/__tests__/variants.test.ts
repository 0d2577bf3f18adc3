import { readFileSync } from "node:fs";
import path from "node:path";
import { NODE_RUNTIME } from "@/matrix/variants";

describe("the matrix's middleware variants", () => {
  // The matrix removes this exact text for Next 13.5 and 14.2 (Edge only). The app's own
  // middleware.ts is not read here: in a matrix copy it is already that variant.
  it("find the Node.js runtime setting they remove in the v5 middleware that step 6 writes", () => {
    const stepMiddleware = path.join(process.cwd(), "migration/steps/06-switch/files/middleware.ts");
    expect(readFileSync(stepMiddleware, "utf8")).toContain(`export const config = {\n${NODE_RUNTIME}`);
  });
});
