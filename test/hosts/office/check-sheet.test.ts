import { checkReport } from "../../../src/core/check";
import { CHECK_COLUMNS, CHECK_FIRST_ROW } from "../../../src/core/plan/check-sheet";
import { totalFormulas } from "../../../src/core/plan/layout";
import { defaultForm, expandFields, type ReportData } from "../../../src/core/spec";
import type { MemoryWorkbook } from "../../../src/hosts/memory";
import { expectedVerdict } from "../../core/plan/plan-workbook";
import { fieldAddress, layOut, seed, setup, typeReport } from "./helpers";

function sheetVerdicts(wb: MemoryWorkbook, rules: number): Map<string, string> {
  const out = new Map<string, string>();
  for (let i = 0; i < rules; i++) {
    const row = CHECK_FIRST_ROW + i;
    const id = wb.cell(`校验!A${row}`).value;
    const verdict = wb.cell(`校验!${String.fromCharCode(64 + CHECK_COLUMNS.verdict)}${row}`).value;
    out.set(String(id), String(typeof verdict === "object" && verdict !== null ? verdict.error : verdict));
  }
  return out;
}

async function compare(data: ReportData) {
  const { wb, session } = setup();
  await layOut(session, data.lists);
  typeReport(wb, data);
  const core = checkReport(defaultForm, data);
  const sheet = sheetVerdicts(wb, core.results.length);
  return { core, sheet, wb };
}

describe("the 校验 sheet's formulas, evaluated by the memory host", () => {
  it("give the core's verdict for every rule of the 2020 seed", async () => {
    const { core, sheet } = await compare(seed);
    const mismatches = core.results.filter((r) => sheet.get(r.rule.id) !== expectedVerdict(r)).map((r) => [r.rule.id, expectedVerdict(r), sheet.get(r.rule.id)]);
    expect(mismatches).toEqual([]);
    // The seed exercises more than passes: failures, 尾差 and overspends are all present.
    const seen = new Set(core.results.map(expectedVerdict));
    expect([...seen]).toEqual(expect.arrayContaining(["通过", "不通过", "超支"]));
  });

  it("keep agreeing when figures change: a 尾差, a clear failure, text in a numeric cell", async () => {
    const changed: ReportData = {
      ...seed,
      values: {
        ...seed.values,
        // 0.01 off a rounded total: within the rounding band of its parts.
        "income.unit[2].total": "223.97",
        "income.unit[1].total": "1075.91",
        "income.unit[1].carryover": "约241",
      },
    };
    const { core, sheet } = await compare(changed);
    const mismatches = core.results.filter((r) => sheet.get(r.rule.id) !== expectedVerdict(r)).map((r) => [r.rule.id, expectedVerdict(r), sheet.get(r.rule.id)]);
    expect(mismatches).toEqual([]);
    expect(sheet.get("income.rowTotal[unit[2]]")).toBe("尾差");
    expect(sheet.get("income.rowTotal[unit[1]]")).toBe("无法校验");
  });

  it("colour in place, through conditional formats, the totals the core finds failing", async () => {
    const { core, wb } = await compare(seed);
    const failing = new Set(core.findings.filter((f) => f.kind === "sum" || f.kind === "same").map((f) => f.cell));
    const coloured = new Set(["收入", "支出和结余", "三公经费", "固定资产", "预算与决算", "功能科目", "基本概况", "绩效目标"].flatMap((s) => wb.conditionalFormatsShowing(s)));
    for (const cell of failing) expect(coloured).toContain(cell);
  });

  it('with the totals left to their formulas, a total of wholly blank parts shows "", the host reads it as blank, and the sheet agrees with the core', async () => {
    const { wb, session } = setup();
    await layOut(session);
    const totals = totalFormulas(defaultForm, seed.lists);
    // The officer types the seed's parts only; the 2020 seed leaves whole tables blank (no 项目支出
    // 功能科目, for one), so some totals have nothing to add up.
    for (const field of expandFields(defaultForm, seed.lists)) {
      if (totals.has(field.id)) continue;
      const raw = seed.values[field.id];
      const text = raw === undefined || raw === null ? "" : typeof raw === "object" ? raw.value : raw;
      const [sheet, cell] = fieldAddress(field.id).split("!");
      wb.userEdit(sheet.replace(/^'|'$/g, ""), cell, [[text ?? ""]]);
    }
    const report = await session.validate();
    expect(report.problems).toEqual([]);
    const shownBlank = [...totals.keys()].filter((id) => wb.cell(fieldAddress(id)).value === "");
    expect(shownBlank).toContain("funcProject.total.amount");
    for (const id of shownBlank) {
      expect(wb.cell(fieldAddress(id)).formula, id).toMatch(/^=IF\(/);
      expect(report.data.values[id], `${id} is read as blank`).toBeUndefined();
      expect(report.results.find((r) => r.rule.id === totals.get(id)!.rule.id)?.reason, id).toBe("未填写");
    }
    // Every other total was read as the figure its formula computed.
    for (const id of totals.keys()) if (!shownBlank.includes(id)) expect(report.data.values[id], id).toBeDefined();
    const sheet = sheetVerdicts(wb, report.results.length);
    const mismatches = report.results.filter((r) => sheet.get(r.rule.id) !== expectedVerdict(r)).map((r) => [r.rule.id, expectedVerdict(r), sheet.get(r.rule.id)]);
    expect(mismatches).toEqual([]);
    expect(report.results.filter((r) => r.status === "skipped" && r.reason === "未填写").length).toBeGreaterThanOrEqual(shownBlank.length);
  });
});
