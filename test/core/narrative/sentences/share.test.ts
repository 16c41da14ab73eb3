import { Dec } from "../../../../src/core/money";
import { buildShares } from "../legacy/sentences/share";
import type { Built } from "../../../../src/core/narrative";
import { percentOf } from "../../money/exact-oracle";
import { context } from "../synthetic";

const parts = [
  { name: "甲", field: "budget.basic" },
  { name: "乙", field: "budget.project" },
  { name: "丙", field: "budget.fiscal" },
];
const totalSpec = { field: "budget.expenseTotal", name: "总额", shortName: "总额" };
const build = (a: string, b: string, c: string, total: string, sharesTo100: boolean): Built =>
  buildShares(
    context({ "budget.basic": a, "budget.project": b, "budget.fiscal": c, "budget.expenseTotal": total }, { sharesTo100 }),
    "t",
    "",
    parts,
    totalSpec,
  );
const sharesIn = (b: Built): string[] => {
  if (!b.ok) throw new Error("missing");
  return [...b.sentence.text.matchAll(/的(\d+\.\d+)%/g)].map((m) => m[1]);
};

describe("shares of a total", () => {
  it("plain rounding: each share is its exact value rounded half up (1/3 each: 99.99% in all)", () => {
    const b = build("1", "1", "1", "3", false);
    expect(sharesIn(b)).toEqual([percentOf("1", "3", 2), percentOf("1", "3", 2), percentOf("1", "3", 2)]);
    if (b.ok) expect(b.sentence.text).not.toContain("最大余数");
  });

  it("largest remainder: the shares add up to exactly 100.00% and the sentence says so", () => {
    const b = build("1", "1", "1", "3", true);
    const shares = sharesIn(b);
    expect(shares).toEqual(["33.34", "33.33", "33.33"]);
    expect(shares.reduce((s, x) => s.plus(x), new Dec(0)).toFixed(2)).toBe("100.00");
    if (!b.ok) throw new Error("unreachable");
    expect(b.sentence.text).toContain("（各项占比按最大余数法取整，合计为100.00%）");
    expect(b.sentence.facts.filter((f) => f.kind === "share").every((f) => "rounding" in f && f.rounding === "largestRemainder")).toBe(true);
  });

  it("largest remainder that changes nothing adds no remark", () => {
    const b = build("507.32", "14.76", "0", "522.08", true);
    expect(sharesIn(b)).toEqual(["97.17", "2.83", "0.00"]);
    if (b.ok) expect(b.sentence.text).not.toContain("最大余数");
  });

  it("parts that do not add up to the total cannot be made to add up: plain rounding and a note", () => {
    const b = build("1", "1", "1", "4", true);
    expect(sharesIn(b)).toEqual(["25.00", "25.00", "25.00"]);
    if (!b.ok) throw new Error("unreachable");
    expect(b.sentence.notes?.[0]).toContain("不等");
  });

  it("a total of 0 has no shares: missing, naming the total", () => {
    const b = build("0", "0", "0", "0", false);
    expect(b).toMatchObject({ ok: false, missing: [{ field: "budget.expenseTotal", reason: "zero" }] });
  });
});
