/**
 * The misreadings issue 13 lists under "Why", on the 2020 seed's cells: each one a figure tied
 * to the wrong line, a figure left 未核对 that the tables decide, or a slip nothing reported.
 */
import { Dec } from "../../../../src/core/money";
import { verifyNarrative } from "../../../../src/core/narrative";
import { defaultForm, type RawValue, type ReportData } from "../../../../src/core/spec";
import { loadSeed } from "../../../fixtures/load";
import { percentOf } from "../../money/exact-oracle";

const seed = loadSeed(2020);
const cell = (id: string) => String(seed.values[id]);
const check = (text: string, data: ReportData = seed) => verifyNarrative(defaultForm, data, text);
const errors = (text: string, data?: ReportData) => check(text, data).findings.filter((f) => f.severity === "error");
const withValues = (values: Record<string, RawValue>): ReportData => ({ ...seed, values: { ...seed.values, ...values } });

describe("a figure is tied only within its clause, and the clause's subject constrains the table", () => {
  it("项目支出…其中商品和服务支出: the 基本支出 经济分类 row is never the answer", () => {
    const text = "项目支出预算14.76万元，其中商品和服务支出预算14.76万元，占项目支出预算的100%。";
    const r = check(text);
    expect(r.findings).toEqual([]);
    expect(JSON.stringify(r)).not.toContain(`${cell("econ.goods.budget")}万元`);
    // 项目支出预算 itself is checked; the 其中 part is 未核对, saying why.
    expect(r.checked.map((c) => [c.quote, c.status])).toEqual([["项目支出预算14.76万元", "agrees"]]);
    expect(r.unchecked.some((u) => u.reason.includes("基本支出") && u.quote.includes("商品和服务支出"))).toBe(true);
  });

  it("“三公”经费支出预算0万元 is not the 支出预算合计", () => {
    const r = check("“三公”经费支出预算0万元。");
    expect(r.findings).toEqual([]);
    expect(r.checked).toEqual([]);
    expect(r.unchecked).toHaveLength(1);
    expect(JSON.stringify(r)).not.toContain(cell("budget.expenseTotal"));
  });

  it("a clause after an unchecked one does not borrow its subject", () => {
    const r = check("本年“三公”经费支出预算0万元，比上年减少7.46万元。");
    expect(r.findings).toEqual([]);
    expect(r.unchecked).toHaveLength(2);
  });

  it("占 + a total the tables do not have: 未核对 naming it, never another total", () => {
    const r = check("项目支出14.76万元，占全市项目支出的2.83%。");
    expect(r.findings).toEqual([]);
    expect(r.unchecked.map((u) => u.reason)).toEqual(["「全市项目支出」在表中没有对应的栏目"]);
  });

  it("占一般公共预算支出的X%: the sum of the form's 一般公共预算 基本 and 项目 tables, when filled", () => {
    const data2025 = loadSeed(2025);
    const [basic, project] = [String(data2025.values["funcBasic.total.amount"]), String(data2025.values["funcProject.total.amount"])];
    const whole = new Dec(basic).plus(project).toFixed(2);
    const share = percentOf(basic, whole, 2);
    const right = check(`基本支出${basic}万元，占一般公共预算支出的${share}%。`, data2025);
    expect(right.findings).toEqual([]);
    expect(right.checked.map((c) => [c.status, c.fields.join()])).toEqual([
      ["agrees", "funcBasic.total.amount"],
      ["agrees", "funcBasic.total.amount,funcProject.total.amount"],
    ]);
    expect(errors(`基本支出${basic}万元，占一般公共预算支出的67.12%。`, data2025).map((f) => f.expected)).toEqual([`占一般公共预算支出的${share}%`]);
    // The 2020 workbook has no 功能科目 tables filled: 未核对, not another total.
    const r2020 = check("支出预算中基本支出507.32万元，占一般公共预算支出的97.17%。");
    expect(r2020.findings).toEqual([]);
    expect(r2020.unchecked).toHaveLength(1);
  });
});

describe("labels as officers write them", () => {
  it("对个人和家庭补助 (the label has 的), its share of 基本支出预算", () => {
    const share = percentOf(cell("econ.households.budget"), cell("budget.basic"), 2);
    const r = check(`对个人和家庭补助预算${cell("econ.households.budget")}万元，占基本支出预算的${share}%`);
    expect(r.findings).toEqual([]);
    expect(r.unchecked).toEqual([]);
    expect(r.checked.map((c) => c.status)).toEqual(["agrees", "agrees"]);
    expect(r.checked[1].fields).toEqual(["econ.households.budget", "budget.basic"]);
    // And a wrong share is caught against the same one reading.
    expect(errors("对个人和家庭补助预算11.16万元，占基本支出预算的2.30%").map((f) => f.expected)).toEqual([`占基本支出的${share}%`]);
  });

  it("traditional characters and full-width forms: 公务接待費本年支出1.90萬元", () => {
    const r = check("公务接待費本年支出１．９０萬元。");
    expect(r.findings).toEqual([]);
    expect(r.checked).toHaveLength(1);
    expect(r.checked[0]).toMatchObject({ status: "agrees", quote: "公务接待費本年支出１．９０萬元" });
    expect(errors("公務接待費本年支出2.90萬元。").map((f) => f.actual)).toEqual(["2.90萬元"]);
  });

  it("公务接待 without 费, with blanks and quotes inside a label, a colon before the figure", () => {
    for (const text of ["公务接待费：1.90万元。", "公务接待本年支出1.90万元。", "公务 接待费本年支出1.90万元。", "“三公”经费本年实际支出2.02万元。"]) {
      const r = check(text);
      expect(r.checked.map((c) => c.status), text).toEqual(["agrees"]);
    }
  });
});

