import { describe, expect, it } from "vitest";
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
