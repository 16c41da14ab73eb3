/**
 * The public tables as the 部门决算 software exports them: a header block with 部门：…, 公开NN表
 * and 金额单位, a 栏次 row under the header ("类 | 款 | 项 | 栏次 | 1 | 2 | 3"), the 科目编码 split
 * over 类/款/项 columns or in one, 合计 written in the code column, 元 with thousands separators,
 * a 注 line, and "本表无数据" for a deliberate empty table. The form here is the two-table
 * excerpt in test/fixtures/forms (no form-specific code: its labels and synonyms drive the
 * mapping); the figures are its data file's, written out in 元 and compared back exactly.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { Dec } from "../../../src/core/money";
import { applyPlan, planImport, type ImportPlan } from "../../../src/core/importer";
import type { FormSpec, ReportData } from "../../../src/core/spec";

const fixtures = join(__dirname, "../../fixtures/forms");
const form = JSON.parse(readFileSync(join(fixtures, "bumen-juesuan-mini.json"), "utf8")) as FormSpec;
const data = JSON.parse(readFileSync(join(fixtures, "bumen-juesuan-mini.data.json"), "utf8")) as ReportData;
const value = (id: string) => new Dec(data.values[id] as string);
const empty: ReportData = { form: form.id, lists: {}, values: {} };
const tsv = (rows: string[][]) => rows.map((r) => r.join("\t")).join("\n");

/** "1,234,567.89": 万元 written as 元 with thousands separators, as the software prints them. */
function yuan(wan: Dec): string {
  const [whole, frac] = wan.times(10000).toFixed(2).split(".");
  return `${whole.replace(/\B(?=(\d{3})+(?!\d))/g, ",")}.${frac}`;
}

/** The data file's 功能科目 lines under their 类 and 款, each level carrying the sum of the lines under it. */
function spendingBody(split: boolean): string[][] {
  const funcs = data.lists.funcs;
  const cols = ["total", "basic", "project"];
  const amounts = (ids: number[]) => cols.map((c) => yuan(ids.reduce((s, k) => s.plus(value(`spending.line[${k}].${c}`)), new Dec(0))));
  const codeCells = (code: string) => (split ? [code.slice(0, 3), code.slice(3, 5), code.slice(5, 7)] : [code]);
  const body: string[][] = [];
  const byClass = new Map<string, number[]>();
  funcs.forEach((f, k) => byClass.set(f.code!.slice(0, 3), [...(byClass.get(f.code!.slice(0, 3)) ?? []), k + 1]));
  for (const [cls, ids] of byClass) {
    body.push([...codeCells(cls), `类${cls}`, ...amounts(ids)]);
    const kuan = funcs[ids[0] - 1].code!.slice(0, 5);
    body.push([...codeCells(kuan), `款${kuan}`, ...amounts(ids)]);
    for (const k of ids) body.push([...codeCells(funcs[k - 1].code!), funcs[k - 1].name, ...amounts([k])]);
  }
  return body;
}

/** 公开03表-like 支出决算表: the code split over 类/款/项 or in one column. */
function spendingExport(split: boolean): string {
  const codeHead = split ? ["科目编码", "", ""] : ["科目编码"];
  const pad = codeHead.map(() => "");
  const all = ["total", "basic", "project"].map((c) => yuan(value(`spending.all.${c}`)));
  return tsv([
    [...pad, "支出决算表"],
    [...pad, "", "", "", "公开03表"],
    ["部门：某某局（示例）", ...pad.slice(1), "", "", "", "金额单位：元"],
    ["项目", ...pad.slice(1), "", "本年支出合计", "基本支出", "项目支出"],
    [...codeHead, "科目名称", "", "", ""],
    [...(split ? ["类", "款", "项"] : [""]), "栏次", "1", "2", "3"],
    ["合计", ...pad.slice(1), "", ...all],
    ...spendingBody(split),
    ["注：本表反映部门本年度各项支出情况。"],
  ]);
}

