import { join } from "node:path";
import { readFileSync } from "node:fs";
import { checkReport } from "../../../src/core/check";
import { expandRules } from "../../../src/core/spec/rules";
import { Dec, parseAmount } from "../../../src/core/money";
import { a1, sheetAddress } from "../../../src/core/excel/address";
import { buildLayoutPlan, totalFormulas } from "../../../src/core/plan/layout";
import type { LayoutPlan, SheetLayout } from "../../../src/core/plan/layout-types";
import { cellIndex, placeForm, rowSpecOffsets } from "../../../src/core/spec/placement";
import { valuesFromRead } from "../../../src/core/plan/read-plan";
import { CELL_STYLES } from "../../../src/core/plan/styles";
import { displayWidth } from "../../../src/core/plan/widths";
import { defaultForm as form } from "../../../src/core/spec";
import { rawText, type ReportData } from "../../../src/core/spec/data";
import { expandFields, isNumericKind, type Lists } from "../../../src/core/spec/instances";
import { cellOf, nodeReferences, parse, type Node } from "./formula-engine";
import { loadSeed, readWorkbook, workbookFromPlan } from "./plan-workbook";

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
  const lines = readFileSync(join(__dirname, "../../fixtures/seeds/2020-yueyang-keji-self-evaluation.txt"), "utf8").split("\n");
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

type Reference = { sheet?: string; from: string; to?: string };

/** Every cell of some references, ranges expanded, as sheet-qualified A1. */
function cellsOf(refs: Reference[], sheet: string): string[] {
  return refs.flatMap((r) => {
    const a = cellOf(r.from);
    const b = r.to ? cellOf(r.to) : a;
    const out: string[] = [];
    for (let row = a.row; row <= b.row; row++) for (let col = a.column; col <= b.column; col++) out.push(sheetAddress(r.sheet ?? sheet, row, col));
    return out;
  });
}

/**
 * A total's formula, =IF(<guard>=0,"",<expression>), taken apart: the cells its guard measures
 * (each area as LEN(TRIM(cell)) or SUMPRODUCT(LEN(TRIM(range))), added up) and the cells its
 * expression adds. Throws on any other shape.
 */
function totalParts(formula: string, sheet: string): { guard: string[]; expression: string[] } {
  const tree = parse(formula);
  const bad = (why: string): never => {
    throw new Error(`${formula}: ${why}`);
  };
  if (tree.k !== "call" || tree.name !== "IF" || tree.args.length !== 3) return bad('not IF(…,"",…)');
  const [test, ifNothing, expression] = tree.args;
  if (ifNothing.k !== "lit" || ifNothing.v !== "") bad('the blank branch is not ""');
  if (test.k !== "bin" || test.op !== "=" || test.b.k !== "lit" || test.b.v !== 0) return bad("the test is not <guard>=0");
  const measured: Reference[] = [];
  const walk = (n: Node): void => {
    if (n.k === "bin" && n.op === "+") {
      walk(n.a);
      walk(n.b);
      return;
    }
    const lifted = n.k === "call" && n.name === "SUMPRODUCT" && n.args.length === 1;
    const len = lifted ? n.args[0] : n;
    if (len.k !== "call" || len.name !== "LEN" || len.args.length !== 1) return bad("a guard term is not LEN(…)");
    const trim = len.args[0];
    if (trim.k !== "call" || trim.name !== "TRIM" || trim.args.length !== 1 || trim.args[0].k !== "ref") return bad("a guard term is not LEN(TRIM(ref))");
    const ref = trim.args[0];
    // A range needs SUMPRODUCT (elsewhere Excel would intersect it with the formula's row).
    if (lifted !== Boolean(ref.to)) bad("SUMPRODUCT around a range, and only around a range");
    measured.push(ref);
  };
  walk(test.a);
  return { guard: cellsOf(measured, sheet), expression: cellsOf(nodeReferences(expression), sheet) };
}

type Totals = ReturnType<typeof totalFormulas>;

