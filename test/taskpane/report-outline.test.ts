/** What the 报告正文 editor lists for each outline, derived from the outline data alone. */
import { outlinesOf } from "../../src/core/plan/outline";
import { PRIOR_DRAFT_MARK } from "../../src/core/prior/carry";
import { defaultForm } from "../../src/core/spec";
import { isPriorDraft, outlineView, reportTextFields, withoutMark } from "../../src/taskpane/model/report-outline";

const [y2020, y2025] = outlinesOf(defaultForm);
const titles = new Map(defaultForm.sheets.flatMap((s) => s.tables.map((tb) => [tb.id, tb.title])));

describe("the 报告正文 editor's outline view", () => {
  it("has the outline's sections in order, consecutive tables on one line, prose fields with the report's labels", () => {
    const view = outlineView(defaultForm, y2020);
    expect(view.sections.map((s) => s.heading)).toEqual(y2020.sections.map((s) => s.heading));
    const two = view.sections[1];
    const named = y2020.sections[1].blocks.flatMap((b) => (b.kind === "table" ? [titles.get(b.table)] : []));
    expect(two.items).toEqual([{ kind: "tables", titles: named }]);
    const five = view.sections[4].items;
    expect(five.map((i) => (i.kind === "field" ? i.label : i.kind))).toEqual(["机构设置情况", "主要工作职责", "年度总体运行情况及取得的成绩", "部门整体支出的管理状况", "paragraphs", "结余、超支原因", "存在的主要问题", "改进措施和建议"]);
    expect(view.cover.map((c) => c.label)).toEqual(y2020.cover!.map((c) => c.label));
    // Sign-offs: the officer's words without （签字）; a name or a phone number is one line.
    const four = view.sections[3].items.filter((i) => i.kind === "field");
    expect(four.map((i) => (i.kind === "field" ? [i.label, i.long] : []))).toEqual([
      ["评价组组长", false],
      ["部门（单位）意见", true],
      ["财政部门归口业务科室意见", true],
      ["填报人", false],
      ["联系电话", false],
    ]);
  });

  it("labels a field the report prints under the section's own heading by that heading (2025 outline)", () => {
    const seven = outlineView(defaultForm, y2025).sections.find((s) => s.heading.startsWith("七"))!;
    expect(seven.items).toEqual([{ kind: "field", field: "reportProse.problems", label: "七、存在的问题及原因分析", long: true }]);
  });

  it("reads every outline's fields and the 报告格式 cell at once", () => {
    const fields = reportTextFields(defaultForm);
    expect(fields).toContain("reportCover.format");
    for (const id of ["reportProse.govFund", "reportProse.balance", "reportSignoff.fillerPhone", "reportCover.budgetCode", "basics.duties"]) expect(fields).toContain(id);
    expect(new Set(fields).size).toBe(fields.length);
  });

  it("tells last year's drafts by their mark and shows them without it", () => {
    expect(isPriorDraft(`${PRIOR_DRAFT_MARK}文字`)).toBe(true);
    expect(withoutMark(`${PRIOR_DRAFT_MARK}文字`)).toBe("文字");
    expect(withoutMark("文字")).toBe("文字");
  });
});
