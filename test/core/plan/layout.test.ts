import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { expandRules } from "../../../src/core/check";
import { Dec } from "../../../src/core/money";
import { a1, sheetAddress } from "../../../src/core/plan/address";
import { buildLayoutPlan, totalFormulas } from "../../../src/core/plan/layout";
import type { LayoutPlan, SheetLayout } from "../../../src/core/plan/layout-types";
import { cellIndex, placeForm } from "../../../src/core/plan/placement";
import { CELL_STYLES } from "../../../src/core/plan/styles";
import { displayWidth } from "../../../src/core/plan/widths";
import { defaultForm as form } from "../../../src/core/spec";
import type { ReportData } from "../../../src/core/spec/data";
import { expandFields, type Lists } from "../../../src/core/spec/instances";
import { cellOf, references } from "./formula-engine";
import { loadSeed, workbookFromPlan } from "./plan-workbook";

const seeds = { 2020: loadSeed(2020), 2025: loadSeed(2025) };
const listCases: Array<[string, Lists]> = [
  ["2020 lists", seeds[2020].lists],
  ["2025 lists", seeds[2025].lists],
  ["no lists at all", {}],
  [
    "five units and coded 功能科目",
    {
      units: ["局机关", "甲", "乙", "丙", "丁"].map((name) => ({ name })),
      funcBasic: [
        { name: "行政运行", code: "2060101" },
        { name: "机关服务", code: "2060102" },
      ],
      econOther: [{ name: "其他资本性支出", code: "399" }],
    },
  ],
];

const sheetOf = (plan: LayoutPlan, id: string): SheetLayout => plan.sheets.find((s) => s.id === id)!;
const textAt = (sheet: SheetLayout, row: number, column: number): string | number | undefined =>
  sheet.cells.find((c) => c.row === row && c.column === column)?.value;

describe("every field sits where cellIndex says", () => {
  for (const [name, lists] of listCases) {
    it(`for ${name}`, () => {
      const plan = buildLayoutPlan(form, lists);
      const planned = new Map<string, string>();
      for (const sheet of plan.sheets)
        for (const c of sheet.cells)
          if (c.fieldId) {
            expect(planned.has(c.fieldId), `${c.fieldId} planned twice`).toBe(false);
            planned.set(c.fieldId, sheetAddress(sheet.name, c.row, c.column));
          }
      const index = cellIndex(form, lists);
      expect(planned.size).toBe(index.size);
      for (const [id, p] of index) expect(planned.get(id), id).toBe(sheetAddress(p.sheet, p.row, p.column));
      // Every value field of the form has its cell.
      for (const f of expandFields(form, lists)) expect(planned.has(f.id), f.id).toBe(true);
    });
  }

  it("list label cells carry the entries' names and codes", () => {
    const plan = buildLayoutPlan(form, listCases[3][1]);
    const cells = new Map(plan.sheets.flatMap((s) => s.cells.filter((c) => c.fieldId).map((c) => [c.fieldId!, c] as const)));
    expect(cells.get("income.unit[2].#name")?.value).toBe("甲");
    expect(cells.get("income.unit[2].#name")?.style).toBe("listLabel");
    expect(cells.get("funcBasic.item[2].#code")?.value).toBe("2060102");
    expect(cells.get("funcBasic.item[2].#name")?.value).toBe("机关服务");
    // An empty list still shows one row to type in, with a blank label.
    expect(cells.get("funcProject.item[1].#name")?.value).toBeUndefined();
  });
});

