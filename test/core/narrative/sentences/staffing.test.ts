import { buildAuthorized, buildStaffGap } from "../legacy/sentences/staffing";
import type { MaybeBuilt } from "../../../../src/core/narrative";
import { context } from "../synthetic";

const textOf = (b: MaybeBuilt): string => {
  if (!b) throw new Error("null");
  if (!b.ok) throw new Error(`missing ${JSON.stringify(b.missing)}`);
  return b.sentence.text;
};

describe("staffing", () => {
  it("over the 编制: 多", () => {
    expect(textOf(buildStaffGap(context({ "staff.authorized": "10", "staff.inService": "12" }), "t"))).toBe("实际人数比编制人数多2人");
  });

  it("at the 编制: 相同", () => {
    expect(textOf(buildStaffGap(context({ "staff.authorized": "10", "staff.inService": "10" }), "t"))).toBe("实际人数与编制人数相同");
  });

  it("a self-reference ending in 部门 is not doubled", () => {
    const ctx = context({ "staff.authorized": "10" }, { selfRef: "我部门" });
    expect(textOf(buildAuthorized(ctx, "t"))).toBe("我部门年初预算中，人员编制总计10人");
  });
});
