/**
 * `narrate` on two real 部门决算 (上海市普陀区 2024, test/fixtures/juesuan/shanghai-putuo-*.json):
 * every figure of every paragraph is either a cell of the report or one this test recomputes with
 * decimal.js, rounded half up; where the report's own 情况说明 printed a different figure, the test
 * says which and why.
 */
import Decimal from "decimal.js";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { narrate, verifyNarrative } from "../../../src/core/narrative";
import { validateForm, type ReportData } from "../../../src/core/spec";
import { mofBumenJuesuan as form } from "../../../src/core/spec/forms/mof-juesuan";

const load = (name: string) => JSON.parse(readFileSync(join(__dirname, "../../fixtures/juesuan", `${name}.json`), "utf8")) as ReportData & { values: Record<string, string> };
const d = (t: string) => new Decimal(t);
const money = (x: Decimal) => x.toFixed(2, Decimal.ROUND_HALF_UP);
/** a ÷ b as a percentage, 2 decimals, half up. */
const pct = (a: Decimal, b: Decimal) => a.div(b).times(100).toFixed(2, Decimal.ROUND_HALF_UP);

const paragraphs = (data: ReportData) => new Map(narrate(form, data).paragraphs.map((p) => [p.id, p.text]));
/** Every amount and percentage a paragraph states. */
const figuresIn = (text: string) => [...text.matchAll(/(\d+\.\d{2})(?:万元|%)/g)].map((m) => m[1]);

/** Each stated figure is a printed cell of the report or one of `computed`. */
function expectOnlyKnownFigures(data: ReportData & { values: Record<string, string> }, texts: Map<string, string>, computed: string[]) {
  const known = new Set([...Object.values(data.values).filter((v) => /^\d+\.\d{2}$/.test(v)), ...computed]);
  for (const [id, text] of texts)
    expect({
      id,
      unknown: figuresIn(text).filter((f) => !known.has(f)),
    }).toEqual({ id, unknown: [] });
}

