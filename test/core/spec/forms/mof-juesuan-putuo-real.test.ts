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
const load = (name: string): Fixture => JSON.parse(readFileSync(join(__dirname, "../../../fixtures/juesuan", name), "utf8"));

/** One thing the reader checks: `target` = Σ`parts` − Σ`minus` (one part: the same figure in two tables), or `target` ≤ `parts[0]`. */
interface Relation {
  /** The engine's rule that states this relation. */
  rule: string;
  target: string;
  parts: string[];
  minus?: string[];
  atMost?: true;
}

/** 公开06表's columns, every item each report prints under its 类. */
const ITEMS_301 = ["30101", "30102", "30103", "30106", "30107", "30108", "30109", "30110", "30111", "30112", "30113", "30114", "30199"];
const ITEMS_303 = ["30301", "30302", "30303", "30304", "30305", "30306", "30307", "30308", "30309", "30310", "30311", "30399"];
const ITEMS_302 = ["30201", "30202", "30203", "30204", "30205", "30206", "30207", "30208", "30209", "30211", "30212", "30213", "30214", "30215", "30216", "30217", "30218", "30224", "30225", "30226", "30227", "30228", "30229", "30231", "30239", "30240", "30299"];
const ITEMS_310 = ["31001", "31002", "31003", "31007", "31013", "31019", "31021", "31022", "31099"];
const e = (codes: string[]) => codes.map((c) => `basicDetail.e${c}`);
const SANGONG_ROWS = ["total", "abroad", "vehicle", "vehiclePurchase", "vehicleOps", "reception"];

