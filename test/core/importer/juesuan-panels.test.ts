/**
 * 公开01表 and 公开04表 as the 决算 software and published reports print them: 收入 on the left
 * (项目 | 行次 | 金额) and 支出 on the right (项目 | 行次 | 金额 …) in the same rows, under one header
 * block (部门：…, 金额单位：…, 公开NN表). The form models each side as a table of its own; the
 * import splits the export into its panels, plans each against the table it matches, and
 * merges the plans so that every cell of the export is still in exactly one place.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { Dec } from "../../../src/core/money";
import { planImport, type ImportPlan } from "../../../src/core/importer";
import { findForm } from "../../../src/core/spec/built-in";
import { FUNCTION_CLASSES } from "../../../src/core/spec/forms/mof-juesuan-codes";
import type { ReportData } from "../../../src/core/spec";
import { expectPartition, fiscalExport, summaryExport, tsv } from "./juesuan-export-text";

const form = findForm("mof-bumen-juesuan")!;
type Fixture = ReportData & { source?: { url: string } };
const fixture = (name: string) => JSON.parse(readFileSync(join(__dirname, `../../fixtures/juesuan/${name}.json`), "utf8")) as Fixture;

/** Every figure the fixture holds for these tables is written or compared, exactly (万元). */
function expectFigures(plan: ImportPlan, data: ReportData, tables: string[]): void {
  const placed = new Map<string, string>();
  for (const w of plan.writes) placed.set(w.fieldId, w.converted!);
  for (const t of plan.totals) if (t.fieldId) placed.set(t.fieldId, t.exported);
  const expected = Object.keys(data.values).filter((id) => tables.includes(id.split(".")[0]));
  expect([...placed.keys()].sort()).toEqual(expected.sort());
  for (const id of expected) expect(new Dec(placed.get(id)!).eq(new Dec(data.values[id] as string)), `${id}: ${placed.get(id)} vs ${data.values[id]}`).toBe(true);
}

/** The plan of an export whose every figure lands (exactly, see expectFigures), nothing refused, every cell in one place. */
function planWhole(text: string, data: ReportData, tables: string[]): ImportPlan {
  const plan = planImport(text, { form });
  expectFigures(plan, data, tables);
  expect(plan.rejects).toEqual([]);
  expectPartition(plan, text);
  return plan;
}

describe("公开01表 收入支出决算总表 printed in two panels", () => {
  const planted = fixture("planted-complete-2024");
  const text = summaryExport(planted, "元");

  it("收入 goes to the 收入 table and 支出 to the 支出 table; every figure lands, 元 → 万元 exactly; every cell in one place", () => {
    const plan = planWhole(text, planted, ["income", "spending"]);
    expect(plan.panels?.map((p) => [p.columns, p.table?.id])).toEqual([
      [[1, 3], "income"],
      [[4, 6], "spending"],
    ]);
    expect(plan.table?.id).toBe("income+spending");
    expect(plan.unit).toMatchObject({ value: "元", how: "stated" });
    for (const w of plan.writes) expect(w.conversion).toBe("元→万元");
    // The shared header block is read once: 部门, 公开01表 and 金额单位 each once.
    expect(plan.consumed.filter((c) => c.line <= 3).map((c) => c.text)).toEqual(["收入支出决算总表", "公开01表", `部门：${planted.values["report.dept"]}`, "金额单位：元"]);
    // Both sides' 行次 are structure.
    expect(plan.consumed.filter((c) => c.role === "sequence").length).toBe(8 + FUNCTION_CLASSES.length);
    // The planted figures agree with themselves on this table: every total agrees.
    expect(plan.totals.filter((t) => t.status !== "agrees")).toEqual([]);
  });

  it("a published report (乌鲁木齐市政务服务中心 2023, 万元): both sides' 总计 are 0.01 above their parts, reported as 尾差 on each side", () => {
    const urumqi = fixture("urumqi-zwfw-2023");
    const export01 = summaryExport(urumqi, "万元");
    const plan = planWhole(export01, urumqi, ["income", "spending"]);
    expect(plan.panels?.map((p) => p.table?.id)).toEqual(["income", "spending"]);
    const v = (id: string) => new Dec(urumqi.values[id] as string);
    for (const [side, parts] of [
      ["income", ["total", "useNonFiscalBalance", "carryIn"]],
      ["spending", ["total", "balanceDistribution", "carryOut"]],
    ] as const) {
      const grand = plan.totals.find((t) => t.fieldId === `${side}.grandTotal`)!;
      const sum = parts.reduce((s, p) => s.plus(v(`${side}.${p}`)), new Dec(0));
      expect(grand.status, side).toBe("tail");
      expect(new Dec(grand.exported).minus(sum).toFixed(2)).toBe("0.01");
    }
    expect(urumqi.source?.url).toMatch(/^http/);
  });
});

