import Decimal from "decimal.js";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { checkReport } from "../../../../src/core/check";
import type { RawValue, ReportData } from "../../../../src/core/spec";
import { mofBumenJuesuan } from "../../../../src/core/spec/forms/mof-juesuan";

/**
 * A complete real 决算: 中共上海市普陀区委社会工作部 2024 年度部门决算, all nine 公开表 as published
 * (three of them 本表无数据). The test works the tables as a careful reader does — every 合计,
 * every 类/款/项, 基本 + 项目, the same figure in two tables, 人员经费 + 公用经费 — with its own
 * decimal arithmetic, finds the relations that do not hold, and requires `check` to report exactly
 * those and nothing on the figures that agree.
 */

type Fixture = ReportData & { source: { url: string; note: string }; lists: { generalFuncs: { code: string; name: string }[] } };
const data: Fixture = JSON.parse(readFileSync(join(__dirname, "../../../fixtures/juesuan/shanghai-putuo-shehuigongzuobu-2024.json"), "utf8"));

const has = (id: string) => {
  const raw: RawValue | undefined = data.values[id];
  return raw !== undefined && raw !== null && raw !== "" && raw !== "本表无数据";
};
const figure = (id: string): Decimal => {
  if (!has(id)) return new Decimal(0); // a blank cell adds nothing
  const raw = data.values[id];
  return new Decimal(String(typeof raw === "object" && raw !== null ? raw.value : raw));
};
const sum = (ids: string[]) => ids.reduce((acc, id) => acc.plus(figure(id)), new Decimal(0));

/** One thing the reader checks: `target` should equal the sum of `parts` (one part: the same figure twice). */
interface Relation {
  /** The engine's rule that states this relation. */
  rule: string;
  target: string;
  parts: string[];
}

const FUNCS = data.lists.generalFuncs.map((f) => f.code);
/** The reader's 类/款/项 tree: a 款 (5 digits) under its 类 (3), a 项 (7) under its 款. */
const children = (code: string) => FUNCS.filter((c) => c.length === code.length + 2 && c.startsWith(code));
const lineOf = (code: string) => FUNCS.indexOf(code) + 1;
const classes = FUNCS.filter((c) => c.length === 3);

/** Every table with 类/款/项 rows: each parent = Σ children, the 合计 row = Σ类, for each column. */
function hierarchy(table: string, columns: string[]): Relation[] {
  const out: Relation[] = [];
  for (const column of columns) {
    for (const parent of FUNCS.filter((c) => children(c).length > 0)) {
      const parts = children(parent).map((c) => `${table}.line[${lineOf(c)}].${column}`).filter(has);
      const target = `${table}.line[${lineOf(parent)}].${column}`;
      if (has(target) || parts.length > 0) out.push({ rule: `${table}.hierarchy[${parent},${column}]`, target, parts });
    }
    out.push({ rule: `${table}.hierarchy[all,${column}]`, target: `${table}.all.${column}`, parts: classes.map((c) => `${table}.line[${lineOf(c)}].${column}`) });
  }
  return out;
}

/** Each row's 合计 = the columns that make it up, on the 合计 row and every 科目 line. */
function rows(table: string, total: string, columns: string[]): Relation[] {
  const keys = ["all", ...FUNCS.map((_, i) => `line[${i + 1}]`)];
  return keys.map((k) => ({ rule: `${table}.row[${k}]`, target: `${table}.${k}.${total}`, parts: columns.map((c) => `${table}.${k}.${c}`) }));
}

const CLASS_CODES = ["201", "208", "210", "221"];
/** 公开06表's 302 column, every item the report prints under 商品和服务支出. */
const ITEMS_302 = ["30201", "30202", "30203", "30204", "30205", "30206", "30207", "30208", "30209", "30211", "30212", "30213", "30214", "30215", "30216", "30217", "30218", "30224", "30225", "30226", "30227", "30228", "30229", "30231", "30239", "30240", "30299"];
const ITEMS_301 = ["30101", "30102", "30103", "30106", "30107", "30108", "30109", "30110", "30111", "30112", "30113", "30114", "30199"];
const ITEMS_303 = ["30301", "30302", "30303", "30304", "30305", "30306", "30307", "30308", "30309", "30310", "30311", "30399"];
const ITEMS_310 = ["31001", "31002", "31003", "31007", "31013", "31019", "31021", "31022", "31099"];
const e = (codes: string[]) => codes.map((c) => `basicDetail.e${c}`);