describe("the sheets hold together", () => {
  for (const [name, lists] of listCases) {
    it(`no two cells share a position and merges neither overlap nor miss their cells (${name})`, () => {
      const plan = buildLayoutPlan(form, lists);
      for (const sheet of plan.sheets) {
        const seen = new Set<string>();
        for (const c of sheet.cells) {
          const k = a1(c.row, c.column);
          expect(seen.has(k), `${sheet.name}!${k} twice`).toBe(false);
          seen.add(k);
          expect(c.value !== undefined && c.formula !== undefined, `${sheet.name}!${k} has value and formula`).toBe(false);
        }
        const covered = new Set<string>();
        for (const m of sheet.merges) {
          expect(m.bottom >= m.top && m.right >= m.left && (m.bottom > m.top || m.right > m.left)).toBe(true);
          for (let r = m.top; r <= m.bottom; r++)
            for (let c = m.left; c <= m.right; c++) {
              const k = a1(r, c);
              expect(covered.has(k), `${sheet.name}!${k} in two merges`).toBe(false);
              covered.add(k);
              // Only the top-left cell of a merge holds content.
              if (r !== m.top || c !== m.left) expect(textAt(sheet, r, c), `${sheet.name}!${k}`).toBeUndefined();
            }
        }
      }
    });
  }

  it("sheet names are the spec's Chinese names, then 校验 and 报告综述", () => {
    const plan = buildLayoutPlan(form, {});
    expect(plan.sheets.map((s) => s.name)).toEqual([...form.sheets.map((s) => s.name), "校验", "报告综述"]);
    expect(plan.sheets.map((s) => s.id)).toEqual([...form.sheets.map((s) => s.id), "checks", "narrative"]);
  });
});

/** The header rows of a table as the seed prints them: each row's cell texts, merged cells once. */
function seedHeaderRows(title: string, depth: number): string[][] {
  const lines = readFileSync("/work/shared/seeds/2020-yueyang-keji-self-evaluation.txt", "utf8").split("\n");
  const start = lines.findIndex((l) => l.trim() === title);
  expect(start, `seed has ${title}`).toBeGreaterThan(0);
  const groups: string[][] = [];
  let current: string[] = [];
  for (const line of lines.slice(start + 1)) {
    if (line.trim() === "" && !line.startsWith("\t")) {
      if (current.length) groups.push(current);
      current = [];
      if (groups.length === depth) break;
    } else current.push(line.replace(/^\t/, "").trim());
  }
  return groups.map((g) => g.filter((t) => t !== ""));
}

function planHeaderRows(plan: LayoutPlan, tableId: string): string[][] {
  const p = placeForm(form, {}).flatMap((s) => s.tables).find((t) => t.table.id === tableId)!;
  const sheet = plan.sheets.find((s) => s.id === p.sheet.id)!;
  const rows: string[][] = [];
  for (let r = p.headerTop; r < p.headerTop + p.headerDepth; r++) {
    rows.push(
      sheet.cells
        .filter((c) => c.row === r && c.column <= p.lastColumn && c.value !== undefined)
        .sort((x, y) => x.column - y.column)
        .map((c) => String(c.value)),
    );
  }
  return rows;
}

