import { checkReport } from "../../src/core/check";
import { sheetAddress } from "../../src/core/excel/address";
import { cellIndex } from "../../src/core/spec/placement";
import { defaultForm } from "../../src/core/spec";
import { bootPreview, EMPTY } from "../../src/preview/boot";
import { loadSeed } from "../fixtures/load";

describe("the preview's workbook", () => {
  it("holds the 2020 seed laid out by the template: the session finds exactly what the core finds", async () => {
    let batches = 0;
    const { workbook, backend, problems } = await bootPreview(() => batches++);
    expect(problems).toEqual([]);
    expect(batches).toBeGreaterThan(0);
    expect(workbook.sheetNames()).not.toContain("Sheet1");
    const report = await backend.session.validate();
    const core = checkReport(defaultForm, loadSeed(2020));
    expect(report.problems).toEqual([]);
    expect(report.findings.map((f) => [f.ruleId, f.cell, f.expected, f.actual, f.difference])).toEqual(
      core.findings.map((f) => [f.ruleId, f.cell, f.expected, f.actual, f.difference]),
    );
  });

  it("starts bare with no data: the template, and no cell typed in", async () => {
    const { workbook, backend } = await bootPreview(undefined, EMPTY);
    const report = await backend.session.validate();
    expect(report.problems).toEqual([]);
    const filled = Object.entries(report.data.values).filter(([, v]) => v !== null && v !== "");
    expect(filled).toEqual([]);
    // The template itself is there: its totals are formulas.
    const at = cellIndex(defaultForm, report.data.lists).get("income.all.total")!;
    expect(workbook.cell(sheetAddress(at.sheet, at.row, at.column)).formula).toContain("SUM(");
    expect(report.data.lists.units ?? []).toHaveLength(0);
  });

  it("can start as a new workbook without the template", async () => {
    const { workbook, backend } = await bootPreview(undefined, null);
    expect(workbook.sheetNames()).toEqual(["Sheet1"]);
    const report = await backend.session.validate();
    expect(report.problems.map((p) => p.code)).toEqual(["noTemplate"]);
  });
});
