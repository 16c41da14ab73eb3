import { readFileSync } from "node:fs";
import { join } from "node:path";
import { Dec } from "../../../src/core/money";
import { applyPlan, importLedger, planImport } from "../../../src/core/importer";
import type { ReportData } from "../../../src/core/spec";
import { makeLedgerText } from "./ledger-text";

const seed = JSON.parse(readFileSync(join(__dirname, "../../fixtures/seed-2020.json"), "utf8")) as ReportData;
const empty: ReportData = { form: seed.form, lists: {}, values: {} };
const tsv = (rows: string[][]) => rows.map((r) => r.join("\t")).join("\n");

const INCOME_HEADER = ["机构名称", "收入合计", "上年结转", "公共财政拨款", "政府基金拨款", "纳入专户管理的非税收入拨款", "其他收入"];
/** The seed's 局机关 income line, scaled by `factor` (10000 for 元), with no unit stated. */
function incomeLine(factor: number): string {
  const cols = ["total", "carryover", "fiscal", "fund", "nontax", "other"];
  return tsv([INCOME_HEADER, ["局机关", ...cols.map((c) => new Dec(seed.values[`income.unit[1].${c}`] as string).times(factor).toFixed(2))]]);
}

describe("units", () => {
  it("infers 元 from figures about 10,000× what the workbook holds in the same cells, and says so", () => {
    const plan = planImport(incomeLine(10000), { reference: seed });
    expect(plan.unit).toMatchObject({ value: "元", how: "inferred" });
    expect(plan.unit!.reason).toContain("10000 倍");
    const carry = plan.writes.find((w) => w.fieldId === "income.unit[1].carryover")!;
    expect(new Dec(carry.converted!).eq(new Dec(seed.values["income.unit[1].carryover"] as string))).toBe(true);
    // The cell already held the seed's figure: the plan lists the overwrite.
    expect(carry.existing).toBe(seed.values["income.unit[1].carryover"]);
  });

  it("infers 万元 from figures the same size as the workbook's", () => {
    expect(planImport(incomeLine(1), { reference: seed }).unit).toMatchObject({ value: "万元", how: "inferred" });
  });

  it("without a workbook: a median beyond what a 万元 line item can be is 元; more than 2 decimals is 万元", () => {
    expect(planImport(incomeLine(10000)).unit).toMatchObject({ value: "元", how: "inferred" });
    expect(planImport(incomeLine(1)).unit).toMatchObject({ value: "万元", how: "inferred" });
    const fine = tsv([INCOME_HEADER, ["局机关", "1075810", "241490.123", "0", "0", "0", "0"]]);
    const plan = planImport(fine);
    expect(plan.unit).toMatchObject({ value: "万元", how: "inferred" });
    expect(plan.unit!.reason).toContain("3位小数");
  });

  it("a given unit overrides what the export states, and the plan says it did", () => {
    const plan = planImport(`单位：元\n${incomeLine(1)}`, { unit: "万元" });
    expect(plan.unit).toMatchObject({ value: "万元", how: "given" });
    expect(plan.unit!.reason).toContain("单位：元");
  });

  it("converts exactly: 1 元 is 0.0001 万元, stored as exact", () => {
    const plan = planImport(`单位：元\n${tsv([INCOME_HEADER, ["局机关", "", "0.01", "1", "123,456,789,012.34", "", ""]])}`, { table: "income" });
    const byId = new Map(plan.writes.map((w) => [w.fieldId, w]));
    expect(byId.get("income.unit[1].carryover")!.converted).toBe("0.000001");
    expect(byId.get("income.unit[1].fiscal")!.value).toEqual({ value: "0.0001", exact: true });
    expect(byId.get("income.unit[1].fund")!.value).toEqual({ value: "12345678.901234", exact: true });
  });
});

describe("what is not a number stays out, with a reason", () => {
  const plan = planImport(
    tsv([
      INCOME_HEADER.concat(["备注"]),
      ["=SUM(A1)", "=1+1", "12%", "@5", "+5", "-", "（12.30）", "看附表"],
      ["局机关", "", "1", "", "", "", "", ""],
      ["局机关", "", "2", "", "", "", "", ""],
    ]),
    { table: "income", unit: "万元" },
  );

  it("never evaluates a formula-looking value; a label that looks like one is kept as text", () => {
    const reject = (text: string) => plan.rejects.find((r) => r.text === text);
    expect(reject("=1+1")?.reason).toContain("无法识别为金额");
    expect(reject("@5")?.reason).toContain("无法识别为金额");
    expect(reject("12%")?.reason).toContain("百分比");
    const add = plan.listAdds.find((a) => a.entry.name === "=SUM(A1)")!;
    expect(add).toMatchObject({ asText: true, index: 1 });
    expect(plan.consumed.find((c) => c.text === "=SUM(A1)")).toMatchObject({ role: "label", asText: true });
  });

  it("takes signs, dashes and accounting negatives as the figures they show", () => {
    const byText = new Map(plan.writes.map((w) => [w.text, w]));
    expect(byText.get("+5")!.converted).toBe("5");
    expect(byText.get("-")).toMatchObject({ converted: "0", noFigure: true, value: "0" });
    expect(byText.get("（12.30）")!.converted).toBe("-12.30");
  });

  it("names the column it could not map and the line it would not import twice", () => {
    expect(plan.rejects.find((r) => r.text === "看附表")?.reason).toContain("“备注”");
    expect(plan.rejects.find((r) => r.line === 4 && r.text === "2")?.reason).toContain("与第3行对应同一行");
    expect(plan.writes.find((w) => w.line === 3)?.text).toBe("1");
  });
});

