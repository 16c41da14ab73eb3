/**
 * The 部门决算 情况说明 written from the 决算 form's bindings (forms/mof-juesuan-narrative.ts):
 * the published sentences of the fixtures' reports recomputed, every figure against the BigInt
 * oracle over random 决算 data, never a percentage on a zero base, and 叙述核对 of the paragraphs
 * raising nothing.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { narrate, verifyNarrative } from "../../../src/core/narrative";
import { validateForm, type ReportData } from "../../../src/core/spec";
import { mofBumenJuesuan as form } from "../../../src/core/spec/forms/mof-juesuan";
import type { FormSpec } from "../../../src/core/spec/types";
import { percentOf, plain } from "../money/exact-oracle";

const fixture = (name: string): ReportData => JSON.parse(readFileSync(join(__dirname, "../../fixtures/juesuan", `${name}.json`), "utf8")) as ReportData;
const text = (data: ReportData) =>
  narrate(form, data)
    .paragraphs.map((p) => p.text)
    .join("\n");
const paragraph = (data: ReportData, id: string) => narrate(form, data).paragraphs.find((p) => p.id === id)!;
/** Exact a − b of two 2-decimal amounts, as text (oracle). */
const minus = (a: string, b: string) => plain(toUnits(a) - toUnits(b), 2);
function toUnits(t: string): bigint {
  const [w, f = ""] = t.split(".");
  return BigInt(w + f.padEnd(2, "0").slice(0, 2));
}
const abs = (t: string) => t.replace(/^-/, "");

describe("the published 情况说明 of the fixtures' reports", () => {
  // 天水市幼儿园2017年度部门决算公开, http://www.kmxxf.com/jyj/info/1217/105784.htm:
  // "财政拨款收入1516.64万元，占89.88%；事业收入170.81万元，占10.12%"; "基本支出1121.09万元，占57.71%；
  // 项目支出821.48万元，占42.29%"; "财政拨款收入总计1516.64万元，与上年相比减少58.49万元，降低3.71%";
  // "一般公共预算财政拨款支出总计1741.75万元，与上年相比减少53.7万元，降低2.99%；完成年初预算100%，
  // 决算数大于预算数55.93万元".
  const tianshui = fixture("tianshui-kindergarten-2017");
  const v = tianshui.values as Record<string, string>;

  it("天水: each source's and each part's share is the published one, recomputed", () => {
    const income = paragraph(tianshui, "income").text;
    expect(percentOf(v["incomeDetail.all.fiscal"], v["incomeDetail.all.total"], 2)).toBe("89.88");
    expect(income).toContain(`财政拨款收入1516.64万元，占本年收入合计的${percentOf(v["incomeDetail.all.fiscal"], v["incomeDetail.all.total"], 2)}%`);
    expect(income).toContain(`事业收入170.81万元，占本年收入合计的${percentOf(v["incomeDetail.all.business"], v["incomeDetail.all.total"], 2)}%`);
    const expense = paragraph(tianshui, "expense").text;
    expect(expense).toContain(`基本支出1121.09万元，占本年支出合计的${percentOf(v["expenseDetail.all.basic"], v["expenseDetail.all.total"], 2)}%`);
    expect(expense).toContain("项目支出821.48万元，占本年支出合计的42.29%");
  });

  it("天水: the changes on the prior year are the published ones; 完成年初预算 is 103.32%, not the published 100%", () => {
    const fiscal = paragraph(tianshui, "fiscal").text;
    const fiscalDrop = abs(minus(v["fiscalIncome.total"], v["prior.fiscalIncomeTotal"]));
    expect(fiscalDrop).toBe("58.49");
    expect(fiscal).toContain(`财政拨款本年收入合计1516.64万元，比上年减少${fiscalDrop}万元，下降${percentOf(fiscalDrop, v["prior.fiscalIncomeTotal"], 2)}%`);
    expect(fiscal).toContain("下降3.71%");
    const general = paragraph(tianshui, "general").text;
    expect(general).toContain("比上年减少53.70万元，下降2.99%");
    const rate = percentOf(v["generalSpending.all.total"], v["generalSpending.all.budget"], 2);
    expect(rate).toBe("103.32");
    expect(general).toContain(`完成年初预算的${rate}%，决算数大于预算数${minus(v["generalSpending.all.total"], v["generalSpending.all.budget"])}万元`);
    expect(general).toContain("55.93万元");
    expect(general).not.toContain("完成年初预算的100%");
  });

  it("乌鲁木齐市政务服务中心2023: 收入总计 比上年增加58.21万元，增长15.46% (http://upcchem.com/wlmqs/c119485/202501/b6ed714d8d334d43bcd1e201fd61491c.shtml)", () => {
    const urumqi = fixture("urumqi-zwfw-2023");
    const u = urumqi.values as Record<string, string>;
    const up = minus(u["income.grandTotal"], u["prior.incomeGrandTotal"]);
    expect(paragraph(urumqi, "overall").text).toContain(`收入总计比上年增加${up}万元，增长${percentOf(up, u["prior.incomeGrandTotal"], 2)}%，主要原因是【请填写主要原因】`);
    expect(up).toBe("58.21");
  });

  it("叙述核对 of the paragraphs written from every fixture raises nothing and checks most figures", () => {
    for (const name of ["urumqi-zwfw-2023", "tianshui-kindergarten-2017", "planted-complete-2024"]) {
      const data = fixture(name);
      const r = verifyNarrative(form, data, text(data));
      expect(r.findings).toEqual([]);
      expect(r.summary.checked).toBeGreaterThan(r.summary.unchecked);
    }
  });
});

