import { CHECK_COLUMNS, CHECK_FIRST_ROW } from "../../../src/core/plan";
import { columnLetters } from "../../../src/core/excel/address";
import { expandFields, defaultForm, type ReportData } from "../../../src/core/spec";
import { layOut, seed, setup, typeReport } from "./helpers";

function values(data: ReportData, prefix: string): Record<string, unknown> {
  return Object.fromEntries(Object.entries(data.values).filter(([k]) => k.startsWith(prefix)));
}

async function filled() {
  const env = setup();
  await layOut(env.session);
  typeReport(env.wb, seed);
  const before = await env.session.validate();
  return { ...env, before };
}

describe("faults: the session keeps working, says what it found, repairs without touching values", () => {
  it("a deleted template sheet: reported, the rest still checked, repair re-creates it", async () => {
    const { wb, session, before } = await filled();
    wb.userDeleteSheet("收入");
    const report = await session.validate();
    expect(report.problems.map((p) => [p.code, p.sheet, p.repairable])).toContainEqual(["sheetMissing", "收入", true]);
    expect(report.problems.find((p) => p.code === "sheetMissing")?.message).toMatch(/工作表「收入」不见了/);
    expect(values(report.data, "expense.")).toEqual(values(before.data, "expense."));
    expect(report.findings.some((f) => f.ruleId.startsWith("expense."))).toBe(true);
    const repaired = await session.repairLayout();
    expect(wb.sheetNames()).toContain("收入");
    expect(repaired.repaired.join()).toMatch(/收入/);
    const after = await session.validate();
    expect(after.problems.filter((p) => p.code !== "checksOutdated")).toEqual([]);
    // Every other value is where it was.
    for (const f of expandFields(defaultForm, seed.lists).filter((x) => !x.id.startsWith("income."))) {
      expect([f.id, after.data.values[f.id]]).toEqual([f.id, before.data.values[f.id]]);
    }
  });

  it("a renamed template sheet: still found through its names, findings name the new sheet", async () => {
    const { wb, session, before } = await filled();
    wb.userRenameSheet("收入", "2020收入");
    const report = await session.validate();
    expect(report.data.values).toEqual(before.data.values);
    expect(report.problems.map((p) => p.code)).toEqual(["sheetRenamed"]);
    expect(report.findings.filter((f) => f.ruleId.startsWith("income.")).every((f) => f.cell.startsWith("'2020收入'!"))).toBe(true);
    // Re-applying upgrades the renamed sheet rather than making a second 收入.
    const preview = await session.previewTemplate({ lists: seed.lists });
    expect(preview.actions.find((a) => a.sheetId === "income")).toMatchObject({ kind: "upgrade", name: "2020收入" });
    expect((await session.applyTemplate(preview)).ok).toBe(true);
    expect(wb.sheetNames().filter((n) => n.includes("收入"))).toEqual(["2020收入"]);
    expect((await session.validate()).data.values).toEqual(before.data.values);
  });

  it("an officer's sheet with a template name is left alone; the template goes beside it", async () => {
    const { wb, session } = setup({}, ["收入", "校验"]);
    wb.setCells("收入", "A1:B1", [["我的收入表", 123]]);
    const preview = await session.previewTemplate({ lists: seed.lists });
    expect(preview.actions.find((a) => a.sheetId === "income")).toMatchObject({ kind: "besideClash", name: "收入(2)", clashesWith: "收入" });
    expect(preview.actions.find((a) => a.sheetId === "checks")).toMatchObject({ kind: "besideClash", name: "校验(2)" });
    expect(preview.summary).toMatch(/「收入」/);
    expect((await session.applyTemplate(preview)).ok).toBe(true);
    expect(wb.values("收入!A1:B1")).toEqual([["我的收入表", 123]]);
    typeReport(wb, { ...seed, values: {} });
    wb.userEdit("收入(2)", "C6:D6", [["1", "2"]]);
    const report = await session.validate();
    expect(report.data.values["income.unit[1].carryover"]).toBe("1");
    // The 校验 sheet beside the officer's own reads the template's 收入(2), not the officer's 收入.
    expect(wb.cell(`'校验(2)'!${columnLetters(CHECK_COLUMNS.difference)}${CHECK_FIRST_ROW}`).formula).toContain("'收入(2)'!");
  });

  it("unit rows sorted or cut: values stay with their unit; the 校验 sheet is flagged for repair", async () => {
    const { wb, session, before } = await filled();
    wb.userSortRows("收入", "A6:G7", 1, true);
    const sorted = await session.validate();
    expect(sorted.data.lists.units?.map((u) => u.name)).toEqual(["科技信息管理办公室", "局机关"]);
    const carry = (d: ReportData, name: string) => d.values[`income.unit[${d.lists.units!.findIndex((u) => u.name === name) + 1}].carryover`];
    expect(carry(sorted.data, "局机关")).toBe(carry(before.data, "局机关"));
    // The officer removes 科技信息管理办公室 (now first after the sort in 收入) from every table.
    wb.userDeleteRows("收入", 6);
    for (const [sheet, row] of [["支出和结余", 8], ["三公经费", 7], ["固定资产", 7]] as const) {
      expect(wb.cell(`${sheet}!A${row}`).value).toBe("科技信息管理办公室");
      wb.userDeleteRows(sheet, row);
    }
    const cut = await session.validate();
    expect(cut.data.lists.units?.map((u) => u.name)).toEqual(["局机关"]);
    expect(cut.problems.map((p) => p.code)).toContain("checksOutdated");
    expect(cut.findings.find((f) => f.ruleId === "income.unitSum[carryover]")?.cell).toBe("收入!C5");
  });

  it("a broken merged header: reported in Chinese, repaired without touching values", async () => {
    const { wb, session, before } = await filled();
    expect(wb.merges("收入")).toContain("C3:G3");
    wb.userUnmerge("收入", "C3:G3");
    const report = await session.validate();
    const problem = report.problems.find((p) => p.code === "mergeBroken");
    expect(problem?.message).toMatch(/表头合并单元格被拆开/);
    const repaired = await session.repairLayout();
    expect(repaired.problems).toEqual([]);
    expect(wb.merges("收入")).toContain("C3:G3");
    expect((await session.validate()).data.values).toEqual(before.data.values);
  });

  it("a read-only workbook: checks run, writes are refused with a plain message", async () => {
    const { wb, session, before } = await filled();
    wb.readOnly = true;
    const report = await session.validate();
    expect(report.findings).toEqual(before.findings);
    const applied = await session.applyTemplate(await session.previewTemplate({ lists: seed.lists }));
    expect(applied.ok).toBe(false);
    expect(applied.problems[0]).toMatchObject({ code: "readOnly" });
    expect(applied.problems[0].message).toMatch(/只读/);
    const written = await session.writeValues({ "income.unit[1].carryover": "1" });
    expect(written.problems[0].code).toBe("readOnly");
    expect((await session.addUnit("新机构")).problems[0].code).toBe("readOnly");
    wb.readOnly = false;
    expect((await session.validate()).data.values).toEqual(before.data.values);
  });

  it("an Office.js error mid-batch: reported, nothing lost, the next attempt succeeds", async () => {
    const { wb, session, before } = await filled();
    // Fail the first sheet write of a re-layout (a unit added), part-way through its batch.
    wb.failNextSync({ onWrite: true, afterOps: 40 });
    const lists = { ...seed.lists, units: [...seed.lists.units, { name: "新设机构" }] };
    const failed = await session.applyTemplate(await session.previewTemplate({ lists }));
    expect(failed.ok).toBe(false);
    expect(failed.problems[0]).toMatchObject({ code: "officeError", repairable: true });
    expect(failed.problems[0].message).toMatch(/GeneralException/);
    const mid = await session.validate();
    for (const f of expandFields(defaultForm, seed.lists)) expect([f.id, mid.data.values[f.id]]).toEqual([f.id, before.data.values[f.id]]);
    const retried = await session.applyTemplate(await session.previewTemplate({ lists }));
    expect(retried.ok).toBe(true);
    const after = await session.validate();
    for (const f of expandFields(defaultForm, seed.lists)) expect([f.id, after.data.values[f.id]]).toEqual([f.id, before.data.values[f.id]]);
  });

  it("a finding's cell is selected on click, and a stale address is explained", async () => {
    const { wb, session, before } = await filled();
    const finding = before.findings[0];
    expect(await session.selectCell(finding.cell)).toEqual([]);
    expect(wb.selection?.address).toBe(finding.cell);
    wb.userDeleteSheet("三公经费");
    const problems = await session.selectCell("三公经费!B5");
    expect(problems[0].message).toMatch(/找不到单元格/);
  });
});

describe("a workbook without the template", () => {
  it("says so plainly and raises no findings", async () => {
    const { session } = setup();
    const report = await session.validate();
    expect(report.findings).toEqual([]);
    expect(report.problems).toEqual([{ code: "noTemplate", message: expect.stringMatching(/还没有自评表模板/), repairable: false }]);
    const preview = await session.previewTemplate();
    expect(preview.actions.every((a) => a.kind === "create")).toBe(true);
    expect(preview.summary).toMatch(new RegExp(`^将新建 ${defaultForm.sheets.length + 2} 张工作表`));
  });
});