describe("tables", () => {
  it("refuses to guess between tables an export fits equally, and throws for an unknown table name", () => {
    const plan = planImport(tsv([["名称", "合计"], ["局机关", "12.00"]]));
    expect(plan.table).toBeUndefined();
    expect(plan.writes).toEqual([]);
    expect(plan.rejects.length).toBe(4);
    expect(plan.rejects[0].reason).toContain("无法");
    expect(() => planImport("a\tb", { table: "nosuch" })).toThrow(/未知的表/);
  });

  it("imports a record table (one value per row), leaving its formula rows to be compared", () => {
    const text = tsv([
      ["预算项目", "合计", "科技局"],
      ["财政拨款", "522.08", "522.08"],
      ["其中：财政经费拨款", "502.28", "502.28"],
      ["纳入一般公共预算管理的非税收入拨款", "19.80", "19.80"],
      ["收入预算合计", "522.08", "522.08"],
      ["基本支出", "507.32", "507.32"],
      ["其中：财政拨款支出", "507.32", "507.32"],
      ["项目支出", "14.76", "14.76"],
      ["其中：财政拨款支出", "14.76", "14.76"],
      ["支出预算合计", "522.08", "522.08"],
    ]);
    const plan = planImport(`单位：万元\n${text}`, { table: "budget" });
    const written = Object.fromEntries(plan.writes.map((w) => [w.fieldId, w.converted]));
    expect(written).toEqual({
      "budget.fiscalFunds": "502.28",
      "budget.nontax": "19.80",
      "budget.basic": "507.32",
      "budget.basicFiscal": "507.32",
      "budget.project": "14.76",
      "budget.projectFiscal": "14.76",
    });
    expect(plan.totals.map((t) => [t.fieldId, t.status])).toEqual([
      ["budget.fiscal", "agrees"],
      ["budget.incomeTotal", "agrees"],
      ["budget.expenseTotal", "agrees"],
    ]);
    // Two rows read "其中：财政拨款支出": told apart by their order in the form.
    expect(plan.rows.filter((r) => r.label === "其中：财政拨款支出").map((r) => r.rowId)).toEqual(["basicFiscal", "projectFiscal"]);
    // The second value column repeats the first: left out, with the reason.
    expect(plan.rejects.length).toBe(9);
    expect(plan.rejects.every((r) => r.column === 3 && r.reason.includes("只有一个数值"))).toBe(true);
  });

  it("a 万元 total off by what rounding of its parts explains is a 尾差, not an error", () => {
    const text = tsv([
      ["机构名称", "三公经费合计", "公务接待费", "公务用车运维费", "公务用车购置费", "因公出国费"],
      ["局机关", "2.03", "1.90", "0.12", "0", "0"],
    ]);
    const plan = planImport(`单位：万元\n${text}`);
    const total = plan.totals.find((t) => t.fieldId === "sangongByUnit.unit[1].total")!;
    expect(total).toMatchObject({ status: "tail", expected: "2.02" });
    expect(plan.findings.find((f) => f.cell === total.cell)?.severity).toBe("info");
  });

  it("writes text fields as text, whatever they start with", () => {
    const text = tsv([
      ["姓名", "职务/职称", "单位"],
      ["曹合群", "=党组书记", "@岳阳市科技局"],
    ]);
    const plan = planImport(text, { table: "evaluators" });
    expect(plan.writes.map((w) => [w.fieldId, w.value, w.asText])).toEqual([
      ["evaluators.person[1].title", "=党组书记", true],
      ["evaluators.person[1].org", "@岳阳市科技局", true],
    ]);
  });
});

describe("部门决算 software layouts", () => {
  it("reads past a 栏次 row and a 行次 column as structure, and a group header whose 小计 column names 基本支出", () => {
    const text = tsv([
      ["支出决算表"],
      ["金额单位：元"],
      ["项目", "行次", "支出合计", "基本支出", "", "", "项目支出"],
      ["", "", "", "小计", "人员经费", "公用经费", ""],
      ["栏次", "", "1", "2", "3", "4", "5"],
      ["局机关", "1", "9,134,200.00", "5,816,200.00", "5,424,600.00", "391,600.00", "3,318,000.00"],
    ]);
    const plan = planImport(text, { table: "expense" });
    expect(plan.rejects).toEqual([]);
    expect(plan.columns.map((c) => [c.role, c.columnId ?? ""])).toEqual([
      ["label", ""],
      ["sequence", ""],
      ["value", "total"],
      ["value", "basic"],
      ["value", "personnel"],
      ["value", "public"],
      ["value", "project"],
    ]);
    expect(plan.consumed.filter((c) => c.line === 5).map((c) => c.role)).toEqual(new Array(6).fill("header"));
    expect(plan.consumed.find((c) => c.line === 6 && c.column === 2)?.role).toBe("sequence");
    expect(plan.writes.map((w) => [w.fieldId, w.converted])).toEqual([
      ["expense.unit[1].personnel", "542.46"],
      ["expense.unit[1].public", "39.16"],
      ["expense.unit[1].project", "331.8"],
    ]);
    expect(plan.totals.map((t) => [t.fieldId, t.status])).toEqual([
      ["expense.unit[1].total", "agrees"],
      ["expense.unit[1].basic", "agrees"],
    ]);
  });
});