describe("上海市普陀区规划和自然资源局 2024: the 情况说明 narrate writes", () => {
  const data = load("shanghai-putuo-guihuaziyuan-2024");
  const v = data.values;
  const p = paragraphs(data);

  // The reader's figures.
  const grandChange = d(v["income.grandTotal"]!).minus(d(v["prior.incomeGrandTotal"]!));
  const fiscalChange = d(v["fiscalIncome.grandTotal"]!).minus(d(v["prior.fiscalGrandTotal"]!));
  const generalChange = d(v["generalSpending.all.total"]!).minus(d(v["prior.generalSpending"]!));
  const generalShare = pct(d(v["generalSpending.all.total"]!), d(v["expenseDetail.all.total"]!));
  const completion = pct(d(v["generalSpending.all.total"]!), d(v["generalSpending.all.budget"]!));
  const underBudget = d(v["generalSpending.all.budget"]!).minus(d(v["generalSpending.all.total"]!));
  const sangongRate = pct(d(v["sangong.total.actual"]!), d(v["sangong.total.budget"]!));
  const sangongGap = d(v["sangong.total.budget"]!).minus(d(v["sangong.total.actual"]!));
  const sangongDrop = d(v["sangong.total.prior"]!).minus(d(v["sangong.total.actual"]!));
  const opsDrop = d(v["prior.opsFunds"]!).minus(d(v["extra.opsFunds"]!));

  test("the changes on the prior year are those the report published", () => {
    expect([money(grandChange), pct(grandChange, d(v["prior.incomeGrandTotal"]!))]).toEqual(["1062.85", "12.08"]);
    expect(p.get("overall")).toContain(`收入总计比上年增加${money(grandChange)}万元，增长${pct(grandChange, d(v["prior.incomeGrandTotal"]!))}%`);
    expect([money(fiscalChange), pct(fiscalChange, d(v["prior.fiscalGrandTotal"]!))]).toEqual(["1193.20", "13.95"]);
    expect(p.get("fiscal")).toContain(`财政拨款收入总计比上年增加${money(fiscalChange)}万元，增长${pct(fiscalChange, d(v["prior.fiscalGrandTotal"]!))}%`);
    expect(p.get("general")).toContain(`比上年增加${money(generalChange)}万元，增长${pct(generalChange, d(v["prior.generalSpending"]!))}%`);
    expect(p.get("sangong")).toContain(`比上年减少${money(sangongDrop)}万元，下降${pct(sangongDrop, d(v["sangong.total.prior"]!))}%`);
    expect(pct(sangongDrop, d(v["sangong.total.prior"]!))).toBe("27.78");
    expect(p.get("opsFunds")).toContain(`比上年减少${money(opsDrop)}万元，下降${pct(opsDrop, d(v["prior.opsFunds"]!))}%`);
    expect(pct(opsDrop, d(v["prior.opsFunds"]!))).toBe("8.65");
  });

  test("the shares and completion rates are exact, rounded half up — two of them are not the report's (it printed 99.86% and 95.45%)", () => {
    for (const [part, label] of [
      ["expenseDetail.all.basic", "基本支出"],
      ["expenseDetail.all.project", "项目支出"],
    ] as const) {
      expect(p.get("expense")).toContain(`${label}${v[part]}万元，占本年支出合计的${pct(d(v[part]!), d(v["expenseDetail.all.total"]!))}%`);
    }
    // 9746.50 ÷ 9759.38 = 99.868…%: the report's 99.86% drops the third decimal instead of rounding.
    expect(generalShare).toBe("99.87");
    expect(p.get("general")).toContain(`占本年支出合计的${generalShare}%`);
    // 9746.50 ÷ 10210.34 = 95.457…%: the report printed 95.45%.
    expect(completion).toBe("95.46");
    expect(p.get("general")).toContain(`完成年初预算的${completion}%，决算数小于预算数${money(underBudget)}万元`);
    expect(p.get("sangong")).toContain(
      `预算为${v["sangong.total.budget"]}万元，决算为${v["sangong.total.actual"]}万元，完成预算的${sangongRate}%，决算数小于预算数${money(sangongGap)}万元`,
    );
  });

  test("the 类 are listed without a completion rate: the report gives its 年初预算 in total, not by 类, so none is 年初未作预算", () => {
    const general = p.get("general")!;
    expect(general).toContain(`年初预算为${v["generalSpending.all.budget"]}万元`);
    expect(general).not.toContain("年初未作预算");
    expect(general).toContain(`按支出功能分类，社会保障和就业支出${v["generalSpending.line[1].total"]}万元；卫生健康支出${v["generalSpending.line[8].total"]}万元；`);
  });

  test("基本支出 is 公开05表's (5364.75), with 人员经费 4884.09 as 公开06表 prints it — not the report's 5377.64 (公开03表, all funds) and 4896.98", () => {
    const basic = p.get("basic")!;
    expect(basic).toContain(`基本支出${v["generalSpending.all.basic"]}万元。人员经费${v["basicDetail.personnel"]}万元`);
    expect(basic).toContain(`公用经费${v["basicDetail.public"]}万元`);
    // The report's 人员经费 4896.98 is 5377.64 − 480.66: 公开03表's 基本支出 less 公用经费.
    expect(money(d(v["expenseDetail.all.basic"]!).minus(d(v["basicDetail.public"]!)))).toBe("4896.98");
  });

  test("叙述核对 reads the report's 财政拨款收入支出总计 as this year's 公开04表 总计, not as the 上年 figure of that name", () => {
    // The report's own sentence (情况说明 四). Read as 上年决算数·财政拨款收入支出总计 (8553.30) it was a false error.
    const said = verifyNarrative(form, data, "上海市普陀区规划和自然资源局 2024 年度财政拨款收入支出总计 9746.50 万元。");
    expect(said.findings.filter((f) => f.severity === "error")).toEqual([]);
    expect(said.checked.map((c) => [c.quote.trim(), c.status])).toEqual([["财政拨款收入支出总计 9746.50 万元", "agrees"]]);
  });

  test("no paragraph states a figure that is neither a cell nor recomputed here", () => {
    const computed = [
      money(grandChange),
      pct(grandChange, d(v["prior.incomeGrandTotal"]!)),
      money(fiscalChange),
      pct(fiscalChange, d(v["prior.fiscalGrandTotal"]!)),
      pct(d(v["incomeDetail.all.fiscal"]!), d(v["incomeDetail.all.total"]!)),
      pct(d(v["expenseDetail.all.basic"]!), d(v["expenseDetail.all.total"]!)),
      pct(d(v["expenseDetail.all.project"]!), d(v["expenseDetail.all.total"]!)),
      generalShare,
      completion,
      money(underBudget),
      sangongRate,
      pct(d(v["sangong.reception.actual"]!), d(v["sangong.reception.budget"]!)),
      money(sangongGap),
      money(sangongDrop),
      pct(sangongDrop, d(v["sangong.total.prior"]!)),
      money(opsDrop),
      pct(opsDrop, d(v["prior.opsFunds"]!)),
    ];
    expect(p.size).toBe(8);
    expectOnlyKnownFigures(data, p, computed);
  });
});