/** The reader at work on one fixture: its figures, and every relation the nine tables state. */
function reader(data: Fixture) {
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
  /** What the parts of a relation come to. */
  const worked = (r: Relation) => sum(r.parts).minus(sum(r.minus ?? []));

  const funcs = data.lists.generalFuncs.map((f) => f.code);
  /** The 类/款/项 tree: a 款 (5 digits) under its 类 (3), a 项 (7) under its 款. */
  const children = (code: string) => funcs.filter((c) => c.length === code.length + 2 && c.startsWith(code));
  const lineOf = (code: string) => funcs.indexOf(code) + 1;
  const classes = funcs.filter((c) => c.length === 3);

  /** Each parent = Σ children and the 合计 row = Σ类, for each column. */
  const hierarchy = (table: string, columns: string[]): Relation[] =>
    columns.flatMap((column) => [
      ...funcs
        .filter((c) => children(c).length > 0)
        .map((parent) => ({ rule: `${table}.hierarchy[${parent},${column}]`, target: `${table}.line[${lineOf(parent)}].${column}`, parts: children(parent).map((c) => `${table}.line[${lineOf(c)}].${column}`) })),
      { rule: `${table}.hierarchy[all,${column}]`, target: `${table}.all.${column}`, parts: classes.map((c) => `${table}.line[${lineOf(c)}].${column}`) },
    ]);
  /** Each row's 合计 = the columns that make it up, on the 合计 row and every 科目 line. */
  const rows = (table: string, total: string, columns: string[]): Relation[] =>
    ["all", ...funcs.map((_, i) => `line[${i + 1}]`)].map((k) => ({ rule: `${table}.row[${k}]`, target: `${table}.${k}.${total}`, parts: columns.map((c) => `${table}.${k}.${c}`) }));
  const FUNDS = ["general", "fund", "capital"];
  const CARRY_IN: Record<string, string> = { general: "carryInGeneral", fund: "carryInFund", capital: "carryInCapital" };
  const SOURCES = ["superior", "business", "operating", "affiliated", "other"];

  const relations: Relation[] = [
    // 公开01表: the 8 sources, the 功能类, each side's 总计; its 类 and 合计 against 公开02/03表.
    { rule: "income.total", target: "income.total", parts: ["general", "fund", "capital", "superior", "business", "operating", "affiliated", "other"].map((k) => `income.${k}`) },
    { rule: "income.grandTotal", target: "income.grandTotal", parts: ["income.total", "income.useNonFiscalBalance", "income.carryIn"] },
    { rule: "spending.total", target: "spending.total", parts: classes.map((c) => `spending.c${c}`) },
    { rule: "spending.grandTotal", target: "spending.grandTotal", parts: ["spending.total", "spending.balanceDistribution", "spending.carryOut"] },
    { rule: "summary.balanced", target: "income.grandTotal", parts: ["spending.grandTotal"] },
    { rule: "summary.incomeDetail", target: "income.total", parts: ["incomeDetail.all.total"] },
    { rule: "summary.expenseDetail", target: "spending.total", parts: ["expenseDetail.all.total"] },
    { rule: "summary.fiscalIncome", target: "incomeDetail.all.fiscal", parts: ["income.general", "income.fund", "income.capital"] },
    ...classes.map((c) => ({ rule: `summary.class.${c}`, target: `spending.c${c}`, parts: [`expenseDetail.line[${lineOf(c)}].total`] })),
    ...SOURCES.map((k) => ({ rule: `summary.source.${k}`, target: `income.${k}`, parts: [`incomeDetail.all.${k}`] })),
    // 公开02表 and 公开03表: rows and the 类/款/项 tree.
    ...rows("incomeDetail", "total", ["fiscal", ...SOURCES]),
    ...hierarchy("incomeDetail", ["total", "fiscal", ...SOURCES]),
    ...rows("expenseDetail", "total", ["basic", "project", "toSuperior", "operating", "toAffiliated"]),
    ...hierarchy("expenseDetail", ["total", "basic", "project"]),
    // 公开04表: its own sums, its 一般公共预算 against 公开01表 and 公开05表, by 类 and in total.
    { rule: "fiscalIncome.total", target: "fiscalIncome.total", parts: FUNDS.map((t) => `fiscalIncome.${t}`) },
    { rule: "fiscalIncome.carryIn", target: "fiscalIncome.carryIn", parts: FUNDS.map((t) => `fiscalIncome.${CARRY_IN[t]}`) },
    { rule: "fiscalIncome.grandTotal", target: "fiscalIncome.grandTotal", parts: ["fiscalIncome.total", "fiscalIncome.carryIn"] },
    // Each fund type's 年末 = 年初 + 本年收入 − 本年支出.
    ...FUNDS.map((t) => ({ rule: `fiscal.carryOut.${t}`, target: `fiscalSpending.carryOut.${t}`, parts: [`fiscalIncome.${CARRY_IN[t]}`, `fiscalIncome.${t}`], minus: [`fiscalSpending.total.${t}`] })),
    { rule: "fiscal.balanced", target: "fiscalIncome.grandTotal", parts: ["fiscalSpending.grandTotal.total"] },
    { rule: "fiscal.summary.general", target: "fiscalIncome.general", parts: ["income.general"] },
    { rule: "fiscal.general", target: "fiscalSpending.total.general", parts: ["generalSpending.all.total"] },
    ...[...classes.map((c) => `c${c}`), "total", "carryOut", "grandTotal"].map((k) => ({ rule: `fiscalSpending.row[${k}]`, target: `fiscalSpending.${k}.total`, parts: FUNDS.map((t) => `fiscalSpending.${k}.${t}`) })),
    ...classes.map((c) => ({ rule: `fiscal.class.general.${c}`, target: `fiscalSpending.c${c}.general`, parts: [`generalSpending.line[${lineOf(c)}].total`] })),
    ...["total", ...FUNDS].flatMap((col) => [
      { rule: `fiscalSpending.total[${col}]`, target: `fiscalSpending.total.${col}`, parts: classes.map((c) => `fiscalSpending.c${c}.${col}`) },
      { rule: `fiscalSpending.grandTotal[${col}]`, target: `fiscalSpending.grandTotal.${col}`, parts: [`fiscalSpending.total.${col}`, `fiscalSpending.carryOut.${col}`] },
    ]),
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
    // 公开07表: 合计 and 用车 sums in each column, 决算 ≤ 预算 on each row, and the 基本支出 items ≤ their 三公 决算.
    ...["budget", "actual", "prior"].flatMap((col) => [
      { rule: `sangong.total[${col}]`, target: `sangong.total.${col}`, parts: ["abroad", "vehicle", "reception"].map((r) => `sangong.${r}.${col}`) },
      { rule: `sangong.vehicle[${col}]`, target: `sangong.vehicle.${col}`, parts: ["vehiclePurchase", "vehicleOps"].map((r) => `sangong.${r}.${col}`) },
    ]),
    ...SANGONG_ROWS.map((r): Relation => ({ rule: `sangong.overspend[${r}]`, target: `sangong.${r}.actual`, parts: [`sangong.${r}.budget`], atMost: true })),
    ...Object.entries({ "30212": "abroad", "30217": "reception", "30231": "vehicleOps", "31013": "vehiclePurchase" }).map(
      ([code, row]): Relation => ({ rule: `sangong.basic.${code}`, target: `basicDetail.e${code}`, parts: [`sangong.${row}.actual`], atMost: true }),
    ),
  ];
  /** A relation the reader can check: its target is printed (a blank 合计 states nothing). */
  const checkable = relations.filter((r) => has(r.target) && (!r.atMost || r.parts.every(has)));
  const holds = (r: Relation) => (r.atMost ? figure(r.target).lte(figure(r.parts[0] ?? "")) : figure(r.target).eq(worked(r)));
  const slips = checkable.filter((r) => !holds(r));
  /** What check must say of a slip: an inequality broken is a warning; a sum off by no more than ±0.005 per printed figure is 尾差 (info); a figure printed twice differently is an error. */
  const expectedFinding = (r: Relation) => {
    if (r.atMost) return { ruleId: r.rule, severity: "warning", expected: figure(r.parts[0] ?? "").toFixed(2), difference: figure(r.target).minus(figure(r.parts[0] ?? "")).toFixed(2) };
    const printed = [...r.parts, ...(r.minus ?? [])].filter(has).length;
    const difference = figure(r.target).minus(worked(r));
    const tail = printed > 1 && difference.abs().lte(new Decimal("0.005").times(printed + 1));
    return { ruleId: r.rule, severity: tail ? "info" : "error", expected: worked(r).toFixed(2), difference: difference.toFixed(2) };
  };
  return { has, figure, sum, worked, checkable, slips, expectedFinding };
}

