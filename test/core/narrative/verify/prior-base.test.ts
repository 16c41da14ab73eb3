/**
 * Changes on a named base: 比上年预算 / 比2021年预算数 / 比上年年初预算 / 与2023年预算相比 /
 * 比上年决算数. The base is matched to the form's prior-year column by its label (上年预算数,
 * 上年决算数): the sentence is checked only against a column of that kind, and where the form's
 * prior column is the other kind (or does not say) it stays 未核对 with the reason.
 */
import fc from "fast-check";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { verifyNarrative } from "../../../../src/core/narrative";
import type { ReportData } from "../../../../src/core/spec/data";
import type { FormSpec } from "../../../../src/core/spec/types";
import { percentOf, plain, scaled } from "../../money/exact-oracle";

const FORMS = join(__dirname, "..", "..", "..", "fixtures", "corpus", "forms");
const load = (name: string) => JSON.parse(readFileSync(join(FORMS, name), "utf8")) as FormSpec;
/** 部门预算's 三公 table: 本年预算数 | 上年预算数. */
const budgetForm = load("sangong-budget.json");
/** 部门决算's 三公 table: 预算数 | 决算数 | 上年决算数. */
const actualForm = load("sangong.json");
/** The budget table with its columns only saying 本年 | 上年: whether 上年 is a 预算 or a 决算 is unknown. */
const bareForm = JSON.parse(JSON.stringify(budgetForm).replace('"本年预算数"', '"本年"').replace('"上年预算数"', '"上年"')) as FormSpec;

const YEAR = 2022;
const budgetData = (current: string, prior: string): ReportData => ({ form: budgetForm.id, values: { "report.year": String(YEAR), "sangong.reception.current": current, "sangong.reception.prior": prior }, lists: {} });
const actualData = (current: string, prior: string): ReportData => ({ form: actualForm.id, values: { "report.year": String(YEAR), "sangong.reception.budget": "99.00", "sangong.reception.actual": current, "sangong.reception.prior": prior }, lists: {} });

/** a − b, exactly, as text at 2 decimals. */
function minus(a: string, b: string): string {
  const x = scaled(a);
  const y = scaled(b);
  return plain(x.units * 10n ** BigInt(2 - x.scale) - y.units * 10n ** BigInt(2 - y.scale), 2);
}

/** "比上年预算减少4.00万元，下降50.00%": the true sentence about a change, in the given comparison. */
function trueChange(comparison: string, current: string, prior: string): string {
  const diff = minus(current, prior);
  const fell = diff.startsWith("-");
  const size = fell ? diff.slice(1) : diff;
  if (Number(size) === 0) return `公务接待费支出预算${current}万元，${comparison}持平。`;
  return `公务接待费支出预算${current}万元，${comparison}${fell ? "减少" : "增加"}${size}万元，${fell ? "下降" : "增长"}${percentOf(size, prior, 2)}%。`;
}

const BUDGET_COMPARISONS = ["比上年预算", `比${YEAR - 1}年预算`, `比${YEAR - 1}年预算数`, "比上年年初预算", `与${YEAR - 1}年预算相比`, "较上年预算"];
const cents = fc.integer({ min: 1, max: 99_999_99 }).map((n) => plain(BigInt(n), 2));
const errors = (text: string, form: FormSpec, data: ReportData) => verifyNarrative(form, data, text).findings.filter((f) => f.severity === "error");

