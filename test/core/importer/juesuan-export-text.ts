/**
 * The 部门决算 public tables written out as the 决算 software and published reports print them,
 * from a data file's figures: 公开01表 and 公开04表 in two panels (收入 | 支出), 公开07表 wide (one
 * line under 预算数 {…} and 决算数 {…}). Shared by the importer's tests and the CLI's.
 */
import { Dec } from "../../../src/core/money";
import type { ImportPlan } from "../../../src/core/importer";
import type { ReportData } from "../../../src/core/spec";
import { FUNCTION_CLASSES, classRowId } from "../../../src/core/spec/forms/mof-juesuan-codes";

export const tsv = (rows: string[][]) => rows.map((r) => r.join("\t")).join("\n");
const NUMERALS = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"];
/** 1 → 一、 … 26 → 二十六、 as the official table numbers its lines. */
export function numbered(k: number, label: string): string {
  const tens = Math.floor(k / 10);
  const ones = k % 10;
  const word = `${tens === 0 ? "" : tens === 1 ? "十" : `${NUMERALS[tens - 1]}十`}${ones ? NUMERALS[ones - 1] : ""}`;
  return `${word}、${label}`;
}

/** "1,234,567.89": a 万元 figure in 元 with thousands separators; the figure itself in 万元. */
export function yuan(wan: string): string {
  const [whole, frac] = new Dec(wan).times(10000).toFixed(2).split(".");
  return `${whole.replace(/\B(?=(\d{3})+(?!\d))/g, ",")}.${frac}`;
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
export function summaryExport(data: ReportData, unit: "元" | "万元"): string {
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

/** 公开04表: 收入 (三类财政拨款, 本年收入合计, 年初结转和结余 and its three parts, 总计) | 支出 (功能类 × 合计 and the three fund types …). */
export function fiscalExport(data: ReportData): string {
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


/** The 三公 items as rows of the form's transposed table, in the order 公开07表 prints them. */
export const SANGONG_ITEMS = ["total", "abroad", "vehicle", "vehiclePurchase", "vehicleOps", "reception"] as const;

/** 公开07表 wide, in 元: 预算数 {合计, 因公出国（境）费, 公务用车购置及运行维护费 {小计, 购置费, 运行维护费}, 公务接待费}, 决算数 {the same}, one line of figures. */
export function sangongWideExport(data: ReportData): string {
  const v = (id: string) => (data.values[id] as string | undefined) ?? "0";
  const group = ["合计", "因公出国（境）费", "公务用车购置及运行维护费", "", "", "公务接待费"];
  const sub = ["", "", "小计", "购置费", "运行维护费", ""];
  return tsv([
    ["财政拨款“三公”经费支出决算表", ...Array(11).fill("")],
    [...Array(11).fill(""), "公开07表"],
    ["部门：某某局（示例）", ...Array(10).fill(""), "金额单位：元"],
    ["预算数", ...Array(5).fill(""), "决算数", ...Array(5).fill("")],
    [...group, ...group],
    [...sub, ...sub],
    Array.from({ length: 12 }, (_, k) => String(k + 1)),
    [...SANGONG_ITEMS.map((i) => yuan(v(`sangong.${i}.budget`))), ...SANGONG_ITEMS.map((i) => yuan(v(`sangong.${i}.actual`)))],
  ]);
}

/** Each non-empty cell of the export is in exactly one bucket of the plan. */
export function expectPartition(plan: ImportPlan, text: string): void {
  const keys = [...plan.writes, ...plan.totals, ...plan.details, ...plan.consumed, ...plan.rejects].map((c) => `${c.line}:${c.column}`);
  expect(new Set(keys).size).toBe(keys.length);
  const cells = text.split("\n").flatMap((line, r) => line.split("\t").flatMap((t, c) => (t.trim() ? [`${r + 1}:${c + 1}`] : [])));
  expect(new Set(keys)).toEqual(new Set(cells));
}
