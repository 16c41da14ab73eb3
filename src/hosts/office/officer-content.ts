/**
 * What the officer keeps on template sheets besides the template's own cells, and how a layout
 * change carries it without losing any of it.
 *
 * The template's own cells ("template cells") of the workbook as it is: each table's title, unit
 * and header cells where its header is now, every body row the read recognised (labels and
 * fields), and the 校验 / 报告综述 blocks. Any other non-empty cell on a template sheet is the
 * officer's ("foreign"): a note below a table, a figure beside it.
 *
 * - A foreign cell the new layout needs (a planned cell, or a cell inside a planned merge) is a
 *   conflict: the preview lists it and apply refuses until the officer agrees that it moves to
 *   the sheet's first empty columns to the right, same row, block shape kept.
 * - A formula the officer typed into a field stays a formula: its references follow the cells
 *   they read (see remap.ts). Only the template's own total formulas — a formula in a total cell
 *   that reads exactly the cells the template's total reads — are planned afresh.
 * - Formulas anywhere in the workbook (other sheets included) that read cells a re-layout moves
 *   are rewritten to read the same cells at their new place.
 * - A formula whose references cannot follow (they read a row the new layout no longer has) is
 *   kept unchanged and listed as a conflict, so the officer checks it.
 * A re-laid-out sheet clears only old template cells the new layout leaves unused: never a
 * foreign cell.
 */
import { cellKey, parseArea, sheetAddress, topLeftOf } from "../../core/excel/address";
import { CHECK_FIRST_ROW, CHECK_SHEET_ID } from "../../core/plan/check-sheet";
import { buildLayoutPlan, totalFormulas } from "../../core/plan/layout";
import type { LayoutPlan, SheetLayout } from "../../core/plan/layout-types";
import { CHECKS_NAME, SCORING_NAME, tableBodyName, tableHeaderName } from "../../core/plan/names";
import { headerDepthOf, placeForm } from "../../core/spec/placement";
import type { ReadCell } from "../../core/plan/read-plan";
import type { Lists } from "../../core/spec";
import type { FormSpec } from "../../core/spec/types";
import { CellSet } from "./cell-set";
import { isFormula, type Existing } from "./existing";
import type { ContentConflict } from "./index";
import { nameTarget, type WorkbookState } from "./read";
import { referencedCells, remapFormula, type CellMover } from "./remap";
import type { CellContent } from "./write-sheet";

export type SheetMode = "create" | "inPlace" | "relayout";

export interface CellWrite {
  row: number;
  column: number;
  content: CellContent;
}

export interface CarriedContent {
  conflicts: ContentConflict[];
  /** Per sheet: the officer's cells moved out of the new layout's way (written before the layout), and their old cells to clear. */
  relocations: Map<string, { writes: CellWrite[]; sources: Array<{ row: number; column: number }> }>;
  /** Per sheet whose batch carries them: formulas (on any sheet) rewritten because cells they read moved. */
  rewrites: Map<string, Array<{ sheet: string; row: number; column: number; formula: string }>>;
  /** Per re-laid-out sheet: the old template cells, the only cells a re-layout may clear. */
  template: Map<string, CellSet>;
  /** Old field id → the officer's formula in it, as it reads once the sheet is re-laid out. */
  officerFormulas: Map<string, string>;
}

export interface CarryInput {
  form: FormSpec;
  state: WorkbookState;
  existing: Existing;
  /** The field id a planned field had in the workbook as read. */
  previousId: (fieldId: string) => string;
  /** Lists the workbook shows now, and the lists the new layout is planned for. */
  lists: { before: Lists; after: Lists };
  /** The new plan, with the sheet names actually used. */
  plan: LayoutPlan;
  modes: Map<string, SheetMode>;
}

/** The value a kept cell is written back with. */
export function keptContent(value: unknown): CellContent {
  if (typeof value === "number") return { kind: "number", value };
  if (typeof value === "boolean") return { kind: "text", text: value ? "TRUE" : "FALSE" };
  return { kind: "text", text: String(value) };
}

const headerCache = new WeakMap<FormSpec, Map<string, Array<{ dr: number; column: number }>>>();

