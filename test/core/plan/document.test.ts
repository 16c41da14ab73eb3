import { checkReport } from "../../../src/core/check";
import { narrate } from "../../../src/core/narrative";
import { buildDocumentPlan, type DocumentBlock } from "../../../src/core/plan/document";
import { buildLayoutPlan } from "../../../src/core/plan";
import { placeForm } from "../../../src/core/spec/placement";
import { defaultForm } from "../../../src/core/spec";
import { loadSeed } from "../../fixtures/load";

type TableBlock = Extract<DocumentBlock, { kind: "table" }>;

describe("the document plan of the written report", () => {
  const data = loadSeed(2020);
  const findings = checkReport(defaultForm, data).findings;
  const plan = buildDocumentPlan({ form: defaultForm, data, narrative: narrate(defaultForm, data), date: "2021年3月10日", findings });
  const tables = plan.blocks.filter((b): b is TableBlock => b.kind === "table");

  it("follows the outline: its headings in order, each followed by the tables it names", () => {
    const headings = plan.blocks.filter((b) => b.kind === "heading" && b.level === 1).map((b) => (b as { text: string }).text);
    expect(headings).toEqual(defaultForm.report!.sections.map((s) => s.heading));
    // The seed has no 上年数 (nothing imported from last year's workbook): that table is left out.
    const named = defaultForm.report!.sections.flatMap((s) => s.blocks.flatMap((b) => (b.kind === "table" && !b.whenFilled ? [b.table] : [])));
    const titles = new Map(defaultForm.sheets.flatMap((s) => s.tables.map((t) => [t.id, t.title])));
    expect(tables.map((t) => t.title)).toEqual(named.map((id) => titles.get(id)));
  });

  it("prints the 上年数 table once last year's figures are in, after 二's tables, with the figures and the 与上年比较 sentences", () => {
    const lastYear = { "lastYear.incomeTotal": "1188.23", "lastYear.expenseTotal": "1225.66", "lastYear.assetsTotal": "144.71", "lastYear.inService": "41" };
    const withPrior = { ...data, values: { ...data.values, ...lastYear } };
    const narrative = narrate(defaultForm, withPrior);
    const blocks = buildDocumentPlan({ form: defaultForm, data: withPrior, narrative, date: "2021年3月10日" }).blocks;
    const at = blocks.findIndex((b) => b.kind === "table" && b.title === "上年数（与上年比较用）");
    expect(at).toBeGreaterThan(0);
    expect(blocks.slice(0, at).filter((b) => b.kind === "heading" && b.level === 1).map((b) => (b as { text: string }).text).pop()).toBe("二、部门（单位）收支情况");
    const table = blocks[at] as TableBlock;
    expect(table.rows.slice(table.headerRows).map((r) => r.map((c) => c.text).find((text) => /^\d/.test(text)))).toEqual(["1188.23", "1225.66", "144.71", "41"]);
    // Only one of them filled is enough to print it.
    const one = { ...data, values: { ...data.values, "lastYear.inService": "41" } };
    expect(buildDocumentPlan({ form: defaultForm, data: one, narrative: narrate(defaultForm, one), date: "2021年3月10日" }).blocks.some((b) => b.kind === "table" && b.title === "上年数（与上年比较用）")).toBe(true);
    // The sentences comparing with last year are in the report's paragraphs, verbatim.
    const texts = blocks.flatMap((b) => (b.kind === "paragraph" ? [b.text] : []));
    const yoy = narrative.paragraphs.flatMap((p) => p.sentences).filter((s) => ["exec.change.income", "exec.change.expense", "exec.change.assets", "staff.change"].includes(s.id));
    expect(yoy).toHaveLength(4);
    for (const s of yoy) expect(texts.some((t) => t.includes(s.text)), s.text).toBe(true);
  });

  it("lays each table out as the workbook does: header rows, merges and 单位 line from the layout plan", () => {
    const layout = buildLayoutPlan(defaultForm, data.lists);
    const placed = new Map(placeForm(defaultForm, data.lists).flatMap((s) => s.tables.map((t) => [t.table.title, t] as const)));
    for (const t of tables) {
      const p = placed.get(t.title)!;
      const sheet = layout.sheets.find((s) => s.id === p.sheet.id)!;
      expect(t.headerRows, t.title).toBe(p.headerDepth);
      expect(t.rows.length, t.title).toBe(p.lastRow - p.headerTop + 1);
      // Every row covers the table's columns exactly, merged cells counted by their span.
      const merges = sheet.merges.filter((m) => m.top >= p.headerTop && m.bottom <= p.lastRow);
      t.rows.forEach((row, i) => {
        const r = p.headerTop + i;
        const coveredFromAbove = merges.filter((m) => m.top < r && m.bottom >= r).reduce((n, m) => n + m.right - m.left + 1, 0);
        const width = row.reduce((n, c) => n + (c.columnSpan ?? 1), 0);
        expect(width + coveredFromAbove, `${t.title} row ${r}`).toBe(p.lastColumn);
      });
      const spans = t.rows.flat().filter((c) => (c.columnSpan ?? 1) > 1 || (c.rowSpan ?? 1) > 1).length;
      expect(spans, t.title).toBe(merges.length);
    }
    const income = tables.find((t) => t.title === "年度收入情况")!;
    expect(income.unit).toBe("单位：万元");
    // The seed's 收入合计 of 局机关及二级机构汇总, and the units' names from the data's lists.
    expect(income.rows[income.headerRows].map((c) => c.text).slice(0, 2)).toEqual(["局机关及二级机构汇总", "1299.77"]);
    expect(income.rows.slice(income.headerRows).map((r) => r[0].text)).toEqual(["局机关及二级机构汇总", ...data.lists.units!.map((u) => u.name)]);
  });

  it("puts narrate's paragraphs in verbatim and lists only the errors on the 校验提示 page", () => {
    const texts = plan.blocks.filter((b) => b.kind === "paragraph").map((b) => (b as { text: string }).text);
    for (const p of narrate(defaultForm, data).paragraphs.filter((x) => x.status === "ok")) expect(texts).toContain(p.text);
    const errors = findings.filter((f) => f.severity === "error");
    expect(errors.length).toBeGreaterThan(0);
    expect(findings.length).toBeGreaterThan(errors.length);
    expect(plan.findings).toEqual(errors.map((f) => ({ cell: f.cell, message: f.message })));
    expect(plan.cover).toMatchObject({ title: "部门整体支出绩效自评报告", dept: "岳阳市科技局", year: "2020", date: "2021年3月10日" });
  });

  it("has no 校验提示 page when no findings are given (--no-findings)", () => {
    const bare = buildDocumentPlan({ form: defaultForm, data, narrative: narrate(defaultForm, data), date: "2021年3月10日" });
    expect(bare.findings).toBeUndefined();
  });

  it("calculates a total the data leaves out, as the workbook's formula would", () => {
    const values = { ...data.values };
    delete values["income.all.total"];
    const plain = buildDocumentPlan({ form: defaultForm, data: { ...data, values }, narrative: narrate(defaultForm, data), date: "x" });
    const income = plain.blocks.find((b): b is TableBlock => b.kind === "table" && b.title === "年度收入情况")!;
    expect(income.rows[income.headerRows][1].text).toBe("1299.77");
  });
});