describe("comparisons, execution and lists", () => {
  const fall = (prior: string, current: string) => percentOf(new Dec(cell(prior)).minus(cell(current)).toFixed(), cell(prior), 2);

  it("较上年同期 and 比2019年度 are prior-year comparisons; another year is 未核对", () => {
    const p = fall("sangong.reception.prior", "sangong.reception.current");
    for (const text of [`公务接待费较上年同期降低${p}%。`, `公务接待费比2019年度降低${p}%。`, `公务接待费与2019年相比下降${p}%。`]) {
      const r = check(text);
      expect(r.checked.map((c) => [c.status, c.fields.join()]), text).toEqual([["agrees", "sangong.reception.prior,sangong.reception.current"]]);
    }
    expect(errors("公务接待费较上年同期降低45.77%。")).toHaveLength(1);
    // A direction word alone, after 比2019年度: the same comparison.
    expect(check("公务接待费比2019年度增加。").findings.map((f) => f.problem)).toEqual(["direction"]);
    expect(check("公务接待费比2018年度增加。").findings).toEqual([]);
    const other = check(`公务接待费比2018年度降低${p}%。`);
    expect(other.findings).toEqual([]);
    expect(other.unchecked[0].reason).toContain("2018");
  });

  it("完成预算的X% is the execution rate", () => {
    const rate = percentOf(cell("budgetExec.project.actual"), cell("budgetExec.project.budget"), 2);
    const r = check(`项目支出完成预算的${rate}%。`);
    expect(r.checked.map((c) => [c.status, c.fields.join()])).toEqual([["agrees", "budgetExec.project.actual,budgetExec.project.budget"]]);
    expect(errors("项目支出完成预算的2348.00%。").map((f) => f.expected)).toEqual([`执行率${rate}%`]);
  });

  it("收、支总计分别为A、B万元: figures paired with subjects in order", () => {
    const [income, spent] = [cell("income.all.total"), cell("expense.all.total")];
    const r = check(`收、支总计分别为${income}、${spent}万元。`);
    expect(r.findings).toEqual([]);
    expect(r.checked.map((c) => c.fields.join())).toEqual(["income.all.total", "expense.all.total"]);
    const swapped = errors(`收、支总计分别为${spent}、${income}万元。`);
    expect(swapped.map((f) => f.expected)).toEqual([`${income}万元`, `${spent}万元`]);
    const one = errors("公务接待费、公务用车运行维护费分别为1.90、0.13万元。");
    expect(one.map((f) => [f.actual, f.expected])).toEqual([["0.13万元", "0.12万元"]]);
  });
});

describe("slips that need their own wording", () => {
  it("增长100% on a prior year of 0 says what the report should write", () => {
    const data = withValues({ "sangong.abroad.current": "1.50", "sangongByUnit.all.abroad": "1.50" });
    const [f] = errors("因公出国费用比上年增长100%。", data);
    expect(f).toMatchObject({ problem: "zeroBase", expected: "上年无此项支出，本年支出1.50万元", actual: "100%" });
    expect(f.message).toContain("不宜写“增长100%”");
    expect(errors("因公出国费用比上年增长100%。").map((x) => x.expected)).toEqual(["上年、本年均无此项支出"]);
  });

  it("% with no number before it", () => {
    const r = check("工资福利支出预算419.35万元，占基本支出预算%。");
    expect(r.findings.map((f) => [f.severity, f.problem, f.quote])).toEqual([["error", "emptyPercent", "占基本支出预算%"]]);
    expect(r.findings[0].message).toContain("“%”前没有数字");
    // A header's （%） or 占比% on a line of its own, and 单位：%, are not slips.
    for (const header of ["预算执行率（%）\n97.17", "占比%\n97.17", "单位：%"]) expect(check(header).findings, header).toEqual([]);
  });

  it("其中：其中： and other doubled words", () => {
    const r = check("支出预算中基本支出507.32万元，其中：其中：工资福利支出预算419.35万元万元。");
    expect(r.findings.map((f) => [f.problem, f.actual])).toEqual([
      ["doubled", "其中：其中："],
      ["doubled", "万元万元"],
    ]);
    expect(r.findings[0].message).toContain("“其中：”重复");
    expect(check("公务接待费的的支出1.90万元。").findings.map((f) => f.problem)).toEqual(["doubled"]);
    expect(check("三公经费的的确确控制在预算以内。").findings).toEqual([]);
  });

  it("an amount in 元 for 万元 and the reverse name the unit slip, even where a label has several figures", () => {
    // 基本支出 has a 预算 (507.32) and a 决算 (781.00): only one of them is written in the wrong unit.
    const wrong = errors("基本支出781.00元。");
    expect(wrong.map((f) => [f.problem, f.expected])).toEqual([["unit", "781.00万元"]]);
    expect(wrong[0].message).toContain("单位有误");
    const reverse = errors("基本支出7810000万元。");
    expect(reverse.map((f) => [f.problem, f.expected])).toEqual([["unit", "7810000元（781.00万元）"]]);
    expect(check("基本支出7810000元。").findings).toEqual([]);
  });

  it("an exact 元 figure is compared exactly, never as 尾差", () => {
    const exact = { value: "1.9012", exact: true };
    const data = withValues({ "sangong.reception.current": exact, "sangongByUnit.all.reception": exact });
    expect(check("公务接待费本年支出19012元。", data).findings).toEqual([]);
    const off = check("公务接待费本年支出19000元。", data).findings;
    expect(off.map((f) => [f.severity, f.problem])).toEqual([["error", "figure"]]);
    // Rounded to the 万元 the report prints, the same cell agrees.
    expect(check("公务接待费本年支出1.90万元。", data).findings).toEqual([]);
  });
});
