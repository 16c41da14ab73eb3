/**
 * 可能有误 (issue 17, item 5): a figure 叙述核对 cannot tie to one label, in a sentence whose other
 * figures it tied, that is one keystroke from a figure of those tables. A notice with both
 * values, never an error; nothing when the figure matches a table figure, when two are that
 * near, or when the sentence tied nothing.
 */
import { Dec } from "../../../../src/core/money";
import { verifyNarrative } from "../../../../src/core/narrative";
import { defaultForm, type ReportData } from "../../../../src/core/spec";
import { loadSeed } from "../../../fixtures/load";

const seed = loadSeed(2020);
const cell = (id: string) => new Dec(String(seed.values[id]));
const check = (text: string, data: ReportData = seed) => verifyNarrative(defaultForm, data, text);

// The seed's own figures, recomputed: 结余 written one digit off (+1.00 in the units place).
const income = cell("income.all.total").toFixed(2);
const expense = cell("expense.all.total").toFixed(2);
const balance = cell("expense.all.cumBalance");
const slipped = balance.plus(1).toFixed(2);

describe("可能有误 beside 未核对", () => {
  it("“结余187.97万元” beside 收入合计 and 支出合计: a notice naming the 累计结余 cell and both values", () => {
    expect(slipped).not.toBe(balance.toFixed(2));
    const r = check(`2020年收入合计${income}万元，支出合计${expense}万元，结余${slipped}万元。`);
    expect(r.findings).toHaveLength(1);
    const [f] = r.findings;
    expect(f).toMatchObject({ problem: "likely", severity: "info", expected: `${balance.toFixed(2)}万元`, actual: `${slipped}万元`, cell: "支出和结余!H6" });
    expect(f.message).toContain("可能有误");
    expect(r.summary.errors).toBe(0);
    expect(r.unchecked).toEqual([]);
  });

  it("the same figure written right is tied and agrees; no notice", () => {
    const r = check(`2020年收入合计${income}万元，支出合计${expense}万元，结余${balance.toFixed(2)}万元。`);
    expect(r.findings).toEqual([]);
  });

  it("stays 未核对 when the sentence ties nothing else (no tables to compare with)", () => {
    const r = check(`结余${slipped}万元。`);
    expect(r.findings).toEqual([]);
    expect(r.unchecked).toHaveLength(1);
  });

  it("stays 未核对 when the figure is more than one keystroke from every figure of those tables", () => {
    const far = balance.plus(55.55).toFixed(2);
    const r = check(`2020年收入合计${income}万元，支出合计${expense}万元，结余${far}万元。`);
    expect(r.findings).toEqual([]);
    expect(r.unchecked).toHaveLength(1);
  });

  it("stays 未核对 when two table figures are equally near (which one was meant is open)", () => {
    // A second figure in the 支出和结余 table one keystroke from the written one, the other side.
    const other = balance.plus(2).toFixed(2);
    const data: ReportData = { ...seed, values: { ...seed.values, "expense.unit[2].cumBalance": other } };
    const r = check(`2020年收入合计${income}万元，支出合计${expense}万元，结余${slipped}万元。`, data);
    expect(r.findings.filter((f) => f.problem === "likely")).toEqual([]);
  });

  it("reads 元 figures in 万元 (1,879,700元 against 186.97万元 is a swap-free one-digit slip)", () => {
    const yuan = balance.plus(1).times(10000).toFixed(0);
    const r = check(`2020年收入合计${income}万元，支出合计${expense}万元，结余${Number(yuan).toLocaleString("en-US")}元。`);
    expect(r.findings.map((f) => [f.problem, f.severity])).toEqual([["likely", "info"]]);
  });
});