/** A 2-decimal amount as the 决算 tables print it. */
const amount = fc.bigInt({ min: 0n, max: 10n ** 9n }).map((u) => plain(u, 2));
/** Biased to the cases the wording turns on: 0, equal. */
const prior = (current: string) => fc.oneof(amount, fc.constant("0.00"), fc.constant(current));

describe("random 决算 data", () => {
  it("shares, changes and completion rates equal the oracle; a zero base gets words, never a percentage", () => {
    fc.assert(
      fc.property(
        fc.array(amount, { minLength: 3, maxLength: 3 }),
        amount.chain((c) => fc.tuple(fc.constant(c), prior(c))),
        fc.oneof(amount, fc.constant("0.00"), fc.constant("")),
        fc.tuple(amount, amount, amount),
        ([fiscal, business, other], [spent, priorGeneral], budget, [sangongBudget, sangongActual, sangongPrior]) => {
          const total = plain([fiscal, business, other].reduce((s, x) => s + toUnits(x), 0n), 2);
          const values: Record<string, string> = {
            "report.year": "2024",
            "incomeDetail.all.total": total,
            "incomeDetail.all.fiscal": fiscal,
            "incomeDetail.all.business": business,
            "incomeDetail.all.other": other,
            "generalSpending.all.total": spent,
            "prior.generalSpending": priorGeneral,
            "sangong.total.budget": sangongBudget,
            "sangong.total.actual": sangongActual,
            "sangong.total.prior": sangongPrior,
          };
          if (budget) values["generalSpending.all.budget"] = budget;
          const data: ReportData = { form: form.id, lists: {}, values };
          const income = paragraph(data, "income").text;
          // A part too small to show at 2 decimals says so rather than 0.00%.
          const rounded = (pct: string, part: string) => (pct === "0.00" && part !== "0.00" ? "不足0.01%" : `${pct}%`);
          if (total !== "0.00") expect(income).toContain(`财政拨款收入${fiscal}万元，占本年收入合计的${rounded(percentOf(fiscal, total, 2), fiscal)}`);
          const general = paragraph(data, "general").text;
          const diff = minus(spent, priorGeneral);
          if (priorGeneral === "0.00") {
            expect(general).toContain(diff === "0.00" ? "与上年持平" : `上年为0，本年新增${diff}万元`);
          } else if (diff === "0.00") expect(general).toContain("与上年持平");
          else {
            const pct = percentOf(abs(diff), priorGeneral, 2);
            const shown = pct === "0.00" ? "不足0.01%" : `${pct}%`;
            expect(general).toContain(diff.startsWith("-") ? `比上年减少${abs(diff)}万元，下降${shown}` : `比上年增加${diff}万元，增长${shown}`);
          }
          // The total's 年初预算数 left blank: nothing is said of it; 0: no percentage.
          if (!budget) expect(general).not.toContain("年初预算");
          else if (budget === "0.00") expect(general).toContain("年初未作预算");
          else expect(general).toContain(`完成年初预算的${rounded(percentOf(spent, budget, 2), spent)}`);
          const sangong = paragraph(data, "sangong").text;
          if (sangongBudget === "0.00") expect(sangong).toContain("年初未作预算");
          else expect(sangong).toContain(`完成预算的${rounded(percentOf(sangongActual, sangongBudget, 2), sangongActual)}`);
          // No percentage change on a zero base, ever.
          expect(text(data)).not.toMatch(/上年为0[^。；]*%/);
          const r = verifyNarrative(form, data, text(data));
          expect(r.findings.filter((f) => f.severity === "error")).toEqual([]);
        },
      ),
      { numRuns: 150 },
    );
  });

  it("by 类: only 3-digit codes are listed, each with its completion or 年初未作预算", () => {
    const lists = {
      generalFuncs: [
        { code: "201", name: "一般公共服务支出" },
        { code: "20101", name: "人大事务" },
        { code: "208", name: "社会保障和就业支出" },
      ],
    };
    const values = { "report.year": "2024", "generalSpending.all.total": "150.00", "generalSpending.line[1].total": "100.00", "generalSpending.line[1].budget": "80.00", "generalSpending.line[2].total": "100.00", "generalSpending.line[3].total": "50.00" };
    const general = paragraph({ form: form.id, lists, values }, "general").text;
    expect(general).toContain(`按支出功能分类，一般公共服务支出100.00万元，完成年初预算的${percentOf("100.00", "80.00", 2)}%；社会保障和就业支出50.00万元，年初未作预算`);
    expect(general).not.toContain("人大事务");
  });
});