describe("official two- and three-level headers", () => {
  const plan = buildLayoutPlan(form, {});

  it("支出和结余 reproduces the seed's three header rows", () => {
    expect(planHeaderRows(plan, "expense")).toEqual(seedHeaderRows("部门（单位）年度支出和结余情况（万元）", 3));
  });

  it("支出和结余 merges 其中： over 基本支出…项目支出, 结余 over its two columns, and merges short paths down", () => {
    const sheet = sheetOf(plan, "expense");
    const merges = sheet.merges.filter((m) => m.top >= 3 && m.bottom <= 5);
    expect(merges).toEqual(
      expect.arrayContaining([
        { top: 3, left: 1, bottom: 5, right: 1 }, // 机构名称
        { top: 3, left: 2, bottom: 5, right: 2 }, // 支出合计
        { top: 3, left: 3, bottom: 3, right: 6 }, // 其中： over 基本支出 人员 公用 项目
        { top: 3, left: 7, bottom: 3, right: 8 }, // 结余 over 当年结余 累计结余
        { top: 4, left: 3, bottom: 5, right: 3 }, // 基本支出
        { top: 4, left: 4, bottom: 4, right: 5 }, // second 其中： over 人员支出 公用支出
        { top: 4, left: 6, bottom: 5, right: 6 }, // 项目支出
        { top: 4, left: 7, bottom: 5, right: 7 }, // 当年结余
        { top: 4, left: 8, bottom: 5, right: 8 }, // 累计结余
      ]),
    );
    expect(merges).toHaveLength(9);
    expect(textAt(sheet, 3, 3)).toBe("其中：");
    expect(textAt(sheet, 4, 4)).toBe("其中：");
    expect(textAt(sheet, 5, 4)).toBe("人员支出");
    expect(textAt(sheet, 5, 5)).toBe("公用支出");
    expect(sheet.freeze).toEqual({ rows: 5, columns: 1 });
  });

  it("收入 reproduces the seed's two header rows, 其中： merged over five columns", () => {
    expect(planHeaderRows(plan, "income")).toEqual(seedHeaderRows("年度收入情况（万元）", 2));
    const sheet = sheetOf(plan, "income");
    expect(sheet.merges).toEqual(expect.arrayContaining([{ top: 3, left: 3, bottom: 3, right: 7 }, { top: 3, left: 2, bottom: 4, right: 2 }]));
  });

  it("titles span their table and units sit right-aligned above the last column", () => {
    const sheet = sheetOf(plan, "income");
    expect(textAt(sheet, 1, 1)).toBe("年度收入情况");
    expect(sheet.merges).toContainEqual({ top: 1, left: 1, bottom: 1, right: 7 });
    expect(textAt(sheet, 2, 7)).toBe("单位：万元");
    expect(CELL_STYLES.unit.horizontal).toBe("right");
    expect(textAt(sheetOf(plan, "overview"), 22, 3)).toBe("单位：人");
    // A table of mixed units (texts and counts) prints no unit line.
    const basics = placeForm(form, {}).flatMap((s) => s.tables).find((t) => t.table.id === "basics")!;
    expect(textAt(sheetOf(plan, "overview"), basics.unitRow, basics.lastColumn)).toBeUndefined();
  });
});

/** Every cell a formula references, ranges expanded, as sheet-qualified A1. */
function referencedCells(formula: string, sheet: string): string[] {
  return references(formula).flatMap((r) => {
    const a = cellOf(r.from);
    const b = r.to ? cellOf(r.to) : a;
    const out: string[] = [];
    for (let row = a.row; row <= b.row; row++) for (let col = a.column; col <= b.column; col++) out.push(sheetAddress(r.sheet ?? sheet, row, col));
    return out;
  });
}

