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
import { FUNCTION_CLASSES, classRowId } from "../../../src/core/spec/forms/mof-juesuan-codes";
import type { ReportData } from "../../../src/core/spec";

const form = findForm("mof-bumen-juesuan")!;
type Fixture = ReportData & { source?: { url: string } };
const fixture = (name: string) => JSON.parse(readFileSync(join(__dirname, `../../fixtures/juesuan/${name}.json`), "utf8")) as Fixture;
const tsv = (rows: string[][]) => rows.map((r) => r.join("\t")).join("\n");
const NUMERALS = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"];
/** 1 → 一、 … 26 → 二十六、 as the official table numbers its lines. */
function numbered(k: number, label: string): string {
  const tens = Math.floor(k / 10);
  const ones = k % 10;
  const word = `${tens === 0 ? "" : tens === 1 ? "十" : `${NUMERALS[tens - 1]}十`}${ones ? NUMERALS[ones - 1] : ""}`;
  return `${word}、${label}`;
}

/** "1,234,567.89": a 万元 figure in 元 with thousands separators; the figure itself in 万元. */
function yuan(wan: string): string {
  const [whole, frac] = new Dec(wan).times(10000).toFixed(2).split(".");
  return `${whole.replace(/\B(?=(\d{3})+(?!\d))/g, ",")}.${frac}`;
}

/** Each non-empty cell of the export is in exactly one bucket of the plan. */
function expectPartition(plan: ImportPlan, text: string): void {
  const keys = [...plan.writes, ...plan.totals, ...plan.details, ...plan.consumed, ...plan.rejects].map((c) => `${c.line}:${c.column}`);
  expect(new Set(keys).size).toBe(keys.length);
  const cells = text.split("\n").flatMap((line, r) => line.split("\t").flatMap((t, c) => (t.trim() ? [`${r + 1}:${c + 1}`] : [])));
  expect(new Set(keys)).toEqual(new Set(cells));
}

/** Every figure the fixture holds for these tables is written or compared, exactly (万元). */
function expectFigures(plan: ImportPlan, data: ReportData, tables: string[]): void {
  const placed = new Map<string, string>();
  for (const w of plan.writes) placed.set(w.fieldId, w.converted!);
  for (const t of plan.totals) if (t.fieldId) placed.set(t.fieldId, t.exported);
  const expected = Object.keys(data.values).filter((id) => tables.includes(id.split(".")[0]));
  expect([...placed.keys()].sort()).toEqual(expected.sort());
  for (const id of expected) expect(new Dec(placed.get(id)!).eq(new Dec(data.values[id] as string)), `${id}: ${placed.get(id)} vs ${data.values[id]}`).toBe(true);
}

/** Left and right panels, side by side, the shorter one padded with blank lines above its last `tail` lines. */
function sideBySide(left: string[][], right: string[][], tail: number): string[][] {
  const width = (rows: string[][]) => rows[0].length;
  const pad = (rows: string[][], n: number) => [...rows.slice(0, rows.length - tail), ...Array.from({ length: n - rows.length }, () => Array<string>(width(rows)).fill("")), ...rows.slice(rows.length - tail)];
  const n = Math.max(left.length, right.length);
  const [l, r] = [pad(left, n), pad(right, n)];
  return l.map((row, k) => [...row, ...r[k]]);
}

/** 公开01表: 收入 (8 sources, then 本年收入合计 …) | 支出 (功能类, then 本年支出合计 …), blanks where the fixture has no figure. */
function summaryExport(data: ReportData, unit: "元" | "万元"): string {
  const fig = (id: string) => {
    const v = data.values[id] as string | undefined;
    return v === undefined ? "" : unit === "元" ? yuan(v) : v;
  };
  const sources = ["一般公共预算财政拨款收入", "政府性基金预算财政拨款收入", "国有资本经营预算财政拨款收入", "上级补助收入", "事业收入", "经营收入", "附属单位上缴收入", "其他收入"];
  const sourceIds = ["general", "fund", "capital", "superior", "business", "operating", "affiliated", "other"];
  const classes = FUNCTION_CLASSES.map((c, k) => [numbered(k + 1, c.name), String(k + 33), fig(`spending.${classRowId(c.code)}`)]);
  const incomeLines = sources.map((s, k) => [numbered(k + 1, s), String(k + 1), fig(`income.${sourceIds[k]}`)]);
  const left = [...incomeLines, ["本年收入合计", "", fig("income.total")], ["使用非财政拨款结余", "", fig("income.useNonFiscalBalance")], ["年初结转和结余", "", fig("income.carryIn")], ["总计", "", fig("income.grandTotal")]];
  const right = [...classes, ["本年支出合计", "", fig("spending.total")], ["结余分配", "", fig("spending.balanceDistribution")], ["年末结转和结余", "", fig("spending.carryOut")], ["总计", "", fig("spending.grandTotal")]];
  return tsv([
    ["收入支出决算总表", "", "", "", "", ""],
    ["", "", "", "", "", "公开01表"],
    [`部门：${data.values["report.dept"] ?? "某某局（示例）"}`, "", "", "", "", `金额单位：${unit}`],
    ["收入", "", "", "支出", "", ""],
    ["项目", "行次", "金额", "项目", "行次", "金额"],
    ["栏次", "", "1", "栏次", "", "2"],
    ...sideBySide(left, right, 4),
  ]);
}

