import { decideInsert } from "../../src/taskpane/model/narrative-insert";

describe("inserting the narrative into 报告综述 never overwrites the officer's text without asking", () => {
  const next = ["（一）人员情况", "我局部门年初预算中……"];

  it("writes into an empty area (blank cells and spaces count as empty)", () => {
    expect(decideInsert([], next)).toBe("write");
    expect(decideInsert(["", "  ", ""], next)).toBe("write");
  });

  it("does nothing when the area already holds exactly this text (trailing blank rows aside)", () => {
    expect(decideInsert([...next, "", ""], next)).toBe("same");
  });

  it("asks when the area holds other text, even if it differs by one character", () => {
    expect(decideInsert(["我局部门年初预算中……（已改）"], next)).toBe("ask");
    expect(decideInsert([next[0], next[1] + "。"], next)).toBe("ask");
  });

  it("replaces its own earlier text silently, but asks once the officer has edited it", () => {
    const earlier = ["旧的生成内容"];
    expect(decideInsert(earlier, next, earlier)).toBe("write");
    expect(decideInsert(["旧的生成内容，加了一句"], next, earlier)).toBe("ask");
  });
});