describe("totals are formulas of exactly their terms", () => {
  for (const [name, lists] of listCases) {
    it(`each formula-relation target references its rule's terms (${name})`, () => {
      const plan = buildLayoutPlan(form, lists);
      const index = cellIndex(form, lists);
      const at = (id: string): string => {
        const p = index.get(id)!;
        return sheetAddress(p.sheet, p.row, p.column);
      };
      const firstRule = new Map<string, ReturnType<typeof expandRules>[number]>();
      for (const rule of expandRules(form, lists)) if (rule.kind === "equation" && rule.relation.formula && !firstRule.has(rule.target)) firstRule.set(rule.target, rule);
      const formulaCells = plan.sheets.flatMap((s) => s.cells.filter((c) => c.fieldId && c.formula).map((c) => ({ sheet: s.name, c })));
      expect(new Set(formulaCells.map((x) => x.c.fieldId))).toEqual(new Set(firstRule.keys()));
      for (const { sheet, c } of formulaCells) {
        const rule = firstRule.get(c.fieldId!)!;
        if (rule.kind !== "equation") throw new Error("not an equation");
        const refs = referencedCells(c.formula!, sheet);
        expect([...refs].sort(), `${c.fieldId}: ${c.formula}`).toEqual(rule.terms.map((t) => at(t.field)).sort());
        // Subtracted terms appear after a minus sign, added ones not.
        for (const t of rule.terms.filter((x) => x.sign === -1)) expect(c.formula).toContain(`-${a1(index.get(t.field)!.row, index.get(t.field)!.column)}`);
        expect(c.style).toMatch(/^computed/);
      }
    });
  }

  it("list terms are one range, so a row inserted inside the table is summed too", () => {
    const plan = buildLayoutPlan(form, listCases[3][1]);
    const formulas = totalFormulas(form, listCases[3][1]);
    expect(formulas.get("income.all.carryover")?.formula).toBe("=SUM(C6:C10)");
    expect(formulas.get("income.all.total")?.formula).toBe("=SUM(C5:G5)");
    expect(formulas.get("econ.total.actual")?.formula).toMatch(/^=SUM\(C\d+:C\d+\)$/);
    expect(plan.sheets.find((s) => s.id === "income")!.cells.find((c) => c.fieldId === "income.all.carryover")?.formula).toBe("=SUM(C6:C10)");
  });

  it("no total refers back to itself, directly or through others", () => {
    for (const [, lists] of listCases) {
      const plan = buildLayoutPlan(form, lists);
      const wb = workbookFromPlan(form, plan, { form: form.id, lists: lists as ReportData["lists"], values: {} }, { keepFormulas: true });
      for (const sheet of plan.sheets) for (const c of sheet.cells) if (c.formula) expect(() => wb.value(sheet.name, c.row, c.column)).not.toThrow();
    }
  });

  for (const year of [2020, 2025] as const) {
    it(`evaluated over the ${year} seed's inputs, each total equals the exact decimal sum`, () => {
      const seed = seeds[year];
      const plan = buildLayoutPlan(form, seed.lists);
      const wb = workbookFromPlan(form, plan, seed, { keepFormulas: true });
      const formulas = totalFormulas(form, seed.lists);
      const exact = (id: string): Dec => {
        const f = formulas.get(id);
        if (f && f.rule.kind === "equation") return f.rule.terms.reduce((s, t) => s.plus(exact(t.field).times(t.sign)), new Dec(0));
        const raw = seed.values[id];
        const text = typeof raw === "string" ? raw : raw === undefined || raw === null ? "" : String(raw);
        return /^-?\d+(\.\d+)?$/.test(text) ? new Dec(text) : new Dec(0);
      };
      let checked = 0;
      for (const sheet of plan.sheets)
        for (const c of sheet.cells)
          if (c.fieldId && c.formula) {
            const got = wb.value(sheet.name, c.row, c.column);
            expect(typeof got).toBe("number");
            const want = exact(c.fieldId);
            expect(new Dec(got as number).minus(want).abs().lt("1e-9"), `${c.fieldId} ${String(got)} vs ${want.toString()}`).toBe(true);
            checked++;
          }
      expect(checked).toBe(formulas.size);
      // The figure the 2020 report printed is not the sum of its parts; the template computes the sum.
      if (year === 2020) expect(exact("econ.total.actual").toFixed(2)).toBe("1112.79");
    });
  }
});