/** Cells of each table's title, unit and header rows, relative to its first header row. */
function headerTemplate(form: FormSpec): Map<string, Array<{ dr: number; column: number }>> {
  let out = headerCache.get(form);
  if (out) return out;
  out = new Map();
  const plan = buildLayoutPlan(form, {});
  for (const { sheet, tables } of placeForm(form, {})) {
    const layout = plan.sheets.find((s) => s.id === sheet.id);
    // A cell a merge covers (not its top-left) holds nothing of the template's.
    const covered = (row: number, column: number): boolean =>
      (layout?.merges ?? []).some((m) => row >= m.top && row <= m.bottom && column >= m.left && column <= m.right && (row !== m.top || column !== m.left));
    for (const p of tables) {
      out.set(
        p.table.id,
        (layout?.cells ?? [])
          .filter((c) => c.row >= p.titleRow && c.row < p.bodyTop && !covered(c.row, c.column))
          .map((c) => ({ dr: c.row - p.headerTop, column: c.column })),
      );
    }
  }
  headerCache.set(form, out);
  return out;
}

function shorten(text: string): string {
  return text.length > 30 ? `${text.slice(0, 30)}…` : text;
}

interface SheetInfo {
  layout: SheetLayout;
  mode: SheetMode;
  template: CellSet;
  /** Where a table whose defined name is gone was laid out: not read, so neither the template's nor foreign; left as it is. */
  unread: CellSet;
  /**
   * Body rows the read passed over (a blank list row): row → the table's last column and its
   * total columns. A total formula showing blank there is the template's; anything else the officer's.
   */
  unmapped: Map<number, { right: number; totals: Set<number> }>;
  /** Re-laid-out sheets: old row of a template cell → its new row (undefined: the row is not in the new layout). */
  rowMoves?: Map<number, number | undefined>;
}

/** Records old row → new row; a row claimed by two new rows cannot be followed. */
function moveRow(moves: Map<number, number | undefined>, from: number, to: number): void {
  if (moves.has(from) && moves.get(from) !== to) moves.set(from, undefined);
  else moves.set(from, to);
}

