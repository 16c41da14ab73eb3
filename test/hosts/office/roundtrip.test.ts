import { checkReport } from "../../../src/core/check";
import { defaultForm, expandFields, type ReportData } from "../../../src/core/spec";
import { layOut, seed, setup, typeReport } from "./helpers";

/** Every field of the form with the value the workbook shows for it ("" when empty). */
function allFields(data: ReportData, lists = data.lists): Record<string, string> {
  const out: Record<string, string> = {};
  for (const f of expandFields(defaultForm, lists)) {
    const v = data.values[f.id];
    out[f.id] = v === undefined || v === null ? "" : String(typeof v === "object" ? v.value : v);
  }
  return out;
}

describe("re-applying the template to a filled workbook keeps every value", () => {
  it("in place: same lists, every field's content unchanged, typed-over totals still typed", async () => {
    const { wb, session } = setup();
    await layOut(session);
    typeReport(wb, seed);
    const before = await session.validate();
    const preview = await session.previewTemplate({ lists: seed.lists });
    expect(preview.actions.every((a) => a.kind === "upgrade")).toBe(true);
    expect(preview.actions.find((a) => a.sheetId === "income")?.valuesKept).toBeGreaterThan(0);
    expect(preview.summary).toMatch(new RegExp(`升级 ${defaultForm.sheets.length + 2} 张`));
    const applied = await session.applyTemplate(preview);
    expect(applied.ok).toBe(true);
    const after = await session.validate();
    expect(allFields(after.data)).toEqual(allFields(before.data));
    // A total the officer typed over its formula is still the typed figure, not the formula.
    expect(wb.cell("收入!B6").formula).toBeUndefined();
    expect(after.findings).toEqual(before.findings);
  });

  it("re-laid out for a longer list: every entered value follows its field to the new cell", async () => {
    const { wb, session } = setup();
    await layOut(session);
    typeReport(wb, seed);
    const before = await session.validate();
    const lists = { ...seed.lists, units: [...seed.lists.units, { name: "新设机构" }] };
    const preview = await session.previewTemplate({ lists });
    expect(preview.lists.units?.map((u) => u.name)).toEqual(["局机关", "科技信息管理办公室", "新设机构"]);
    const applied = await session.applyTemplate(preview);
    expect(applied.ok).toBe(true);
    // Bounded: inspect (2) + one per sheet (the form's, 校验, 报告综述) + marker (1), whatever the size of the tables.
    expect(applied.syncs).toBe(2 + defaultForm.sheets.length + 2 + 1);
    const after = await session.validate();
    const kept = allFields(after.data, seed.lists);
    expect(kept).toEqual(allFields(before.data, seed.lists));
    expect(after.data.lists.units?.map((u) => u.name)).toEqual(["局机关", "科技信息管理办公室", "新设机构"]);
    // The new unit's row is empty, so the checks are those of the seed plus nothing failing for it.
    const core = checkReport(defaultForm, { ...after.data });
    expect(after.findings.map((f) => f.ruleId)).toEqual(core.findings.map((f) => f.ruleId));
    expect(after.problems).toEqual([]);
  });

  it("is reachable from the pane as addUnit, and the new unit's figures are checked and narrated", async () => {
    const { wb, session } = setup();
    await layOut(session);
    typeReport(wb, seed);
    const added = await session.addUnit("新设机构");
    expect(added.problems).toEqual([]);
    const report = await session.validate();
    const unit = report.data.lists.units!.findIndex((u) => u.name === "新设机构") + 1;
    expect(unit).toBe(3);
    const row = report.results.find((r) => r.rule.id === `income.rowTotal[unit[${unit}]]`);
    expect(row?.status).toBe("skipped");
    const rejected = await session.addUnit("新设机构");
    expect(rejected.rejected[0].reason).toMatch(/已在表中/);
  });
});