describe("the binding language's new wording rules are validated", () => {
  const withSlot = (slot: unknown): FormSpec => ({ ...form, narrative: [{ id: "p", title: "t", sentences: [{ clauses: [{ kind: "text", id: "s", text: "{@x}", slots: { x: slot } } as never] }] }] });
  it("a {rate} change without a zeroBase wording, a ratio without {rate}, a zero wording with {rate}, bad codeLengths", () => {
    expect(validateForm(form)).toEqual([]);
    expect(validateForm(withSlot({ kind: "difference", of: ["income.total", "prior.incomeTotal"], positive: "增长{rate}", negative: "下降{rate}" })).join()).toContain("zeroBase");
    expect(validateForm(withSlot({ kind: "difference", of: ["income.total", "prior.incomeTotal"], positive: "增长{rate}", negative: "下降{rate}", zeroBase: "增长{rate}" })).join()).toContain("不能用 {rate}");
    expect(validateForm(withSlot({ kind: "ratio", of: ["income.total", "income.grandTotal"], text: "占多少" })).join()).toContain("应含 {rate}");
    expect(validateForm(withSlot({ kind: "ratio", of: ["income.total", "income.grandTotal"], text: "占{rate}", zero: "{rate}" })).join()).toContain("zero");
    expect(validateForm(withSlot({ kind: "each", list: "generalFuncs", lead: "", joiner: "", item: "{#name}", codeLengths: ["3"] })).join()).toContain("codeLengths");
  });
});