export function carryContent(input: CarryInput): CarriedContent {
  const { form, state, existing, plan, modes } = input;
  const canonical = new Map(state.sheets.map((s) => [s.name.toLowerCase(), s.name]));
  const nameOf = (sheet: string): string => canonical.get(sheet.toLowerCase()) ?? sheet;
  const headers = headerTemplate(form);
  const newPlacement = new Map(placeForm(form, input.lists.after).flatMap((s) => s.tables.map((p) => [p.table.id, p] as const)));
  const oldPlacement = new Map(placeForm(form, input.lists.before).flatMap((s) => s.tables.map((p) => [p.table.id, p] as const)));

  // Rows the read recognised, per table, and where each old field was (and which field a cell is).
  const rowsByTable = new Map<string, Set<number>>();
  const oldRowOf = new Map<string, number>();
  const fieldAt = new Map<string, Map<number, string>>();
  for (const [id, address] of existing.read.addresses) {
    const at = topLeftOf(address);
    if (!at) continue;
    oldRowOf.set(id, at.row);
    let onSheet = fieldAt.get(at.sheet);
    if (!onSheet) fieldAt.set(at.sheet, (onSheet = new Map()));
    onSheet.set(cellKey(at.row, at.column), id);
    const table = id.slice(0, id.indexOf("."));
    let rows = rowsByTable.get(table);
    if (!rows) rowsByTable.set(table, (rows = new Set()));
    rows.add(at.row);
  }

  // Columns where a table's list rows hold a total formula.
  const totalColumns = new Map<string, Set<number>>();
  for (const layout of plan.sheets) {
    for (const cell of layout.cells) {
      if (!cell.formula || !cell.fieldId || !cell.fieldId.includes("[")) continue;
      const table = cell.fieldId.slice(0, cell.fieldId.indexOf("."));
      const columns = totalColumns.get(table) ?? new Set<number>();
      columns.add(cell.column);
      totalColumns.set(table, columns);
    }
  }

  const sheets = new Map<string, SheetInfo>();
  for (const layout of plan.sheets) {
    const mode = modes.get(layout.id) ?? "create";
    if (mode === "create") continue;
    const template = new CellSet();
    const unread = new CellSet();
    const unmapped = new Map<number, { right: number; totals: Set<number> }>();
    const rowMoves = mode === "relayout" ? new Map<number, number | undefined>() : undefined;
    const spec = form.sheets.find((s) => s.id === layout.id);
    if (spec) {
      for (const table of spec.tables) {
        const body = nameTarget(state.names.get(tableBodyName(table.id).toUpperCase()));
        if (!body || nameOf(body.sheet) !== layout.name) {
          const p = oldPlacement.get(table.id);
          if (!body && p) for (let row = p.titleRow; row <= p.lastRow; row++) unread.add(row, 1, p.lastColumn);
          continue;
        }
        const header = nameTarget(state.names.get(tableHeaderName(table.id).toUpperCase()));
        const depth = headerDepthOf(table);
        const headerTop = header && nameOf(header.sheet) === layout.name ? header.area.top : body.area.top - depth;
        for (const { dr, column } of headers.get(table.id) ?? []) template.add(headerTop + dr, column);
        const mapped = rowsByTable.get(table.id) ?? new Set<number>();
        for (const row of mapped) template.add(row, 1, body.area.right);
        if (mapped.size < body.area.bottom - body.area.top + 1) {
          const totals = totalColumns.get(table.id) ?? new Set<number>();
          for (let row = body.area.top; row <= body.area.bottom; row++) if (!mapped.has(row)) unmapped.set(row, { right: body.area.right, totals });
        }
        const placed = newPlacement.get(table.id);
        if (rowMoves && placed) for (let dr = -2; dr < depth; dr++) moveRow(rowMoves, headerTop + dr, placed.headerTop + dr);
      }
      // The scoring table's columns and roll-up laid out beside a table are the template's too.
      const scoring = nameTarget(state.names.get(SCORING_NAME.toUpperCase()));
      if (scoring && nameOf(scoring.sheet) === layout.name) for (let row = scoring.area.top; row <= scoring.area.bottom; row++) template.add(row, 1, scoring.area.right);
      if (rowMoves) {
        for (const cell of layout.cells) {
          if (!cell.fieldId) continue;
          const from = oldRowOf.get(input.previousId(cell.fieldId));
          if (from !== undefined) moveRow(rowMoves, from, cell.row);
        }
      }
    } else if (layout.id === CHECK_SHEET_ID) {
      for (const cell of layout.cells) if (cell.row < CHECK_FIRST_ROW) template.add(cell.row, cell.column);
      const block = nameTarget(state.names.get(CHECKS_NAME.toUpperCase()));
      if (block) for (let row = block.area.top; row <= block.area.bottom; row++) template.add(row, 1, block.area.right);
      if (rowMoves) {
        for (let row = 1; row < CHECK_FIRST_ROW; row++) rowMoves.set(row, row);
        // Each rule row moves to where the new sheet has the same rule (column A holds the rule id).
        const newRow = new Map<unknown, number>();
        for (const cell of layout.cells) if (cell.column === 1 && cell.row >= CHECK_FIRST_ROW) newRow.set(cell.value, cell.row);
        const used = state.used?.get(layout.name);
        const origin = used && parseArea(used.address);
        if (block && used && origin) {
          for (let row = block.area.top; row <= block.area.bottom; row++) {
            const id = used.formulas[row - origin.top]?.[1 - origin.left];
            const to = newRow.get(id);
            if (to !== undefined) moveRow(rowMoves, row, to);
          }
        }
      }
    } else {
      // 报告综述 and any other generated sheet: fixed positions.
      for (const cell of layout.cells) template.add(cell.row, cell.column);
      if (rowMoves) for (const cell of layout.cells) moveRow(rowMoves, cell.row, cell.row);
    }
    sheets.set(layout.name, { layout, mode, template, unread, unmapped, rowMoves });
  }

  // ---- foreign cells in the new layout's way ---------------------------------------------------
  interface FoundCell {
    sheet: string;
    row: number;
    column: number;
    formula?: string;
    value: unknown;
  }
  const foreign: FoundCell[] = [];
  const formulasElsewhere: FoundCell[] = [];
  // Formulas the new plan writes again whatever the sheet's mode (template cells that hold no
  // field: the 绩效评分 columns reading other sheets): planned afresh, never carried over.
  const replanned = new Map<string, CellSet>();
  for (const [sheet, info] of sheets) {
    const set = new CellSet();
    for (const c of info.layout.cells) if (c.formula && !c.fieldId) set.add(c.row, c.column);
    replanned.set(sheet, set);
  }
  for (const [sheet, used] of state.used ?? []) {
    const origin = parseArea(used.address);
    if (!origin) continue;
    const info = sheets.get(sheet);
    used.formulas.forEach((line, i) => {
      const row = origin.top + i;
      line.forEach((f, j) => {
        if (f === "" || f === null || f === undefined) return;
        const column = origin.left + j;
        const value = used.values ? used.values[i][j] : f;
        // Without values (the 校验 sheet is read by formulas only) a text starting with = counts as a formula.
        const formula = used.values ? (isFormula(f, value as ReadCell) ? (f as string) : undefined) : typeof f === "string" && f.length > 1 && f.startsWith("=") ? f : undefined;
        const passedOver = info?.unmapped.get(row);
        if (passedOver && formula && column <= passedOver.right && passedOver.totals.has(column) && (value === "" || value === null)) {
          info!.template.add(row, column);
        }
        const own = info?.template.has(row, column) ?? false;
        // The template's own cells of a re-laid-out sheet are planned afresh; of a sheet kept in place, only formulas matter.
        if (info && !own) {
          if (!info.unread.has(row, column)) foreign.push({ sheet, row, column, value, ...(formula ? { formula } : {}) });
        } else if (formula && !(info?.rowMoves && own) && !(own && replanned.get(sheet)?.has(row, column))) {
          formulasElsewhere.push({ sheet, row, column, value, formula });
        }
      });
    });
  }

  const conflicts: ContentConflict[] = [];
  const relocations: CarriedContent["relocations"] = new Map();
  const destination = new Map<string, Map<number, { row: number; column: number }>>();
  const key = (row: number, column: number): number => row * 16_384 + column;
  const stay: FoundCell[] = [];
  const bySheet = new Map<string, FoundCell[]>();
  for (const cell of foreign) {
    const list = bySheet.get(cell.sheet);
    if (list) list.push(cell);
    else bySheet.set(cell.sheet, [cell]);
  }
  for (const [sheet, cells] of bySheet) {
    const info = sheets.get(sheet)!;
    const needed = new CellSet();
    for (const c of info.layout.cells) needed.add(c.row, c.column);
    for (const m of info.layout.merges) for (let row = m.top; row <= m.bottom; row++) needed.add(row, m.left, m.right);
    const inTheWay = cells.filter((c) => needed.has(c.row, c.column));
    stay.push(...cells.filter((c) => !needed.has(c.row, c.column)));
    if (inTheWay.length === 0) continue;
    const usedArea = parseArea(state.used!.get(sheet)!.address);
    const base = Math.max(usedArea?.right ?? 0, needed.right(), info.template.right()) + 2;
    const left = inTheWay.reduce((min, c) => Math.min(min, c.column), Infinity);
    const moves = new Map<number, { row: number; column: number }>();
    for (const c of inTheWay) moves.set(key(c.row, c.column), { row: c.row, column: base + c.column - left });
    destination.set(sheet, moves);
  }

  const move: CellMover = (named, row, column) => {
    const sheet = nameOf(named);
    const moved = destination.get(sheet)?.get(key(row, column));
    if (moved) return moved;
    const info = sheets.get(sheet);
    if (info?.rowMoves && info.template.has(row, column)) {
      const to = info.rowMoves.get(row);
      return to === undefined ? undefined : { row: to, column };
    }
    return { row, column };
  };

  const asText = (c: FoundCell): string => c.formula ?? String(c.value);
  for (const [sheet, moves] of destination) {
    const writes: CellWrite[] = [];
    const sources: Array<{ row: number; column: number }> = [];
    for (const c of bySheet.get(sheet)!) {
      const to = moves.get(key(c.row, c.column));
      if (!to) continue;
      let content: CellContent;
      let note = "";
      if (c.formula) {
        const remapped = remapFormula(c.formula, sheet, move);
        content = { kind: "formula", formula: remapped.formula };
        if (remapped.lost.size > 0) note = "（公式中的引用无法随表格调整，原样保留，请核对）";
      } else content = keptContent(c.value);
      writes.push({ row: to.row, column: to.column, content });
      sources.push({ row: c.row, column: c.column });
      const from = sheetAddress(sheet, c.row, c.column);
      const target = sheetAddress(sheet, to.row, to.column);
      conflicts.push({
        kind: "moved",
        address: from,
        content: asText(c),
        to: target,
        description: `${from}「${shorten(asText(c))}」不属于模板，新布局要用到这个单元格；应用时移到 ${target}${note}。`,
      });
    }
    relocations.set(sheet, { writes, sources });
  }

  // ---- formulas that read moved cells --------------------------------------------------------
  const relaidOrder = plan.sheets.filter((s) => sheets.get(s.name)?.rowMoves).map((s) => s.name);
  const rewrites: CarriedContent["rewrites"] = new Map();
  for (const c of [...stay.filter((x) => x.formula), ...formulasElsewhere]) {
    const remapped = remapFormula(c.formula!, c.sheet, move);
    if (remapped.lost.size > 0) {
      const at = sheetAddress(c.sheet, c.row, c.column);
      conflicts.push({
        kind: "formulaAsIs",
        address: at,
        content: c.formula!,
        to: at,
        description: `${at} 的公式 ${shorten(c.formula!)} 引用的单元格在新布局中不再存在，公式原样保留，请核对。`,
      });
      continue;
    }
    if (remapped.moved.size === 0) continue;
    // Written with the last re-laid-out sheet it reads (or sits on), once all of them have moved.
    const involved = new Set([...remapped.moved].map(nameOf));
    if (sheets.get(c.sheet)?.rowMoves) involved.add(c.sheet);
    const batch = [...relaidOrder].reverse().find((s) => involved.has(s)) ?? c.sheet;
    const list = rewrites.get(batch) ?? [];
    list.push({ sheet: c.sheet, row: c.row, column: c.column, formula: remapped.formula });
    rewrites.set(batch, list);
  }

  // ---- formulas in fields of re-laid-out sheets ------------------------------------------------
  const officerFormulas = new Map<string, string>();
  const templateTotal = templateTotalTest(form, input.lists.before, fieldAt, nameOf);
  for (const [sheet, info] of sheets) {
    if (!info.rowMoves) continue;
    for (const cell of info.layout.cells) {
      if (!cell.fieldId) continue;
      const oldId = input.previousId(cell.fieldId);
      const before = existing.cells.get(oldId);
      if (!before?.formula) continue;
      const ownSheet = topLeftOf(before.address)?.sheet ?? sheet;
      if (cell.formula && templateTotal(oldId, before.formula, ownSheet)) continue;
      const remapped = remapFormula(before.formula, ownSheet, move);
      officerFormulas.set(oldId, remapped.formula);
      if (remapped.lost.size > 0) {
        const to = sheetAddress(sheet, cell.row, cell.column);
        conflicts.push({
          kind: "formulaAsIs",
          address: before.address,
          content: before.formula,
          to,
          description: `${before.address} 的公式 ${shorten(before.formula)} 引用的单元格在新布局中不再存在，公式原样保留在 ${to}，请核对。`,
        });
      }
    }
  }

  const template = new Map<string, CellSet>();
  for (const [sheet, info] of sheets) if (info.rowMoves) template.set(sheet, info.template);
  return { conflicts, relocations, rewrites, template, officerFormulas };
}