describe("a change on the prior year's 预算", () => {
  it("true in every wording: checked, and no error (property)", () => {
    fc.assert(
      fc.property(cents, cents, fc.constantFrom(...BUDGET_COMPARISONS), (current, prior, comparison) => {
        const text = trueChange(comparison, current, prior);
        const r = verifyNarrative(budgetForm, budgetData(current, prior), text);
        expect(r.findings.filter((f) => f.severity === "error")).toEqual([]);
        // The amount and the percentage (or 持平) are both checked, not left 未核对.
        const changes = r.checked.filter((c) => c.fields.includes("sangong.reception.prior"));
        expect(changes.length).toBe(minus(current, prior) === "0.00" ? 1 : 2);
      }),
      { numRuns: 200 },
    );
  });

  it.each(BUDGET_COMPARISONS)("%s with a planted wrong amount: exactly one error", (comparison) => {
    // 公务接待费 8 → 4: 减少4万元, 下降50%. Written 减少5万元.
    const text = `公务接待费支出预算4万元，${comparison}减少5万元，下降50%。`;
    const found = errors(text, budgetForm, budgetData("4", "8"));
    expect(found).toHaveLength(1);
    expect(found[0].expected).toBe(`比上年减少${minus("8", "4")}万元`);
  });

  it.each(BUDGET_COMPARISONS)("%s with a planted wrong percentage: exactly one error", (comparison) => {
    const text = `公务接待费支出预算4万元，${comparison}减少4万元，下降40%。`;
    const found = errors(text, budgetForm, budgetData("4", "8"));
    expect(found).toHaveLength(1);
    expect(found[0].expected).toBe(`比上年降低${percentOf("4", "8", 0)}%`);
  });

  it("against a 决算 form (上年决算数): 未核对, with the reason, never an error", () => {
    const text = "公务接待费支出决算4万元，比上年预算减少5万元，下降62.5%。";
    const r = verifyNarrative(actualForm, actualData("4", "8"), text);
    expect(r.findings.filter((f) => f.severity === "error")).toEqual([]);
    expect(r.unchecked.map((u) => u.reason)).toContain("文中与上年预算比较，表中的上年数是决算数");
  });

  it("against a form whose 上年 column does not say 预算 or 决算: 未核对", () => {
    const r = verifyNarrative(bareForm, budgetData("4", "8"), "公务接待费4万元，比上年预算减少5万元。");
    expect(r.findings.filter((f) => f.severity === "error")).toEqual([]);
    expect(r.unchecked.map((u) => u.reason)).toContain("文中与上年预算比较，表中的上年数未注明是预算数还是决算数");
  });

  it("较年初预算减少32% (井研县2020: this year's 决算 on this year's budget) is not read as a change on the prior year", () => {
    const r = verifyNarrative(actualForm, actualData("10.00", "8.00"), "公务接待费决算支出10万元，较年初预算减少32%。");
    expect(r.findings.filter((f) => f.severity === "error")).toEqual([]);
    expect(r.checked.filter((c) => c.fields.includes("sangong.reception.prior"))).toEqual([]);
  });

  it("预算 said before the comparison (…预算比上年减少) is on the 预算 too: 未核对 against 上年决算数", () => {
    const r = verifyNarrative(actualForm, actualData("4", "8"), "公务接待费预算比上年减少5万元。");
    expect(r.findings.filter((f) => f.severity === "error")).toEqual([]);
    expect(r.checked).toEqual([]);
  });

  it("与2023年预算持平 / 较上年持平 after the label's own figure is checked", () => {
    const flat = verifyNarrative(budgetForm, budgetData("10", "10"), `公务接待费支出预算10万元，与${YEAR - 1}年预算持平；公务接待费10万元，较上年持平。`);
    expect(flat.checked.filter((c) => c.expected === "与上年持平")).toHaveLength(2);
    const wrong = errors("公务接待费支出预算10万元，与2021年预算持平。", budgetForm, budgetData("10", "12"));
    expect(wrong.map((f) => f.problem)).toEqual(["direction"]);
  });
});

describe("a change on the prior year's 决算", () => {
  it("比上年决算数 is checked against 上年决算数 (property)", () => {
    fc.assert(
      fc.property(cents, cents, (current, prior) => {
        const diff = minus(current, prior);
        const fell = diff.startsWith("-");
        const size = fell ? diff.slice(1) : diff;
        fc.pre(size !== "0.00");
        const text = `公务接待费支出决算为${current}万元，比上年决算数${fell ? "减少" : "增加"}${size}万元，${fell ? "降低" : "增长"}${percentOf(size, prior, 1)}%。`;
        const r = verifyNarrative(actualForm, actualData(current, prior), text);
        expect(r.findings.filter((f) => f.severity === "error")).toEqual([]);
        expect(r.checked.filter((c) => c.fields.includes("sangong.reception.prior"))).toHaveLength(2);
      }),
      { numRuns: 200 },
    );
  });

  it("a planted wrong percentage: exactly one error", () => {
    // 1.96 → 22.59: +20.63, 1052.6% (广东省财政厅2023 wrote 1,055.4%).
    const text = "公务接待费支出决算为22.59万元，比上年决算数增加20.63万元，增长1,055.4%。";
    const found = errors(text, actualForm, actualData("22.59", "1.96"));
    expect(found).toHaveLength(1);
    expect(found[0].expected).toBe(`比上年增长${percentOf("20.63", "1.96", 1)}%`);
  });
});

describe("filler words between a figure and its change", () => {
  it("；, 按同口径 and 各 are read through; a planted slip after them is one error", () => {
    const data = budgetData("4", "8");
    expect(errors("公务接待费支出预算4万元；比上年预算减少4万元，按同口径同比下降50%。", budgetForm, data)).toEqual([]);
    expect(verifyNarrative(budgetForm, data, "公务接待费支出预算4万元；比上年预算减少4万元。").checked).toHaveLength(2);
    expect(errors("公务接待费支出预算4万元；比上年预算减少4万元，按同口径同比下降40%。", budgetForm, data)).toHaveLength(1);
    expect(errors("公务接待费各减少3万元。", budgetForm, data)).toHaveLength(1);
    expect(errors("公务接待费各减少4万元。", budgetForm, data)).toEqual([]);
  });
});