const RELATIONS: Relation[] = [
  // 公开01表: the 8 sources, the 功能类, and each side's 总计.
  { rule: "income.total", target: "income.total", parts: ["income.general", "income.fund", "income.capital", "income.superior", "income.business", "income.operating", "income.affiliated", "income.other"] },
  { rule: "income.grandTotal", target: "income.grandTotal", parts: ["income.total", "income.useNonFiscalBalance", "income.carryIn"] },
  { rule: "spending.total", target: "spending.total", parts: CLASS_CODES.map((c) => `spending.c${c}`) },
  { rule: "spending.grandTotal", target: "spending.grandTotal", parts: ["spending.total", "spending.balanceDistribution", "spending.carryOut"] },
  { rule: "summary.balanced", target: "income.grandTotal", parts: ["spending.grandTotal"] },
  // 公开01表 against 公开02/03表's 合计 row.
  { rule: "summary.incomeDetail", target: "income.total", parts: ["incomeDetail.all.total"] },
  { rule: "summary.expenseDetail", target: "spending.total", parts: ["expenseDetail.all.total"] },
  { rule: "summary.fiscalIncome", target: "incomeDetail.all.fiscal", parts: ["income.general", "income.fund", "income.capital"] },
  // 公开02表 and 公开03表: rows and the 类/款/项 tree.
  ...rows("incomeDetail", "total", ["fiscal", "superior", "business", "operating", "affiliated", "other"]),
  ...hierarchy("incomeDetail", ["total", "fiscal"]),
  ...rows("expenseDetail", "total", ["basic", "project", "toSuperior", "operating", "toAffiliated"]),
  ...hierarchy("expenseDetail", ["total", "basic", "project"]),
  // 公开04表: its own sums, and each 类 against 公开01表 and 公开05表.
  { rule: "fiscalIncome.total", target: "fiscalIncome.total", parts: ["fiscalIncome.general", "fiscalIncome.fund", "fiscalIncome.capital"] },
  { rule: "fiscalIncome.grandTotal", target: "fiscalIncome.grandTotal", parts: ["fiscalIncome.total", "fiscalIncome.carryIn"] },
  { rule: "fiscal.balanced", target: "fiscalIncome.grandTotal", parts: ["fiscalSpending.grandTotal.total"] },
  { rule: "fiscal.summary.general", target: "fiscalIncome.general", parts: ["income.general"] },
  { rule: "fiscal.general", target: "fiscalSpending.total.general", parts: ["generalSpending.all.total"] },
  ...CLASS_CODES.flatMap((c) => [
    { rule: `fiscalSpending.row[c${c}]`, target: `fiscalSpending.c${c}.total`, parts: [`fiscalSpending.c${c}.general`, `fiscalSpending.c${c}.fund`, `fiscalSpending.c${c}.capital`] },
    { rule: `summary.class.${c}`, target: `fiscalSpending.c${c}.total`, parts: [`spending.c${c}`] },
    { rule: `fiscal.class.general.${c}`, target: `fiscalSpending.c${c}.general`, parts: [`generalSpending.line[${lineOf(c)}].total`] },
  ]),
  { rule: "fiscalSpending.total[total]", target: "fiscalSpending.total.total", parts: CLASS_CODES.map((c) => `fiscalSpending.c${c}.total`) },
  { rule: "fiscalSpending.total[general]", target: "fiscalSpending.total.general", parts: CLASS_CODES.map((c) => `fiscalSpending.c${c}.general`) },
  { rule: "fiscalSpending.grandTotal[total]", target: "fiscalSpending.grandTotal.total", parts: ["fiscalSpending.total.total", "fiscalSpending.carryOut.total"] },
  { rule: "fiscalSpending.grandTotal[general]", target: "fiscalSpending.grandTotal.general", parts: ["fiscalSpending.total.general", "fiscalSpending.carryOut.general"] },
  ...["total", "grandTotal"].map((k) => ({ rule: `fiscalSpending.row[${k}]`, target: `fiscalSpending.${k}.total`, parts: [`fiscalSpending.${k}.general`, `fiscalSpending.${k}.fund`, `fiscalSpending.${k}.capital`] })),
  // 公开05表: rows and tree.
  ...rows("generalSpending", "total", ["basic", "project"]),
  ...hierarchy("generalSpending", ["total", "basic", "project"]),
  // 公开06表: each 类 = Σ its items, 人员经费 = 301 + 303, 公用经费 = 302 + 310, and their sum = 公开05表 基本支出.
  { rule: "basicDetail.e301", target: "basicDetail.e301", parts: e(ITEMS_301) },
  { rule: "basicDetail.e303", target: "basicDetail.e303", parts: e(ITEMS_303) },
  { rule: "basicDetail.e302", target: "basicDetail.e302", parts: e(ITEMS_302) },
  { rule: "basicDetail.e310", target: "basicDetail.e310", parts: e(ITEMS_310) },
  { rule: "basicDetail.personnel", target: "basicDetail.personnel", parts: ["basicDetail.e301", "basicDetail.e303"] },
  { rule: "basicDetail.public", target: "basicDetail.public", parts: ["basicDetail.e302", "basicDetail.e310"] },
  { rule: "general.basic", target: "generalSpending.all.basic", parts: ["basicDetail.personnel", "basicDetail.public"] },
];