/**
 * What each total should show, from the typed values alone: blank when none of its parts holds
 * anything (spaces are nothing; a nested total is something when it is not blank), else the
 * exact decimal sum of the figures, a word such as 无 or — counting 0.
 */
function expectedTotals(formulas: Totals, values: ReportData["values"]): Map<string, Dec | undefined> {
  const memo = new Map<string, Dec | undefined>();
  const of = (id: string): Dec | undefined => {
    const total = formulas.get(id);
    if (!total) {
      const text = String(rawText(values[id]) ?? "").trim();
      if (text === "") return undefined;
      return /^-?\d+(\.\d+)?$/.test(text) ? new Dec(text) : new Dec(0);
    }
    if (memo.has(id)) return memo.get(id);
    if (total.rule.kind !== "equation") throw new Error("not an equation");
    let sum: Dec | undefined;
    for (const t of total.rule.terms) {
      const part = of(t.field);
      if (part !== undefined) sum = (sum ?? new Dec(0)).plus(part.times(t.sign));
    }
    memo.set(id, sum);
    return sum;
  };
  return new Map([...formulas.keys()].map((id) => [id, of(id)]));
}

describe("totals are formulas of exactly their terms", () => {
  for (const [name, lists] of listCases) {
    it(`each formula-relation target references its rule's terms, and its blank guard the same cells (${name})`, () => {
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
        const { guard, expression } = totalParts(c.formula!, sheet);
        const terms = rule.terms.map((t) => at(t.field)).sort();
        expect([...expression].sort(), `${c.fieldId}: ${c.formula}`).toEqual(terms);
        // The guard measures exactly the cells the expression adds, each once.
        expect([...guard].sort(), `${c.fieldId}: ${c.formula}`).toEqual(terms);
        // Subtracted terms appear after a minus sign, added ones not.
        for (const t of rule.terms.filter((x) => x.sign === -1)) expect(c.formula).toContain(`-${a1(index.get(t.field)!.row, index.get(t.field)!.column)}`);
        expect(c.style).toMatch(/^computed/);
      }
    });
  }

  it("list terms are one range, so a row inserted inside the table is summed (and measured) too", () => {
    const plan = buildLayoutPlan(form, listCases[3][1]);
    const formulas = totalFormulas(form, listCases[3][1]);
    const carryover = '=IF(SUMPRODUCT(LEN(TRIM(C6:C10)))=0,"",SUM(C6:C10))';
    expect(formulas.get("income.all.carryover")?.formula).toBe(carryover);
    expect(formulas.get("income.all.total")?.formula).toBe('=IF(SUMPRODUCT(LEN(TRIM(C5:G5)))=0,"",SUM(C5:G5))');
    expect(formulas.get("econ.total.actual")?.formula).toMatch(/^=IF\(SUMPRODUCT\(LEN\(TRIM\((C\d+:C\d+)\)\)\)=0,"",SUM\(\1\)\)$/);
    expect(plan.sheets.find((s) => s.id === "income")!.cells.find((c) => c.fieldId === "income.all.carryover")?.formula).toBe(carryover);
  });

  it("no total refers back to itself, directly or through others", () => {
    for (const [, lists] of listCases) {
      const plan = buildLayoutPlan(form, lists);
      const wb = workbookFromPlan(form, plan, { form: form.id, lists: lists as ReportData["lists"], values: {} }, { keepFormulas: true });
      for (const sheet of plan.sheets) for (const c of sheet.cells) if (c.formula) expect(() => wb.value(sheet.name, c.row, c.column)).not.toThrow();
    }
  });

  for (const year of [2020, 2025] as const) {
    it(`evaluated over the ${year} seed's inputs, each total equals the exact decimal sum, or is blank when no part is filled`, () => {
      const seed = seeds[year];
      const plan = buildLayoutPlan(form, seed.lists);
      const wb = workbookFromPlan(form, plan, seed, { keepFormulas: true });
      const formulas = totalFormulas(form, seed.lists);
      const expected = expectedTotals(formulas, seed.values);
      let sums = 0;
      let blanks = 0;
      for (const sheet of plan.sheets)
        for (const c of sheet.cells)
          if (c.fieldId && c.formula) {
            const got = wb.value(sheet.name, c.row, c.column);
            const want = expected.get(c.fieldId);
            if (want === undefined) {
              expect(got, `${c.fieldId} has no part filled`).toBe("");
              blanks++;
              continue;
            }
            expect(typeof got, c.fieldId).toBe("number");
            expect(new Dec(got as number).minus(want).abs().lt("1e-9"), `${c.fieldId} ${String(got)} vs ${want.toString()}`).toBe(true);
            sums++;
          }
      expect(sums + blanks).toBe(formulas.size);
      // The 2025 seed prints few of the tables that hold totals.
      expect(sums).toBeGreaterThan(year === 2020 ? 20 : 1);
      // The 2020 seed leaves whole parts of the form empty (no 项目支出 功能科目 at all, for one).
      if (year === 2020) {
        expect(blanks).toBeGreaterThan(0);
        expect(expected.get("funcProject.total.amount")).toBeUndefined();
        // The figure the report printed is not the sum of its parts; the template computes the sum.
        expect(expected.get("econ.total.actual")?.toFixed(2)).toBe("1112.79");
      }
    });
  }
});