describe("the prior year's figure written after the comparison (比上年累计支出433万元减少2万元)", () => {
  const PRIOR_WORDINGS = ["比上年累计支出", `较${YEAR - 1}年的`, "比上年", "较去年同期"];

  it("true in every wording: the prior figure, the change and its percentage checked, no error (property)", () => {
    fc.assert(
      fc.property(cents, cents, fc.constantFrom(...PRIOR_WORDINGS), (current, prior, comparison) => {
        const diff = minus(current, prior);
        const fell = diff.startsWith("-");
        const size = fell ? diff.slice(1) : diff;
        fc.pre(size !== "0.00");
        const text = `公务接待费支出${current}万元，${comparison}${prior}万元${fell ? "减少" : "增加"}${size}万元，${fell ? "下降" : "增长"}${percentOf(size, prior, 2)}%。`;
        const r = verifyNarrative(actualForm, actualData(current, prior), text);
        expect(r.findings.filter((f) => f.severity === "error")).toEqual([]);
        expect(r.checked.filter((c) => c.fields.includes("sangong.reception.prior"))).toHaveLength(3);
      }),
      { numRuns: 200 },
    );
  });

  it.each(PRIOR_WORDINGS)("%s with a planted wrong prior figure: exactly one error, on it", (comparison) => {
    // 黑龙江 2020: 公务接待 148 → 124; written 184.
    const found = errors(`公务接待费支出124万元，${comparison}184万元减少24万元，下降16%。`, actualForm, actualData("124", "148"));
    expect(found).toHaveLength(1);
    expect(found[0].actual).toBe("184万元");
    expect(found[0].expected).toBe("148.00万元");
  });

  it("a year that is not the prior one, or a 预算 base, is 未核对", () => {
    for (const text of [`公务接待费支出124万元，较${YEAR - 2}年的184万元减少60万元。`, "公务接待费支出124万元，比上年预算184万元减少60万元。"]) {
      const r = verifyNarrative(actualForm, actualData("124", "148"), text);
      expect(r.findings.filter((f) => f.severity === "error")).toEqual([]);
      expect(r.checked.filter((c) => c.fields.includes("sangong.reception.prior"))).toEqual([]);
    }
  });
});

describe("a percentage of cells known exactly (imported in 元, marked exact)", () => {
  // 政协寻甸县委员会2022: 公务接待费 31275.00元 → 31000.00元, 下降0.88%; from the 2-decimal 万元 table
  // (3.13 → 3.10) it would be 0.96%.
  const exact = (v: string) => ({ value: v, exact: true });
  const data: ReportData = { form: actualForm.id, lists: {}, values: { "report.year": String(YEAR), "sangong.reception.actual": exact("3.1"), "sangong.reception.prior": exact("3.1275") } };
  const claimAt = (text: string) => verifyNarrative(actualForm, data, text);

  it("is computed from the exact cells: the officer's exact figure agrees, with no 尾差 notice", () => {
    const r = claimAt("公务接待费支出决算减少275.00元，下降0.88%。");
    expect(r.findings).toEqual([]);
    expect(r.checked.map((c) => c.status)).toEqual(["agrees", "agrees"]);
    expect(r.checked[1].expected).toBe(`比上年降低${percentOf("275", "31275", 2)}%`);
  });

  it("the figure from the 2-decimal 万元 table is a 尾差, and a planted wrong one is one error", () => {
    expect(claimAt("公务接待费支出决算减少275.00元，下降0.96%。").checked.map((c) => c.status)).toEqual(["agrees", "tail"]);
    const wrong = claimAt("公务接待费支出决算减少275.00元，下降0.98%。").findings.filter((f) => f.severity === "error");
    expect(wrong).toHaveLength(1);
    expect(wrong[0].expected).toBe(`比上年降低${percentOf("275", "31275", 2)}%`);
  });
});

describe("a table with both 上年预算数 and 上年决算数", () => {
  const both = JSON.parse(JSON.stringify(actualForm)) as FormSpec;
  both.sheets[1].tables[0].columns!.push({ id: "priorBudget", label: "上年预算数" });
  // 公务接待费: 预算 4 (上年 8), 决算 3 (上年 5).
  const data: ReportData = { form: both.id, lists: {}, values: { "report.year": String(YEAR), "sangong.reception.budget": "4", "sangong.reception.actual": "3", "sangong.reception.priorBudget": "8", "sangong.reception.prior": "5" } };
  const errorsOf = (text: string) => verifyNarrative(both, data, text).findings.filter((f) => f.severity === "error");

  it("each base is checked against its own column, the percentage after the amount too", () => {
    const text = `公务接待费支出预算4万元，比上年预算减少4万元，下降${percentOf("4", "8", 0)}%；支出决算3万元，比上年决算数减少2万元，下降${percentOf("2", "5", 0)}%。`;
    const r = verifyNarrative(both, data, text);
    expect(r.findings.filter((f) => f.severity === "error")).toEqual([]);
    expect(r.checked.filter((c) => c.fields.includes("sangong.reception.priorBudget"))).toHaveLength(2);
    expect(r.checked.filter((c) => c.fields.includes("sangong.reception.prior"))).toHaveLength(2);
  });

  it("a percentage after 比上年预算 that is right only against the 上年决算数 is one error", () => {
    const found = errorsOf(`公务接待费支出预算4万元，比上年预算减少4万元，下降${percentOf("2", "5", 0)}%。`);
    expect(found).toHaveLength(1);
    expect(found[0].expected).toBe(`比上年降低${percentOf("4", "8", 0)}%`);
  });
});