/** Every figure of the table is written or compared as a total, exactly the data file's. */
function expectFigures(plan: ImportPlan, table: string): void {
  const placed = new Map<string, string>();
  for (const w of plan.writes) placed.set(w.fieldId, w.converted!);
  for (const t of plan.totals) if (t.fieldId) placed.set(t.fieldId, t.exported);
  const expected = Object.keys(data.values).filter((id) => id.startsWith(`${table}.`));
  expect([...placed.keys()].sort()).toEqual([...expected].sort());
  for (const id of expected) expect(new Dec(placed.get(id)!).eq(value(id)), `${id}: ${placed.get(id)} vs ${data.values[id]}`).toBe(true);
}

describe("支出决算表 as the 决算 software exports it", () => {
  for (const split of [true, false]) {
    it(`科目编码 ${split ? "split over 类 | 款 | 项" : "in one column"}: 类/款 lines are subtotals, 项 lines the entries, nothing rejected`, () => {
      const plan = planImport(spendingExport(split), { form });
      expect(plan.table?.id).toBe("spending");
      expect(plan.unit).toMatchObject({ value: "元", how: "stated" });
      expect(plan.rejects).toEqual([]);
      expectFigures(plan, "spending");
      // The 项 codes are whole: 类 + 款 + 项 put together.
      const after = applyPlan(empty, plan);
      expect(after.lists.funcs).toEqual(data.lists.funcs);
      expect(plan.rows.filter((r) => r.role === "subtotal").map((r) => r.code)).toEqual(["206", "20601", "208", "20805"]);
      // The 栏次 row and the header block are structure; 合计 in the code column is the table's total line.
      expect(plan.consumed.filter((c) => c.line === 6).map((c) => c.role)).toEqual(plan.consumed.filter((c) => c.line === 6).map(() => "header"));
      expect(plan.rows.find((r) => r.line === 7)).toMatchObject({ label: "合计", role: "total", rowId: "all" });
      expect(plan.consumed.find((c) => c.text.startsWith("注："))?.role).toBe("note");
      expect(plan.consumed.filter((c) => c.role === "title").map((c) => c.text)).toEqual(["支出决算表", "公开03表", "部门：某某局（示例）"]);
      // The data file's one slip (本年支出合计 ≠ 基本 + 项目) is what the import flags, and only it.
      const slip = value("spending.all.total").minus(value("spending.all.basic").plus(value("spending.all.project")));
      expect(slip.isZero()).toBe(false);
      const differs = plan.totals.filter((t) => t.status !== "agrees");
      expect(differs.map((t) => t.fieldId)).toEqual(["spending.all.total"]);
      expect(differs[0].message).toContain(`多${slip.toFixed(2)}万元`);
    });
  }

  it("a 项 line that leaves its 类 and 款 blank continues the code of the line above", () => {
    const text = tsv([
      ["科目编码", "", "", "科目名称", "本年支出合计", "基本支出", "项目支出"],
      ["类", "款", "项", "栏次", "1", "2", "3"],
      ["206", "01", "01", "行政运行", "100.00", "100.00", "0"],
      ["", "", "02", "一般行政管理事务", "5.00", "0", "5.00"],
    ]);
    const plan = planImport(text, { form, table: "spending" });
    expect(plan.listAdds.map((a) => a.entry)).toEqual([
      { name: "行政运行", code: "2060101" },
      { name: "一般行政管理事务", code: "2060102" },
    ]);
  });
});

