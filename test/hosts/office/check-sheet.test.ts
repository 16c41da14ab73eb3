import { describe, expect, it } from "vitest";
import { checkReport, type RuleResult } from "../../../src/core/check";
import { CHECK_COLUMNS, CHECK_FIRST_ROW } from "../../../src/core/plan/check-sheet";
import { defaultForm, type ReportData } from "../../../src/core/spec";
import type { MemoryWorkbook } from "../../../src/hosts/memory";
import { layOut, seed, setup, typeReport } from "./helpers";

/** The word the 校验 sheet should show for a core verdict. */
function expectedVerdict(r: RuleResult): string {
  switch (r.status) {
    case "pass":
      return "通过";
    case "tail":
      return "尾差";
    case "skipped":
      return r.reason === "未填写" ? "未填" : "无法校验";
    case "fail":
      if (r.finding?.kind === "overspend") return "超支";
      if (r.finding?.kind === "unbudgeted") return "超支（年初未作预算）";
      return "不通过";
  }
}

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
});