describe("a total is blank exactly when the core finds none of its parts filled", () => {
  const seed = seeds[2020];
  const lists = seed.lists;
  const plan = buildLayoutPlan(form, lists);
  const formulas = totalFormulas(form, lists);
  const inputs = expandFields(form, lists).filter((f) => isNumericKind(f.kind) && !formulas.has(f.id));
  // Whole figures only, so every rule can pass exactly and no count is fractional.
  const WORDS = ["", "", " ", "无", "—", "-", "/", "——", "12", "0", "3"];
  const fill = (word: (i: number) => string): ReportData => {
    const values: ReportData["values"] = {};
    inputs.forEach((f, i) => {
      const w = word(i);
      if (w !== "") values[f.id] = w;
    });
    return { form: form.id, lists, values };
  };
  const patterns: Array<[string, ReportData]> = [
    ...[...new Set(WORDS)].map((w): [string, ReportData] => [`every part "${w}"`, fill(() => w)]),
    ...[1, 2, 3, 4, 5, 6].map((p): [string, ReportData] => [`mixed #${p}`, fill((i) => WORDS[(i * (2 * p + 1) + p * p) % WORDS.length])]),
  ];

  for (const [name, data] of patterns) {
    it(`shows the sum or a blank, and the core on the read-back workbook passes or skips as not filled (${name})`, () => {
      const wb = workbookFromPlan(form, plan, data, { keepFormulas: true });
      const expected = expectedTotals(formulas, data.values);
      const read = valuesFromRead(form, lists, readWorkbook(form, lists, wb));
      const results = new Map(checkReport(form, read).results.map((r) => [r.rule.id, r]));
      const wrong: string[] = [];
      for (const sheet of plan.sheets)
        for (const c of sheet.cells) {
          if (!c.fieldId || !c.formula) continue;
          const got = wb.value(sheet.name, c.row, c.column);
          const want = expected.get(c.fieldId);
          // A one-cell total copies its part, so a lone 无 shows as 无 (the core reads it as 0).
          const shown = typeof got === "number" ? new Dec(got) : got === "" ? undefined : typeof got === "string" && parseAmount(got).kind === "none" ? new Dec(0) : got;
          const same = want === undefined ? shown === undefined : shown instanceof Dec && shown.minus(want).abs().lt("1e-9");
          if (!same) wrong.push(`${c.fieldId}: shows ${JSON.stringify(got)}, expected ${want?.toString() ?? "blank"}`);
          const result = results.get(formulas.get(c.fieldId)!.rule.id);
          const verdict = result ? `${result.status}${result.reason ? ` ${result.reason}` : ""}` : "no result";
          const core = want === undefined ? "skipped 未填写" : "pass";
          if (verdict !== core) wrong.push(`${c.fieldId}: the core says ${verdict}, expected ${core}`);
        }
      expect(wrong).toEqual([]);
      const blank = [...expected.values()].filter((v) => v === undefined).length;
      if (name === 'every part ""') expect(blank).toBe(formulas.size);
      if (name.startsWith("mixed")) expect(blank).toBeLessThan(formulas.size);
    });
  }

  it("the mixed patterns leave some totals blank and fill others, with parts of words alone among them", () => {
    let blank = 0;
    let wordsOnly = 0;
    for (const [name, data] of patterns.filter(([n]) => n.startsWith("mixed"))) {
      const expected = expectedTotals(formulas, data.values);
      blank += [...expected.values()].filter((v) => v === undefined).length;
      for (const [id, total] of formulas) {
        if (total.rule.kind !== "equation") continue;
        const parts = total.rule.terms.map((t) => String(rawText(data.values[t.field]) ?? "").trim());
        if (parts.some((p) => p !== "") && parts.every((p) => p === "" || parseAmount(p).kind === "none")) wordsOnly++;
        expect(expected.has(id), name).toBe(true);
      }
    }
    expect(blank).toBeGreaterThan(5);
    expect(wordsOnly).toBeGreaterThan(5);
  });

  it("known edge: parts of only full-width spaces are blank to the core but not to TRIM, so the total shows 0; its rule is still 未填写", () => {
    const total = formulas.get("income.all.carryover")!;
    if (total.rule.kind !== "equation") throw new Error("not an equation");
    const values: ReportData["values"] = Object.fromEntries(total.rule.terms.map((t) => [t.field, "\u3000"]));
    const data: ReportData = { form: form.id, lists, values };
    const wb = workbookFromPlan(form, plan, data, { keepFormulas: true });
    const cell = plan.sheets.flatMap((s) => s.cells.map((c) => ({ sheet: s.name, c }))).find(({ c }) => c.fieldId === "income.all.carryover")!;
    expect(wb.value(cell.sheet, cell.c.row, cell.c.column)).toBe(0);
    const read = valuesFromRead(form, lists, readWorkbook(form, lists, wb));
    const result = checkReport(form, read).results.find((r) => r.rule.id === total.rule.id)!;
    expect([result.status, result.reason]).toEqual(["skipped", "未填写"]);
  });
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
        const expected = c.formula ? (kind === "count" || kind === "score" ? "computedCount" : "computedAmount") : kind === "text" ? "inputText" : kind === "count" || kind === "score" ? "inputCount" : "inputAmount";
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
    expect(names.get("ZP_checks")).toMatch(/^校验!\$A\$\d+:\$M\$\d+$/);
    for (const n of plan.names) {
      expect(n.name).toMatch(/^[A-Za-z_][A-Za-z0-9_.]*$/);
      expect(n.name).not.toMatch(/^[A-Za-z]{1,3}\d+$/);
    }
    expect(new Set(plan.names.map((n) => n.name.toUpperCase())).size).toBe(plan.names.length);
  });
});

describe("placement: rows are counted without being built", () => {
  it.each(listCases)("%s: each row spec's offset and the last row agree with the rows built", (_name, lists) => {
    for (const { tables } of placeForm(form, lists)) {
      for (const p of tables) {
        const offsets = rowSpecOffsets(p.table, lists);
        p.rows.forEach((row, i) => {
          if (row.listIndex === undefined || row.listIndex === 1) expect(offsets.get(row.spec.id), `${p.table.id}.${row.id}`).toBe(i);
        });
        expect(p.lastRow).toBe(p.bodyTop + p.rows.length - 1);
      }
    }
  });

  it("rows built after a list grew are the rows placed", () => {
    const lists: Lists = { units: [{ name: "甲" }, { name: "乙" }] };
    const placed = placeForm(form, lists).flatMap((s) => s.tables).find((p) => p.table.rows.some((r) => r.list === "units"))!;
    lists.units!.push({ name: "丙" });
    expect(placed.rows.filter((r) => r.spec.list === "units").map((r) => r.label)).toEqual(["甲", "乙"]);
    expect(placed.bodyTop + placed.rows.length - 1).toBe(placed.lastRow);
  });
});