describe("中共上海市普陀区委社会工作部 2024 (a unit set up in 2024): no change is a percentage on a zero base", () => {
  const data = load("shanghai-putuo-shehuigongzuobu-2024");
  const v = data.values;
  const p = paragraphs(data);

  test("上年为0 and 本年新增 the whole amount, where the report wrote 增长 100.00%", () => {
    expect(p.get("overall")).toContain(`收入总计上年为0，本年新增${v["income.grandTotal"]}万元`);
    expect(p.get("opsFunds")).toContain(`上年为0，本年新增${v["extra.opsFunds"]}万元`);
    for (const text of p.values()) expect(text).not.toMatch(/上年为0[^。；]*%/);
  });

  test("the shares are exact: 基本支出 34.30%, 项目支出 65.70%, as published", () => {
    const total = d(v["expenseDetail.all.total"]!);
    expect([pct(d(v["expenseDetail.all.basic"]!), total), pct(d(v["expenseDetail.all.project"]!), total)]).toEqual(["34.30", "65.70"]);
    expect(p.get("expense")).toContain(
      `基本支出${v["expenseDetail.all.basic"]}万元，占本年支出合计的34.30%；项目支出${v["expenseDetail.all.project"]}万元，占本年支出合计的65.70%`,
    );
    expectOnlyKnownFigures(data, p, ["34.30", "65.70", "100.00"]);
  });

  test("公开07表 marked 本表无数据: the 三公 paragraph says there was none, as the report does, instead of listing its cells as 未填写", () => {
    const sangong = narrate(form, data).paragraphs.find((x) => x.id === "sangong")!;
    expect(data.values["sangong.total.budget"]).toBe("本表无数据");
    expect(sangong.status).toBe("ok");
    expect(sangong.text).toBe(`${v["report.selfRef"]}${v["report.year"]}年度无财政拨款“三公”经费支出。`);
  });

  test("a 三公 table merely left blank is not 本表无数据: the paragraph says what it lacks and claims nothing", () => {
    const values = Object.fromEntries(Object.entries(v).filter(([id]) => !id.startsWith("sangong.")));
    const sangong = narrate(form, { ...data, values }).paragraphs.find((x) => x.id === "sangong")!;
    expect(sangong.status).toBe("missing");
    expect(sangong.text).toBe("");
    expect(sangong.missing.map((m) => m.field)).toContain("sangong.total.actual");
  });

  test("a 本表无数据 wording naming a table the form does not have is refused by validateForm", () => {
    const broken = {
      ...form,
      narrative: form.narrative!.map((x) => (x.noData ? { ...x, noData: { ...x.noData, table: "sanggong" } } : x)),
    };
    expect(validateForm(broken).join("\n")).toContain("noData.table：表「sanggong」不在表式中");
  });
});

describe("上海市普陀区财政局 2024: every figure narrate writes is a cell or recomputed here", () => {
  const data = load("shanghai-putuo-caizhengju-2024");
  const v = data.values;
  const p = paragraphs(data);
  const drop = d(v["prior.incomeGrandTotal"]!).minus(d(v["income.grandTotal"]!));
  const generalDrop = d(v["prior.generalSpending"]!).minus(d(v["generalSpending.all.total"]!));
  const opsRise = d(v["extra.opsFunds"]!).minus(d(v["prior.opsFunds"]!));
  const income = d(v["incomeDetail.all.total"]!);
  const spent = d(v["expenseDetail.all.total"]!);

  test("the changes and shares are the report's: 下降1.87%, 2.10%; 增长1.40%; 99.79%/0.21%, 79.49%/20.51%; 完成年初预算的98.20%", () => {
    expect([pct(drop, d(v["prior.incomeGrandTotal"]!)), pct(generalDrop, d(v["prior.generalSpending"]!)), pct(opsRise, d(v["prior.opsFunds"]!))]).toEqual(["1.87", "2.10", "1.40"]);
    expect(p.get("overall")).toContain(`收入总计比上年减少${money(drop)}万元，下降1.87%`);
    expect(p.get("general")).toContain(`比上年减少${money(generalDrop)}万元，下降2.10%`);
    expect(p.get("opsFunds")).toContain(`比上年增加${money(opsRise)}万元，增长1.40%`);
    expect(p.get("income")).toContain(
      `财政拨款收入${v["incomeDetail.all.fiscal"]}万元，占本年收入合计的${pct(d(v["incomeDetail.all.fiscal"]!), income)}%；其他收入${v["incomeDetail.all.other"]}万元，占本年收入合计的${pct(d(v["incomeDetail.all.other"]!), income)}%`,
    );
    expect(p.get("expense")).toContain(`基本支出${v["expenseDetail.all.basic"]}万元，占本年支出合计的${pct(d(v["expenseDetail.all.basic"]!), spent)}%`);
    const completion = pct(d(v["generalSpending.all.total"]!), d(v["generalSpending.all.budget"]!));
    expect(completion).toBe("98.20");
    expect(p.get("general")).toContain(`完成年初预算的${completion}%，决算数小于预算数${money(d(v["generalSpending.all.budget"]!).minus(d(v["generalSpending.all.total"]!)))}万元`);
    // 财政拨款收入支出总计: the report printed "0.3万元……持平"; narrate states the table's 2961.68, and no change (no 上年 figure given).
    expect(p.get("fiscal")).toContain(`财政拨款收入总计${v["fiscalIncome.grandTotal"]}万元`);
    expect(p.get("fiscal")).not.toContain("上年");
  });

  test("no figure but the cells and these", () => {
    const computed = [
      money(drop),
      "1.87",
      money(generalDrop),
      "2.10",
      money(opsRise),
      "1.40",
      pct(d(v["incomeDetail.all.fiscal"]!), income),
      pct(d(v["incomeDetail.all.other"]!), income),
      pct(d(v["expenseDetail.all.basic"]!), spent),
      pct(d(v["expenseDetail.all.project"]!), spent),
      pct(d(v["generalSpending.all.total"]!), spent),
      "98.20",
      money(d(v["generalSpending.all.budget"]!).minus(d(v["generalSpending.all.total"]!))),
    ];
    expectOnlyKnownFigures(data, p, computed);
  });
});