describe("公开04表 财政拨款收入支出决算总表 printed in two panels", () => {
  const planted = fixture("planted-complete-2024");
  const text = fiscalExport(planted);

  it("the 收入 panel goes to the record table, the 支出 panel to the grid table with its four columns; 年初 parts land on their own rows", () => {
    const plan = planWhole(text, planted, ["fiscalIncome", "fiscalSpending"]);
    expect(plan.panels?.map((p) => [p.columns, p.table?.id])).toEqual([
      [[1, 3], "fiscalIncome"],
      [[4, 9], "fiscalSpending"],
    ]);
    expect(plan.totals.filter((t) => t.status !== "agrees")).toEqual([]);
  });
});

describe("panels that fill one table (公开06表 printed in panels)", () => {
  const planted = fixture("planted-complete-2024");
  const fig = (id: string) => (planted.values[id] as string | undefined) ?? "";
  const ids = Object.keys(planted.values).filter((id) => id.startsWith("basicDetail.e"));
  const code = (id: string) => id.slice("basicDetail.e".length);
  const personnel = ids.filter((id) => /^30[13]/.test(code(id))).map((id) => [code(id), "", fig(id)]);
  const goods = ids.filter((id) => /^302/.test(code(id))).map((id) => [code(id), "", fig(id)]);
  const other = ids.filter((id) => /^310/.test(code(id))).map((id) => [code(id), "", fig(id)]);
  const left = [...personnel, ["人员经费合计", "", fig("basicDetail.personnel")]];
  const middle = goods;
  const right = [...other, ["公用经费合计", "", fig("basicDetail.public")]];
  const n = Math.max(left.length, middle.length, right.length);
  const padded = (rows: string[][]) => [...rows, ...Array.from({ length: n - rows.length }, () => ["", "", ""])];
  const [l, m, r] = [padded(left), padded(middle), padded(right)];
  const text = tsv([
    ["一般公共预算财政拨款基本支出决算明细表", ...Array(8).fill("")],
    ["部门：某某局（示例）", ...Array(7).fill(""), "金额单位：万元"],
    ["科目编码", "科目名称", "决算数", "科目编码", "科目名称", "决算数", "科目编码", "科目名称", "决算数"],
    ...l.map((row, k) => [...row, ...m[k], ...r[k]]),
  ]);

  it("all three go to the one table, and 公用经费合计 (right panel) is compared with 302 (middle panel) + 310", () => {
    const plan = planWhole(text, planted, ["basicDetail"]);
    expect(plan.panels?.map((p) => p.table?.id)).toEqual(["basicDetail", "basicDetail", "basicDetail"]);
    expect(plan.table?.id).toBe("basicDetail");
    const publicTotal = plan.totals.find((t) => t.fieldId === "basicDetail.public")!;
    const parts = new Dec(fig("basicDetail.e302")).plus(fig("basicDetail.e310"));
    expect(new Dec(publicTotal.expected!).eq(parts)).toBe(true);
    expect(publicTotal.status).toBe(parts.eq(fig("basicDetail.public")) ? "agrees" : "differs");
  });
});

describe("how panels are found", () => {
  const urumqi = fixture("urumqi-zwfw-2023");
  const v = (id: string) => urumqi.values[id] as string;
  // No repeated 项目: the 收入 … 支出 banner alone marks the panels.
  const text = tsv([
    ["收入支出决算总表", "", "", ""],
    ["部门：乌鲁木齐市政务服务中心", "", "", "金额单位：万元"],
    ["收  入", "", "支  出", ""],
    ["收入项目", "金额", "支出项目", "金额"],
    ["本年收入合计", v("income.total"), "本年支出合计", v("spending.total")],
    ["使用非财政拨款结余", v("income.useNonFiscalBalance"), "结余分配", v("spending.balanceDistribution")],
    ["年初结转和结余", v("income.carryIn"), "年末结转和结余", v("spending.carryOut")],
    ["总计", v("income.grandTotal"), "总计", v("spending.grandTotal")],
  ]);

  it("a 收入 … 支出 banner over the header splits the export as a repeated 项目 does", () => {
    const plan = planWhole(text, urumqi, ["income", "spending"]);
    expect(plan.panels?.map((p) => [p.columns, p.table?.id])).toEqual([
      [[1, 2], "income"],
      [[3, 4], "spending"],
    ]);
  });

  it("a table named by the caller takes the whole export: no panels, and what is not its own is refused with a reason, never dropped", () => {
    const plan = planImport(text, { form, table: "income" });
    expect(plan.panels).toBeUndefined();
    expectPartition(plan, text);
    expect(plan.rejects.length).toBeGreaterThan(0);
    for (const r of plan.rejects) expect(r.reason).not.toBe("");
  });
});

describe("what is not panels", () => {
  it("a later 项目 over figures (基本 | 项目 abbreviated) is a column, not a second panel", () => {
    const text = tsv([
      ["项目", "基本", "项目", "合计"],
      ["2010101 行政运行", "10.00", "2.00", "12.00"],
    ]);
    const plan = planImport(text, { form });
    expect(plan.panels).toBeUndefined();
  });
});