const byRule = (a: { ruleId: string }, b: { ruleId: string }) => a.ruleId.localeCompare(b.ruleId);

/** The reader's slips as [rule, the figure printed, what its parts come to], sorted. */
const slipsOf = (r: ReturnType<typeof reader>) => r.slips.map((s) => [s.rule, r.figure(s.target).toFixed(2), r.worked(s).toFixed(2)]).sort();
/** The slips that are errors (one figure printed two ways), not 尾差. */
const errorsOf = (r: ReturnType<typeof reader>) => r.slips.filter((s) => r.expectedFinding(s).severity === "error").map((s) => s.rule).sort();

/** check reports exactly the reader's slips, and every relation the reader finds holding is checked and passes. */
function expectCheckMatchesReader(data: Fixture, r: ReturnType<typeof reader>) {
  const report = checkReport(mofBumenJuesuan, data);
  const engineChecked = report.results.filter((x) => x.status !== "skipped").map((x) => x.rule.id);
  // The reader checks what the engine checks: the same relations, none more, none fewer.
  expect(r.checkable.map((x) => x.rule).sort()).toEqual([...engineChecked].sort());
  const got = report.findings.map((f) => ({ ruleId: f.ruleId, severity: f.severity, expected: f.expected, difference: f.difference }));
  expect(got.sort(byRule)).toEqual(r.slips.map(r.expectedFinding).sort(byRule));
  const status = new Map(report.results.map((x) => [x.rule.id, x.status]));
  expect(r.checkable.filter((x) => !r.slips.includes(x) && status.get(x.rule) !== "pass").map((x) => x.rule)).toEqual([]);
  return report;
}

