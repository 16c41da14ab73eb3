import { buildSpecialUse } from "../legacy/sentences/special";
import type { MaybeBuilt } from "../../../../src/core/narrative";
import { context } from "../synthetic";

const textOf = (b: MaybeBuilt): string => {
  if (!b) throw new Error("null");
  if (!b.ok) throw new Error(`missing ${JSON.stringify(b.missing)}`);
  return b.sentence.text;
};

describe("专项资金", () => {
  it("结余 is computed from 实际投入 − 实际使用, not copied from the 结余 cell", () => {
    const ctx = context({ "special.added": "1", "special.actual": "10.5", "special.used": "4.25", "special.balance": "999" });
    expect(textOf(buildSpecialUse(ctx, "t"))).toBe("本年追加专项1.00万元，实际使用4.25万元，结余6.25万元");
  });
});