describe("公开01表 收入支出决算总表 printed in two panels", () => {
  const planted = fixture("planted-complete-2024");
  const text = summaryExport(planted, "元");

  it("收入 goes to the 收入 table and 支出 to the 支出 table; every figure lands, 元 → 万元 exactly; every cell in one place", () => {
    const plan = planImport(text, { form });
    expectFigures(plan, planted, ["income", "spending"]);
    expect(plan.rejects).toEqual([]);
    expectPartition(plan, text);
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
    const plan = planImport(export01, { form });
    expectFigures(plan, urumqi, ["income", "spending"]);
    expect(plan.rejects).toEqual([]);
    expectPartition(plan, export01);
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

/** 公开04表: 收入 (三类财政拨款, 本年收入合计, 年初结转和结余 and its three parts, 总计) | 支出 (功能类 × 合计 and the three fund types …). */
function fiscalExport(data: ReportData): string {
  const fig = (id: string) => (data.values[id] === undefined ? "" : yuan(data.values[id] as string));
  const cols = ["total", "general", "fund", "capital"];
  const types = ["一般公共预算财政拨款", "政府性基金预算财政拨款", "国有资本经营预算财政拨款"];
  const left = [
    ...types.map((t, k) => [numbered(k + 1, t), String(k + 1), fig(`fiscalIncome.${["general", "fund", "capital"][k]}`)]),
    ["本年收入合计", "", fig("fiscalIncome.total")],
    ["年初财政拨款结转和结余", "", fig("fiscalIncome.carryIn")],
    ...types.map((t, k) => [`  ${t}`, "", fig(`fiscalIncome.${["carryInGeneral", "carryInFund", "carryInCapital"][k]}`)]),
    ["总计", "", fig("fiscalIncome.grandTotal")],
  ];
  const line = (label: string, row: string) => [label, "", ...cols.map((c) => fig(`fiscalSpending.${row}.${c}`))];
  const right = [
    ...FUNCTION_CLASSES.map((c, k) => line(numbered(k + 1, c.name), classRowId(c.code))),
    line("本年支出合计", "total"),
    line("年末财政拨款结转和结余", "carryOut"),
    ...types.map(() => Array<string>(6).fill("")),
    line("总计", "grandTotal"),
  ];
  return tsv([
    ["财政拨款收入支出决算总表", ...Array(8).fill("")],
    [...Array(8).fill(""), "公开04表"],
    ["部门：某某局（示例）", ...Array(7).fill(""), "金额单位：元"],
    ["收入", "", "", "支出", ...Array(5).fill("")],
    ["项目", "行次", "金额", "项目", "行次", "合计", "一般公共预算财政拨款", "政府性基金预算财政拨款", "国有资本经营预算财政拨款"],
    ["栏次", "", "1", "栏次", "", "2", "3", "4", "5"],
    ...sideBySide(left, right, 6),
  ]);
}

describe("公开04表 财政拨款收入支出决算总表 printed in two panels", () => {
  const planted = fixture("planted-complete-2024");
  const text = fiscalExport(planted);

  it("the 收入 panel goes to the record table, the 支出 panel to the grid table with its four columns; 年初 parts land on their own rows", () => {
    const plan = planImport(text, { form });
    expectFigures(plan, planted, ["fiscalIncome", "fiscalSpending"]);
    expect(plan.rejects).toEqual([]);
    expectPartition(plan, text);
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
    const plan = planImport(text, { form });
    expectFigures(plan, planted, ["basicDetail"]);
    expect(plan.rejects).toEqual([]);
    expectPartition(plan, text);
    expect(plan.panels?.map((p) => p.table?.id)).toEqual(["basicDetail", "basicDetail", "basicDetail"]);
    expect(plan.table?.id).toBe("basicDetail");
    const publicTotal = plan.totals.find((t) => t.fieldId === "basicDetail.public")!;
    const parts = new Dec(fig("basicDetail.e302")).plus(fig("basicDetail.e310"));
    expect(new Dec(publicTotal.expected!).eq(parts)).toBe(true);
    expect(publicTotal.status).toBe(parts.eq(fig("basicDetail.public")) ? "agrees" : "differs");
  });
});