describe("styles, widths, names", () => {
  const plan = buildLayoutPlan(form, seeds[2020].lists, { year: 2020, dept: "岳阳市科技局", selfRef: "我局" });

  it("input cells look different from computed ones; the officer's cells are unlocked", () => {
    expect(CELL_STYLES.inputAmount.fill).not.toBe(CELL_STYLES.computedAmount.fill);
    for (const id of ["inputAmount", "inputCount", "inputText", "listLabel"] as const) expect(CELL_STYLES[id].locked).toBe(false);
    expect(CELL_STYLES.computedAmount.locked).toBe(true);
    expect(CELL_STYLES.inputAmount.numberFormat).toBe("0.00");
    expect(CELL_STYLES.inputCount.numberFormat).toBe("0");
    expect(CELL_STYLES.inputText.numberFormat).toBe("@");
    expect(CELL_STYLES.header).toMatchObject({ bold: true, horizontal: "center", border: true });
    const fields = new Map(expandFields(form, seeds[2020].lists).map((f) => [f.id, f]));
    for (const sheet of plan.sheets)
      for (const c of sheet.cells) {
        if (!c.fieldId || c.fieldId.includes(".#")) continue;
        const kind = fields.get(c.fieldId)!.kind;
        const expected = c.formula ? (kind === "count" ? "computedCount" : "computedAmount") : kind === "text" ? "inputText" : kind === "count" || kind === "score" ? "inputCount" : "inputAmount";
        expect(c.style, c.fieldId).toBe(expected);
        expect(CELL_STYLES[c.style].border).toBe(true);
      }
    const score = plan.sheets.flatMap((s) => s.cells).find((c) => c.fieldId === "score.score");
    expect(score?.numberFormat).toBe("General");
    const indented = plan.sheets.flatMap((s) => s.cells).find((c) => c.value === "其中：行政编制");
    expect(indented).toMatchObject({ style: "label", indent: 1 });
  });

  it("pre-fills the department, year and self-reference", () => {
    const cells = new Map(plan.sheets.flatMap((s) => s.cells.filter((c) => c.fieldId).map((c) => [c.fieldId!, c] as const)));
    expect(cells.get("report.dept")?.value).toBe("岳阳市科技局");
    expect(cells.get("report.year")?.value).toBe(2020);
    expect(cells.get("report.selfRef")?.value).toBe("我局");
    expect(sheetOf(plan, "narrative").cells[0].value).toContain("岳阳市科技局2020年度");
  });

  it("columns are wide enough for their labels (a CJK character counting two)", () => {
    for (const sheet of plan.sheets.filter((s) => s.id !== "checks" && s.id !== "narrative")) {
      const widths = new Map(sheet.columnWidths.map((w) => [w.column, w.width]));
      for (const c of sheet.cells) {
        if ((c.style === "label" || c.style === "listLabel") && typeof c.value === "string" && !sheet.merges.some((m) => m.top === c.row && m.left === c.column)) {
          expect(widths.get(c.column)! >= Math.min(40, displayWidth(c.value)), `${sheet.name}!${a1(c.row, c.column)} ${c.value}`).toBe(true);
        }
      }
    }
    expect(displayWidth("收入合计")).toBe(8);
    expect(displayWidth("1,299.77")).toBe(8);
  });

  it("freezes panes below the first table's header on grid sheets", () => {
    for (const { sheet, tables } of placeForm(form, seeds[2020].lists)) {
      const laid = sheetOf(plan, sheet.id);
      if (tables[0].table.layout === "grid") expect(laid.freeze).toEqual({ rows: tables[0].bodyTop - 1, columns: tables[0].labelColumnCount });
      else expect(laid.freeze).toBeUndefined();
    }
  });

  it("names every table body and header, the 校验 rows, the 报告综述 area, and carries the form marker", () => {
    const names = new Map(plan.names.map((n) => [n.name, n.reference]));
    expect(plan.marker).toEqual({ name: "ZIPING_FORM", value: "yueyang-self-eval@1" });
    for (const { sheet, tables } of placeForm(form, seeds[2020].lists)) {
      for (const p of tables) {
        expect(names.get(`ZP_${p.table.id}`)).toBe(`${sheet.name}!$A$${p.bodyTop}:$${String.fromCharCode(64 + p.lastColumn)}$${p.lastRow}`);
        expect(names.get(`ZP_${p.table.id}_header`)).toBe(`${sheet.name}!$A$${p.headerTop}:$${String.fromCharCode(64 + p.lastColumn)}$${p.headerTop + p.headerDepth - 1}`);
      }
    }
    expect(names.get("ZP_income")).toBe("收入!$A$5:$G$7");
    expect(names.get("ZP_narrative")).toBe("报告综述!$A$4:$A$63");
    expect(names.get("ZP_checks")).toMatch(/^校验!\$A\$\d+:\$K\$\d+$/);
    for (const n of plan.names) {
      expect(n.name).toMatch(/^[A-Za-z_][A-Za-z0-9_.]*$/);
      expect(n.name).not.toMatch(/^[A-Za-z]{1,3}\d+$/);
    }
    expect(new Set(plan.names.map((n) => n.name.toUpperCase())).size).toBe(plan.names.length);
  });
});