/** A relation the reader can check: its target is printed (a blank 合计 with blank parts states nothing). */
const checkable = RELATIONS.filter((r) => has(r.target));
const slips = checkable.filter((r) => !figure(r.target).eq(sum(r.parts)));

describe("中共上海市普陀区委社会工作部 2024 年度部门决算 (real, all nine 公开表)", () => {
  test("the fixture names its source and holds all nine tables, the three empty ones as 本表无数据", () => {
    expect(data.source.url).toMatch(/^https:\/\//);
    for (const id of ["income.total", "incomeDetail.all.total", "expenseDetail.all.total", "fiscalIncome.total", "generalSpending.all.total", "basicDetail.personnel"]) expect(has(id)).toBe(true);
    expect([data.values["sangong.total.budget"], data.values["govFund.all.carryIn"], data.values["stateCapital.all.carryIn"]]).toEqual(["本表无数据", "本表无数据", "本表无数据"]);
  });

  test("the reader's own arithmetic finds two slips of 0.01: 302 against its items, and 人员经费 + 公用经费 against 基本支出", () => {
    // The reader checks what the engine checks: the same relations, none more, none fewer.
    const engineChecked = checkReport(mofBumenJuesuan, data).results.filter((r) => r.status !== "skipped").map((r) => r.rule.id);
    expect(checkable.map((r) => r.rule).sort()).toEqual([...engineChecked].sort());
    expect(slips.map((s) => [s.rule, figure(s.target).toFixed(2), sum(s.parts).toFixed(2)])).toEqual([
      // 3.78 + 1.15 + 0.02 + 0.68 + 0.48 + 1.48 + 2.43 + 0.20 = 10.22; the table prints 10.23.
      ["basicDetail.e302", "10.23", "10.22"],
      // 95.36 + 10.23 = 105.59; 公开05表 (and 公开03表) print 基本支出 105.58.
      ["general.basic", "105.58", "105.59"],
    ]);
  });

  test("check reports exactly those slips, as 尾差 (each within the rounding of its printed figures), on their cells", () => {
    const report = checkReport(mofBumenJuesuan, data);
    const expected = slips.map((s) => {
      const printed = s.parts.filter(has).length + 1;
      const difference = figure(s.target).minus(sum(s.parts));
      return {
        ruleId: s.rule,
        severity: difference.abs().lte(new Decimal("0.005").times(printed)) ? "info" : "error",
        expected: sum(s.parts).toFixed(2),
        difference: difference.toFixed(2),
      };
    });
    const got = report.findings.map((f) => ({ ruleId: f.ruleId, severity: f.severity, expected: f.expected, difference: f.difference }));
    const byRule = (a: { ruleId: string }, b: { ruleId: string }) => a.ruleId.localeCompare(b.ruleId);
    expect(got.sort(byRule)).toEqual(expected.sort(byRule));
    // Each finding names the cells a reader looks at: the total and every part.
    const cellsOf = (rule: string) => report.findings.find((f) => f.ruleId === rule)?.cells ?? [];
    expect(cellsOf("general.basic")).toEqual(["一般公共预算财政拨款支出决算表!E6", "一般公共预算财政拨款基本支出决算明细表!B31", "一般公共预算财政拨款基本支出决算明细表!B85"]);
    expect(cellsOf("basicDetail.e302")).toHaveLength(ITEMS_302.length + 1);
  });

  test("every relation that holds is checked and passes: nothing is said on the figures that agree", () => {
    const report = checkReport(mofBumenJuesuan, data);
    const status = new Map(report.results.map((r) => [r.rule.id, r.status]));
    const holding = checkable.filter((r) => !slips.includes(r));
    expect(holding.filter((r) => status.get(r.rule) !== "pass").map((r) => `${r.rule}: ${status.get(r.rule) ?? "no such rule"}`)).toEqual([]);
    // No table's emptiness is reported: 三公, 政府性基金, 国有资本经营 are 本表无数据 by design.
    expect(report.findings.filter((f) => /sangong|govFund|stateCapital|fiscal\.(fund|capital)/.test(f.ruleId))).toEqual([]);
  });
});