/** The last lists' total formulas: a preview and its apply ask for the same ones. */
let lastTotals: { form: FormSpec; key: string; totals: ReturnType<typeof totalFormulas> } | undefined;
function totalsFor(form: FormSpec, lists: Lists): ReturnType<typeof totalFormulas> {
  const key = JSON.stringify(lists);
  if (lastTotals?.form !== form || lastTotals.key !== key) lastTotals = { form, key, totals: totalFormulas(form, lists) };
  return lastTotals.totals;
}

/**
 * A formula in a total cell is the template's own when it reads exactly the fields the
 * template's total for that cell reads (whatever its wording: an older template's plain SUM
 * counts), so a re-layout plans it afresh for the new rows; any other formula is the officer's.
 */
function templateTotalTest(
  form: FormSpec,
  lists: Lists,
  fieldAt: Map<string, Map<number, string>>,
  nameOf: (s: string) => string,
): (oldId: string, formula: string, sheet: string) => boolean {
  let totals: ReturnType<typeof totalFormulas> | undefined;
  return (oldId, formula, sheet) => {
    totals ??= totalsFor(form, lists);
    const planned = totals.get(oldId);
    if (!planned || planned.rule.kind !== "equation") return false;
    // Untouched where the template put it: the very formula.
    if (planned.formula === formula) return true;
    const cells = referencedCells(formula, sheet);
    if (!cells) return false;
    const read = new Set<string>();
    for (const c of cells) {
      const id = fieldAt.get(nameOf(c.sheet))?.get(cellKey(c.row, c.column));
      if (id === undefined) return false;
      read.add(id);
    }
    const rule = planned.rule;
    const wanted = new Set(rule.terms.map((t) => t.field));
    return read.size === wanted.size && [...read].every((id) => wanted.has(id));
  };
}