describe("本表无数据", () => {
  const text = tsv([
    ["“三公”经费支出决算表", "", ""],
    ["", "", "公开07表"],
    ["部门：某某局（示例）", "", "金额单位：万元"],
    ["项目", "预算数", "决算数"],
    ["栏次", "1", "2"],
    ["本表无数据", "", ""],
  ]);

  it("is a deliberate empty table: recognised, nothing written, nothing rejected, and the plan says so", () => {
    const plan = planImport(text, { form });
    expect(plan.table?.id).toBe("sangong");
    expect(plan.writes).toEqual([]);
    expect(plan.rejects).toEqual([]);
    expect(plan.consumed.find((c) => c.text === "本表无数据")?.role).toBe("note");
    const info = plan.findings.filter((f) => f.severity === "info");
    expect(info).toHaveLength(1);
    expect(info[0].message).toContain("空表");
  });

  it("a table with figures and a 注 that merely mentions an empty table says nothing of the kind", () => {
    const withFigures = text.replace("本表无数据\t\t", "公务接待费\t2.00\t1.90");
    const plan = planImport(withFigures, { form });
    expect(plan.writes.map((w) => w.fieldId)).toEqual(["sangong.reception.budget", "sangong.reception.actual"]);
    expect(plan.findings.some((f) => f.message.includes("空表"))).toBe(false);
  });
});

describe("numbering rows", () => {
  it("a bare 1 | 2 | 3 row under the header is structure; two small figures on a line are data", () => {
    const header = ["科目名称", "合计", "基本支出", "项目支出"];
    const numbered = planImport(tsv([header, ["", "1", "2", "3"], ["2060101 行政运行", "2.00", "1.90", "0.10"]]), { form, table: "spending" });
    expect(numbered.rejects).toEqual([]);
    expect(numbered.writes.map((w) => new Dec(w.converted!).toFixed(2))).toEqual(["1.90", "0.10"]);
    // "1 | 2" under 预算数 | 决算数 could be figures: read as data, never dropped as numbering.
    const data = planImport(tsv([["项目", "预算数", "决算数"], ["公务接待费", "1", "2"]]), { form, table: "sangong" });
    expect(data.writes.map((w) => new Dec(w.converted!).toFixed(0))).toEqual(["1", "2"]);
  });
});

describe("the built-in 部门决算 form (mof-bumen-juesuan)", () => {
  // 乌鲁木齐市政务服务中心 2023 (test/fixtures/juesuan/urumqi-zwfw-2023.json carries the source
  // address): the 收入 half of its 公开01表 as exported, with 行次 column and 栏次 row.
  const urumqi = JSON.parse(readFileSync(join(__dirname, "../../fixtures/juesuan/urumqi-zwfw-2023.json"), "utf8")) as ReportData & { source: { url: string } };
  const v = (id: string) => urumqi.values[id] as string;
  const text = tsv([
    ["收入支出决算总表", "", ""],
    ["", "", "公开01表"],
    [`部门：${v("report.dept")}`, "", "金额单位：万元"],
    ["项目", "行次", "金额"],
    ["栏次", "", "1"],
    ["本年收入合计", "9", v("income.total")],
    ["使用非财政拨款结余", "10", v("income.useNonFiscalBalance")],
    ["年初结转和结余", "11", v("income.carryIn")],
    ["总计", "12", v("income.grandTotal")],
  ]);

  it("公开01表 收入: 行次 is structure, the lines land on their rows, and the published 0.01 drift of 总计 is reported as 尾差", async () => {
    const { findForm } = await import("../../../src/core/spec/built-in");
    const plan = planImport(text, { form: findForm("mof-bumen-juesuan")! });
    expect(plan.table?.id).toBe("income");
    expect(plan.rejects).toEqual([]);
    expect(plan.consumed.filter((c) => c.role === "sequence").map((c) => c.text)).toEqual(["9", "10", "11", "12"]);
    expect(plan.writes.map((w) => [w.fieldId, w.converted])).toEqual([
      ["income.useNonFiscalBalance", "0.00"],
      ["income.carryIn", v("income.carryIn")],
    ]);
    // 434.16 + 0.00 + 0.55 = 434.71 against a printed 总计 of 434.72: recomputed here.
    const sum = new Dec(v("income.total")).plus(v("income.useNonFiscalBalance")).plus(v("income.carryIn"));
    const grand = plan.totals.find((t) => t.fieldId === "income.grandTotal")!;
    expect(grand.status).toBe("tail");
    expect(new Dec(grand.exported).minus(sum).toFixed(2)).toBe("0.01");
    expect(urumqi.source.url).toMatch(/^http/);
  });
});
