import { expectTypeOf } from "expect-type";
import type { ExcelRun } from "../../../src/hosts/office";
import { checkReport } from "../../../src/core/check";
import { defaultForm } from "../../../src/core/spec";
import { layOut, seed, setup, typeReport } from "./helpers";

describe("office host on the memory workbook: the 2020 seed", () => {
  it("lays out the template and, with the seed's figures typed in, finds exactly what the core finds", async () => {
    const { wb, session } = setup();
    await layOut(session);
    typeReport(wb, seed);
    const report = await session.validate();
    const core = checkReport(defaultForm, seed);
    expect(report.problems).toEqual([]);
    expect(report.findings.map((f) => [f.ruleId, f.kind, f.cell, f.expected, f.actual, f.difference])).toEqual(
      core.findings.map((f) => [f.ruleId, f.kind, f.cell, f.expected, f.actual, f.difference]),
    );
    expect(report.findings.length).toBeGreaterThan(0);
  });
});

describe("the session's contract", () => {
  it("accepts Excel.run itself (type-level) and counts a bounded number of syncs for a fresh layout", async () => {
    expectTypeOf<typeof Excel.run>().toMatchTypeOf<ExcelRun>();
    const small = setup();
    const large = setup();
    const a = await layOut(small.session);
    const b = await layOut(large.session, { units: Array.from({ length: 120 }, (_, i) => ({ name: `单位${i + 1}` })) });
    // 2 reads to inspect, one write per sheet (the form's, 校验 and 报告综述), one for the form marker: the same at any size.
    const sheets = defaultForm.sheets.length + 2;
    expect(a.applied.syncs).toBe(2 + sheets + 1);
    expect(b.applied.syncs).toBe(2 + sheets + 1);
    expect(small.wb.stats.writeSyncs).toBe(sheets + 1);
    expect(small.wb.nameFormula("ZIPING_FORM")).toBe('="yueyang-self-eval@1"');
    expect(small.wb.model.getName("ZIPING_FORM")?.visible).toBe(false);
    expect(small.wb.freeze("收入")).toEqual({ rows: 4, columns: 1 });
    expect(small.wb.columnWidth("收入", 1)).toBeGreaterThan(small.wb.columnWidth("收入", 2)!);
    expect(small.wb.cell("收入!C6").format).toMatchObject({ fill: "#FFF9E5", locked: false });
    expect(small.wb.cell("收入!B6").format).toMatchObject({ fill: "#DDEBF7", locked: true });
    expect(small.wb.cell("收入!B6").formula).toBe('=IF(SUMPRODUCT(LEN(TRIM(C6:G6)))=0,"",SUM(C6:G6))');
    expect(small.wb.cell("收入!G2")).toMatchObject({ value: "单位：万元" });
  });
});
