import { checkReport, type Finding } from "../../src/core/check";
import { defaultForm } from "../../src/core/spec";
import { findingChanges } from "../../src/taskpane/model/finding-changes";
import { countBySeverity, groupFindings, localCell, sheetOfCell, tableIdOf } from "../../src/taskpane/model/findings";
import { loadSeed } from "../fixtures/load";

const RANK = { error: 0, warning: 1, info: 2 } as const;

function finding(fields: string[], severity: Finding["severity"], cell = "收入!C6"): Finding {
  return { ruleId: `${fields[0]}#${severity}`, relationId: "r", kind: "sum", severity, fields, cell, cells: [cell], message: "m" };
}

describe("grouping findings by table for the 校验 tab", () => {
  const seedFindings = checkReport(defaultForm, loadSeed(2020)).findings;

  it("keeps every finding of the 2020 seed exactly once, each under the table of its first field", () => {
    const groups = groupFindings(seedFindings, defaultForm);
    const flat = groups.flatMap((g) => g.findings);
    expect(flat).toHaveLength(seedFindings.length);
    expect(new Set(flat.map((f) => f.ruleId))).toEqual(new Set(seedFindings.map((f) => f.ruleId)));
    for (const g of groups) for (const f of g.findings) expect(tableIdOf(f.fields[0])).toBe(g.tableId);
  });

  it("puts groups with errors before those with overspends before those with notes, errors first inside each", () => {
    const groups = groupFindings(seedFindings, defaultForm);
    const worst = groups.map((g) => RANK[g.worst]);
    expect(worst).toEqual([...worst].sort((a, b) => a - b));
    for (const g of groups) {
      const ranks = g.findings.map((f) => RANK[f.severity]);
      expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
      expect(RANK[g.worst]).toBe(Math.min(...ranks));
    }
    // The seed has errors in two tables (人员情况, 经济分类), so both lead.
    expect(groups[0].worst).toBe("error");
  });

  it("names each group by its table title and sheet from the form", () => {
    const groups = groupFindings([finding(["staff.actual"], "error", "基本概况!B28")], defaultForm);
    const staff = defaultForm.sheets.flatMap((s) => s.tables.map((t) => ({ s, t }))).find((x) => x.t.id === "staff")!;
    expect(groups).toEqual([
      expect.objectContaining({ tableId: "staff", tableTitle: staff.t.title, sheetName: staff.s.name, worst: "error" }),
    ]);
  });

  it("orders groups of equal severity by layout order, and gathers unknown tables under one group", () => {
    const groups = groupFindings(
      [finding(["sangong.total.current"], "info"), finding(["income.all.total"], "info"), finding(["zzz.a"], "info", "'其他 表'!A1")],
      defaultForm,
    );
    expect(groups.map((g) => g.tableId)).toEqual(["income", "sangong", ""]);
    expect(groups[2].sheetName).toBe("其他 表");
  });

  it("counts by severity", () => {
    const counts = countBySeverity(seedFindings);
    expect(counts.error + counts.warning + counts.info).toBe(seedFindings.length);
    expect(counts.error).toBe(seedFindings.filter((f) => f.severity === "error").length);
  });
});

describe("addresses", () => {
  it("reads table ids from field ids, sheets and local cells from sheet-qualified addresses", () => {
    expect(tableIdOf("income.unit[2].total")).toBe("income");
    expect(tableIdOf("staff.actual")).toBe("staff");
    expect(sheetOfCell("基本概况!B28")).toBe("基本概况");
    expect(sheetOfCell("'收入 (2)'!A1")).toBe("收入 (2)");
    expect(sheetOfCell("'O''Brien'!A1")).toBe("O'Brien");
    expect(sheetOfCell("A1")).toBe("");
    expect(localCell("'收入 (2)'!C7")).toBe("C7");
  });
});

describe("what an import changed in the findings", () => {
  it("compares by rule and cell: a reworded message is the same finding, the same rule at another cell is not", () => {
    const kept = finding(["income.all.total"], "error", "收入!B5");
    const reworded = { ...kept, message: "另一种说法" };
    const moved = finding(["income.all.total"], "error", "收入!B6");
    const gone = finding(["expense.all.total"], "warning", "支出和结余!B5");
    const { added, resolved } = findingChanges([kept, gone], [reworded, moved]);
    expect(added).toEqual([moved]);
    expect(resolved).toEqual([gone]);
  });

  it("an edit of the 2020 seed: a mistyped 财政拨款 brings its row and column findings, and typing it back resolves them", () => {
    const seed = loadSeed(2020);
    const clean = checkReport(defaultForm, seed).findings;
    const slip = checkReport(defaultForm, { ...seed, values: { ...seed.values, "income.unit[1].fiscal": "1" } }).findings;
    const brought = findingChanges(clean, slip);
    expect(brought.resolved).toEqual([]);
    expect(brought.added.map((f) => f.cell).sort()).toEqual(["收入!B6", "收入!D5"]);
    expect(findingChanges(slip, clean)).toEqual({ added: [], resolved: brought.added });
  });
});