describe("科目 ledgers", () => {
  it("places 项 lines as 功能科目 entries and checks each 类/款 line against the lines under it", () => {
    const text = [
      "单位：元",
      "科目编码\t科目名称\t金额",
      "206\t科学技术支出\t1,110,000.00",
      "20601\t　　科学技术管理事务\t1,110,000.00",
      "2060101\t　　　　行政运行\t1,000,000.00",
      "2060199\t　　　　其他科学技术管理事务支出\t110,000.00",
      "208\t社会保障和就业支出\t500,000.00",
      "2080505\t　　　　机关事业单位基本养老保险缴费支出\t400,000.00",
    ].join("\n");
    const plan = planImport(text, { table: "funcBasic" });
    expect(plan.listAdds.map((a) => [a.entry.code, a.entry.name])).toEqual([
      ["2060101", "行政运行"],
      ["2060199", "其他科学技术管理事务支出"],
      ["2080505", "机关事业单位基本养老保险缴费支出"],
    ]);
    expect(plan.writes.map((w) => w.converted)).toEqual(["100", "11", "40"]);
    const subtotals = plan.totals.filter((t) => t.kind === "subtotal");
    expect(subtotals.map((t) => [t.label, t.status])).toEqual([
      ["206 科学技术支出", "agrees"],
      ["20601 科学技术管理事务", "agrees"],
      ["208 社会保障和就业支出", "differs"],
    ]);
    expect(subtotals[2].message).toContain("相差 10");
  });

  it("a line without a code is the first entry of its name; a line with another code is a new entry", () => {
    const text = [
      "单位：元",
      "科目编码\t科目名称\t金额",
      "2060101\t行政运行\t1,000.00",
      "2060102\t行政运行\t2,000.00",
      "\t行政运行\t500.00",
      "2060103\t行政运行\t3,000.00",
      "\t一般行政管理事务\t700.00",
    ].join("\n");
    const plan = planImport(text, { table: "funcBasic" });
    expect(plan.listAdds.map((a) => [a.index, a.entry.code, a.entry.name])).toEqual([
      [1, "2060101", "行政运行"],
      [2, "2060102", "行政运行"],
      [3, "2060103", "行政运行"],
      [4, undefined, "一般行政管理事务"],
    ]);
    const uncoded = plan.rows.find((r) => r.line === 5)!;
    expect([uncoded.role, uncoded.reason]).toEqual(["rejected", expect.stringContaining("与第3行对应同一行")]);
    expect(plan.rejects.map((r) => r.line)).toEqual([5, 5]);
  });

  it("importLedger handles 100,000 lines: every 项 placed once, every 类/款 and the 合计 checked, amounts exact", () => {
    const ledger = makeLedgerText(100_000);
    const plan = importLedger(ledger.text);
    expect(plan.rejects).toEqual([]);
    expect(plan.writes.length).toBe(ledger.leaves);
    expect(plan.listAdds.length).toBe(ledger.leaves);
    expect(plan.totals.every((t) => t.status === "agrees")).toBe(true);
    const sum = plan.writes.reduce((s, w) => s.plus(new Dec(w.converted!)), new Dec(0));
    expect(sum.eq(new Dec(`${ledger.totalFen}e-6`))).toBe(true);
    const grand = plan.totals.find((t) => t.fieldId === "funcBasic.total.amount")!;
    expect(new Dec(grand.exported).eq(sum)).toBe(true);
  }, 240_000);
});

describe("applyPlan", () => {
  const plan = planImport(readFileSync(join(__dirname, "../../fixtures/exports/income-yuan.tsv"), "utf8"));

  it("returns new data with the list entries and values, leaving its input untouched", () => {
    const before = JSON.stringify(empty);
    const after = applyPlan(empty, plan);
    expect(JSON.stringify(empty)).toBe(before);
    expect(after.lists.units.map((u) => u.name)).toEqual(["局机关", "科技信息管理办公室"]);
    expect(after.values["income.unit[2].fiscal"]).toEqual({ value: "201.40", exact: true });
    expect(Object.keys(after.values).length).toBe(plan.writes.length);
  });

  it("refuses data whose lists changed since the plan was made", () => {
    const moved: ReportData = { ...empty, lists: { units: [{ name: "别的单位" }] } };
    expect(() => applyPlan(moved, plan)).toThrow(/重新生成导入计划/);
  });
});
