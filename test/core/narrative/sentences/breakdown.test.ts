import { buildBreakdown } from "../legacy/sentences/breakdown";
import type { MaybeBuilt } from "../../../../src/core/narrative";
import { context } from "../synthetic";

const textOf = (b: MaybeBuilt): string => {
  if (!b) throw new Error("null");
  if (!b.ok) throw new Error(`missing ${JSON.stringify(b.missing)}`);
  return b.sentence.text;
};

describe("listing over an open list", () => {
  const spec = {
    listId: "funcBasic",
    listLabel: "基本支出功能科目",
    amountField: (n: number) => `funcBasic.item[${n}].amount`,
    totalField: "funcBasic.total.amount",
    lead: "我单位基本支出",
    separator: "；",
  };
  const lists = { funcBasic: [{ name: "甲" }, { name: "乙" }] };

  it("a total cell that disagrees with its lines: the sentence uses the sum and notes the cell", () => {
    const ctx = context({ "funcBasic.item[1].amount": "1.10", "funcBasic.item[2].amount": "2.20", "funcBasic.total.amount": "3.31" }, {}, lists);
    const b = buildBreakdown(ctx, "t", spec);
    expect(textOf(b)).toBe("我单位基本支出3.30万元，其中：甲1.10万元；乙2.20万元");
    if (b && b.ok) expect(b.sentence.notes?.[0]).toContain("3.31万元");
  });

  it("a line without its amount is missing, not skipped", () => {
    const b = buildBreakdown(context({ "funcBasic.item[1].amount": "1.10" }, {}, lists), "t", spec);
    expect(b).toMatchObject({ ok: false, missing: [{ field: "funcBasic.item[2].amount" }] });
  });

  it("an empty list is missing, named by what it lists", () => {
    const b = buildBreakdown(context({}), "t", spec);
    expect(b).toMatchObject({ ok: false, missing: [{ label: "基本支出功能科目", reason: "empty" }] });
  });
});

describe("what a sentence may never contain", () => {
  it("a formatting artefact throws instead of reaching a report; a list name with a dash does not", async () => {
    const { assertClean } = await import("../../../../src/core/narrative/sentence");
    for (const bad of ["增长NaN%", "Infinity万元", "undefined", "-0.00万元", "降低-0%", "0.30000000000000004万元", "1e-7"]) expect(() => assertClean(bad), bad).toThrow();
    expect(() => assertClean("A-0类项目3.00万元；增长0.05%；-0.05万元")).not.toThrow();
  });
});