describe("中共上海市普陀区委社会工作部 2024 年度部门决算 (real, all nine 公开表, three of them 本表无数据)", () => {
  const data = load("shanghai-putuo-shehuigongzuobu-2024.json");
  const r = reader(data);

  test("the fixture names its source and holds all nine tables, the three empty ones as 本表无数据", () => {
    expect(data.source.url).toMatch(/^https:\/\//);
    for (const id of ["income.total", "incomeDetail.all.total", "expenseDetail.all.total", "fiscalIncome.total", "generalSpending.all.total", "basicDetail.personnel"]) expect(r.has(id)).toBe(true);
    expect([data.values["sangong.total.budget"], data.values["govFund.all.carryIn"], data.values["stateCapital.all.carryIn"]]).toEqual(["本表无数据", "本表无数据", "本表无数据"]);
  });

  test("the reader's own arithmetic finds two slips of 0.01: 302 against its items, and 人员经费 + 公用经费 against 基本支出", () => {
    expect(r.slips.map((s) => [s.rule, r.figure(s.target).toFixed(2), r.sum(s.parts).toFixed(2)])).toEqual([
      // 3.78 + 1.15 + 0.02 + 0.68 + 0.48 + 1.48 + 2.43 + 0.20 = 10.22; the table prints 10.23.
      ["basicDetail.e302", "10.23", "10.22"],
      // 95.36 + 10.23 = 105.59; 公开05表 (and 公开03表) print 基本支出 105.58.
      ["general.basic", "105.58", "105.59"],
    ]);
    expect(r.slips.map(r.expectedFinding).map((f) => f.severity)).toEqual(["info", "info"]);
  });

  test("check reports exactly those slips on their cells, and nothing on the figures that agree or on the empty tables", () => {
    const report = expectCheckMatchesReader(data, r);
    const cellsOf = (rule: string) => report.findings.find((f) => f.ruleId === rule)?.cells ?? [];
    expect(cellsOf("general.basic")).toEqual(["一般公共预算财政拨款支出决算表!E6", "一般公共预算财政拨款基本支出决算明细表!B31", "一般公共预算财政拨款基本支出决算明细表!B85"]);
    expect(cellsOf("basicDetail.e302")).toHaveLength(ITEMS_302.length + 1);
  });
});

describe("上海市普陀区规划和自然资源局 2024 年度部门决算 (real, all nine 公开表, 三公 with figures)", () => {
  const data = load("shanghai-putuo-guihuaziyuan-2024.json");
  const r = reader(data);

  test("the reader's own arithmetic finds eleven slips, each of 0.01 or 0.02", () => {
    expect(data.source.url).toMatch(/^https:\/\//);
    expect(slipsOf(r)).toEqual(
      [
        // The same 类 printed differently: 公开01表 against 公开03表, 公开04表 against 公开05表.
        ["summary.class.210", "236.63", "236.64"],
        ["summary.class.212", "3845.25", "3845.24"],
        ["fiscal.class.general.210", "236.63", "236.64"],
        // 公开04表: 754.75 + 236.63 + 3832.36 + 4461.67 + 461.08 = 9746.49, printed 9746.50 (合计 and 一般公共预算 columns).
        ["fiscalSpending.total[total]", "9746.50", "9746.49"],
        ["fiscalSpending.total[general]", "9746.50", "9746.49"],
        // 公开05表: 合计 against 基本 + 项目 on the 合计 row, 212 类, 21201 款 and its 项 2120101.
        ["generalSpending.row[all]", "9746.50", "9746.49"],
        ["generalSpending.row[line[12]]", "3832.36", "3832.35"],
        ["generalSpending.row[line[13]]", "1092.80", "1092.79"],
        ["generalSpending.row[line[14]]", "1092.80", "1092.79"],
        // 公开06表: 302 against its items, 人员经费 against 301 + 303.
        ["basicDetail.e302", "440.90", "440.88"],
        ["basicDetail.personnel", "4884.09", "4884.10"],
      ].sort(),
    );
    // Two tables disagreeing on one figure is an error; a total off by its parts' rounding is a 尾差.
    expect(errorsOf(r)).toEqual(["fiscal.class.general.210", "summary.class.210", "summary.class.212"]);
  });

  test("check reports exactly those slips and nothing on the figures that agree (三公 sums, 决算 ≤ 预算, 30217 ≤ 三公接待费 included)", () => {
    expectCheckMatchesReader(data, r);
    const checked = r.checkable.map((c) => c.rule);
    expect(checked).toEqual(expect.arrayContaining(["sangong.total[actual]", "sangong.overspend[reception]", "sangong.basic.30217", "general.basic"]));
  });
});

describe("上海市普陀区财政局 2024 年度部门决算 (real, all nine 公开表, 三公 with a budget and no spending)", () => {
  const data = load("shanghai-putuo-caizhengju-2024.json");
  const r = reader(data);

  test("the reader's own arithmetic finds ten slips: 社会保障和就业支出 printed 326.71 beside 326.72, 合计 rows a cent off their 类, 301 and 302 off their items", () => {
    expect(data.source.url).toMatch(/^https:\/\//);
    expect(slipsOf(r)).toEqual(
      [
        // 84.65 + 160.75 + 80.38 + 0.94 = 326.72, as 公开02/03/05表 print it; 公开01表 and 公开04表 print 326.71.
        ["summary.class.208", "326.71", "326.72"],
        ["fiscal.class.general.208", "326.71", "326.72"],
        // The 合计 rows against Σ类 (2106.66 + 326.72 + 60.99 + 445.69 = 2940.06; with 6.20 其他收入, 2946.26).
        ["incomeDetail.hierarchy[all,total]", "2946.25", "2946.26"],
        ["incomeDetail.hierarchy[all,fiscal]", "2940.05", "2940.06"],
        ["expenseDetail.hierarchy[all,total]", "2940.05", "2940.06"],
        ["expenseDetail.hierarchy[all,basic]", "2336.91", "2336.92"],
        ["generalSpending.hierarchy[all,total]", "2940.05", "2940.06"],
        ["generalSpending.hierarchy[all,basic]", "2336.91", "2336.92"],
        // 公开06表: 301 and 302 against their items.
        ["basicDetail.e301", "2082.85", "2082.86"],
        ["basicDetail.e302", "171.07", "171.09"],
      ].sort(),
    );
    expect(errorsOf(r)).toEqual(["fiscal.class.general.208", "summary.class.208"]);
  });

  test("check reports exactly those slips and nothing on the figures that agree (三公 合计 = 接待费 预算 included)", () => {
    expectCheckMatchesReader(data, r);
    expect(r.checkable.map((c) => c.rule)).toEqual(expect.arrayContaining(["sangong.total[budget]", "basicDetail.personnel", "general.basic", "fiscalIncome.grandTotal"]));
  });
});
