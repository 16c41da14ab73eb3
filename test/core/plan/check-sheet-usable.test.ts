import { checkReport, templateLocator } from "../../../src/core/check";
import { expandRules } from "../../../src/core/spec/rules";
import { CHECK_COLUMNS, CHECK_FIRST_ROW, CHECK_HEADER_ROW, CHECK_SHEET_NAME, CHECK_STATUS, CHECK_SUMMARY, CHECK_SUMMARY_TOP, NEEDS_ATTENTION } from "../../../src/core/plan/check-sheet";
import { buildLayoutPlan } from "../../../src/core/plan/layout";
import { defaultForm as form } from "../../../src/core/spec";
import { displayWidth } from "../../../src/core/plan/widths";
import { expectedVerdict, loadSeed, workbookFromPlan } from "./plan-workbook";

const data = loadSeed(2020);
const plan = buildLayoutPlan(form, data.lists);
const sheet = plan.sheets.find((s) => s.id === "checks")!;
const cellAt = (row: number, column: number) => sheet.cells.find((c) => c.row === row && c.column === column);
const rules = expandRules(form, data.lists);
const rowOf = (i: number) => CHECK_FIRST_ROW + i;

describe("the 校验 sheet read without the add-in", () => {
  it("names each rule in Chinese from its relation's label and the row or column it checks, never by its English id", () => {
    const names = rules.map((_, i) => String(cellAt(rowOf(i), CHECK_COLUMNS.label)?.value));
    rules.forEach((rule, i) => {
      expect(names[i].includes(rule.relation.label), names[i]).toBe(true);
      expect(names[i]).not.toMatch(/[A-Za-z[\]]/);
    });
    // The instance in brackets tells the rows of one relation apart.
    expect(new Set(names).size).toBe(names.length);
    expect(names).toContain("决算不超预算（基本支出）");
    // Two relations of one label in two tables say which table.
    expect(names.filter((n) => n.endsWith("：合计 = 各功能科目之和")).length).toBe(2);
    // The id stays, hidden, for ZiPing to find its rows.
    expect(sheet.hiddenColumns).toContain(CHECK_COLUMNS.ruleId);
    expect(cellAt(rowOf(0), CHECK_COLUMNS.ruleId)?.value).toBe(rules[0].id);
  });

  it("links each rule to the cell at fault with HYPERLINK, the sheet name quoted", () => {
    const at = templateLocator(form, data);
    const wb = workbookFromPlan(form, plan, data);
    rules.forEach((rule, i) => {
      const [sheetName, cell] = at(ruleFieldOf(rule)).split("!");
      expect(cellAt(rowOf(i), CHECK_COLUMNS.link)?.formula).toBe(`=HYPERLINK("#'${sheetName}'!${cell}","${sheetName}!${cell}")`);
      expect(wb.value(CHECK_SHEET_NAME, rowOf(i), CHECK_COLUMNS.link)).toBe(`${sheetName}!${cell}`);
    });
  });

  it("gives each row a 状态 whose filter list puts the rows needing the officer first, and counts them at the top", () => {
    const wb = workbookFromPlan(form, plan, data);
    const results = checkReport(form, data).results;
    const order = Object.values(CHECK_STATUS);
    const statuses = results.map((r, i) => String(wb.value(CHECK_SHEET_NAME, rowOf(i), CHECK_COLUMNS.status)));
    results.forEach((r, i) => {
      const verdict = expectedVerdict(r);
      const want = r.status === "fail" ? (verdict.startsWith("超支") ? CHECK_STATUS.explain : CHECK_STATUS.fix) : r.status === "tail" ? CHECK_STATUS.tail : r.status === "pass" ? CHECK_STATUS.pass : CHECK_STATUS.blank;
      expect(statuses[i], r.rule.id).toBe(want);
    });
    // A filter lists values sorted as text: the statuses come in the order of urgency.
    expect([...order].sort()).toEqual(order);
    const needing = results.filter((r) => r.status === "fail").length;
    expect(needing).toBeGreaterThan(5);
    expect(CHECK_SUMMARY[0].label).toBe(NEEDS_ATTENTION);
    expect(wb.value(CHECK_SHEET_NAME, CHECK_SUMMARY_TOP, CHECK_COLUMNS.label)).toBe(needing);
  });

  it("has an autofilter over the header and every rule row, and colours the rows by 结果", () => {
    const last = CHECK_FIRST_ROW + rules.length - 1;
    expect(sheet.autoFilter).toEqual({ top: CHECK_HEADER_ROW, left: CHECK_COLUMNS.status, bottom: last, right: CHECK_COLUMNS.cells });
    expect(sheet.conditionalFormats.map((f) => f.severity).sort()).toEqual(["error", "info", "warning"]);
    for (const f of sheet.conditionalFormats) expect(f.range).toBe(`B${CHECK_FIRST_ROW}:H${last}`);
  });

  it("makes 差额 and 容差 wide enough for what they show, so no ### in LibreOffice", () => {
    const wb = workbookFromPlan(form, plan, data);
    const widthOf = (column: number) => sheet.columnWidths.find((w) => w.column === column)!.width;
    for (const column of [CHECK_COLUMNS.shownDifference, CHECK_COLUMNS.tolerance]) {
      const format = cellAt(rowOf(0), column)?.numberFormat ?? "0.00";
      const places = format.split(".")[1]?.length ?? 0;
      const widest = Math.max(
        displayWidth(String(cellAt(CHECK_HEADER_ROW, column)?.value)),
        ...rules.map((_, i) => {
          const v = wb.value(CHECK_SHEET_NAME, rowOf(i), column);
          return typeof v === "number" ? v.toFixed(places).length : 0;
        }),
      );
      // Two characters of padding, and room for a figure in the hundred thousands.
      expect(widthOf(column)).toBeGreaterThanOrEqual(Math.max(widest, `-123456.${"0".repeat(places)}`.length) + 2);
    }
  });
});

function ruleFieldOf(rule: (typeof rules)[number]): string {
  switch (rule.kind) {
    case "equation":
      return rule.target;
    case "same":
      return rule.a;
    case "budget":
      return rule.actual;
    case "range":
      return rule.field;
    case "grade":
      return rule.grade;
    case "inequality":
      return rule.a;
    case "ratio":
      return rule.field;
  }
}
