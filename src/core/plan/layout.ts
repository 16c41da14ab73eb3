import { absoluteRange } from "../excel/address";
import { cellInput, inputValue } from "../excel/cell-input";
import { expandRules, type Rule } from "../spec/rules";
import type { ListEntry } from "../spec/data";
import { expandFields, fieldId, labelFieldId, type FieldDef, type Lists } from "../spec/instances";
import type { FormSpec, LabelColumnSpec, TableSpec, Unit } from "../spec/types";
import type { ScoringLayout } from "./score-sheet";
import { buildCheckSheet, CHECK_HEADER_ROW, CHECK_SHEET_ID } from "./check-sheet";
import { pageSetupFor } from "./page";
import { locatorFor, totalFormula } from "./formulas";
import { tableHeader } from "./headers";
import type { LayoutPlan, Merge, PlannedCell, PlannedName, SheetLayout } from "./layout-types";
import {
  assertDistinctNames,
  FORM_MARKER_NAME,
  formMarkerValue,
  NARRATIVE_NAME,
  SCORING_NAME,
  tableBodyName,
  tableHeaderName,
} from "./names";
import { cellIndex, placeForm, type TablePlacement } from "../spec/placement";
import { computedStyleFor, inputStyleFor, numberFormatOverride } from "./styles";
import { WidthTracker } from "./widths";

export interface LayoutOptions {
  /** Pre-filled into the report's own fields (report.year / report.dept / report.selfRef). */
  year?: number | string;
  dept?: string;
  selfRef?: string;
  /** Any other field to pre-fill, by field id. */
  prefill?: Record<string, string | number>;
  /**
   * The scoring table of the form with the code that lays it out (`scoringLayout(table)`,
   * score-sheet.ts): the table where officers score its indicators gets 分值, 评分标准, 计算值,
   * 建议得分 and the roll-up beside it. Passed in rather than imported so a host that lays out
   * without it (the pane, until it loads the table) does not carry that code.
   */
  scoring?: ScoringLayout;
}

export const NARRATIVE_SHEET_ID = "narrative";
export const NARRATIVE_SHEET_NAME = "报告综述";
/** Rows of the 报告综述 area, one paragraph per row. */
export const NARRATIVE_ROWS = 60;
const NARRATIVE_TOP = 4;

/** Widths (characters) a value cell needs beyond its header. */
const AMOUNT_WIDTH = 12;
const COUNT_WIDTH = 10;
const TEXT_WIDTH = 40;
/** Width of the 行次 column. */
const LINE_NO_WIDTH = 6;
/** Headers wider than this wrap instead of widening their column. */
const HEADER_WIDTH_CAP = 16;
/** Row labels wider than this wrap. */
const LABEL_WIDTH_CAP = 40;

/** Field id → the formula its cell holds: the first formula relation that targets it. */
export function totalFormulas(form: FormSpec, lists: Lists, index = cellIndex(form, lists)): Map<string, { formula: string; rule: Rule }> {
  const locate = locatorFor(index);
  const out = new Map<string, { formula: string; rule: Rule }>();
  for (const rule of expandRules(form, lists)) {
    if (rule.kind !== "equation" || !rule.relation.formula || out.has(rule.target)) continue;
    out.set(rule.target, { formula: totalFormula(rule, locate), rule });
  }
  return out;
}

function tableUnit(table: TableSpec): Unit | undefined {
  if (table.unit) return table.unit;
  const units = new Set((table.layout === "record" ? table.rows : (table.columns ?? [])).map((x) => x.unit ?? ""));
  return units.size === 1 ? [...units][0] : undefined;
}

function prefills(options: LayoutOptions): Record<string, string | number> {
  const out: Record<string, string | number> = {};
  if (options.dept !== undefined) out["report.dept"] = options.dept;
  if (options.year !== undefined) out["report.year"] = options.year;
  if (options.selfRef !== undefined) out["report.selfRef"] = options.selfRef;
  return { ...out, ...options.prefill };
}

interface TableContext {
  fields: Map<string, FieldDef>;
  formulas: Map<string, { formula: string }>;
  prefill: Record<string, string | number>;
  widths: WidthTracker;
}

function entryText(entry: ListEntry | undefined, which: LabelColumnSpec["id"]): string | undefined {
  const text = which === "code" ? entry?.code : entry?.name;
  return text ? text : undefined;
}

function valueCell(ctx: TableContext, row: number, column: number, id: string): PlannedCell {
  const field = ctx.fields.get(id);
  if (!field) throw new Error(`layout has a cell for unknown field ${id}`);
  const total = ctx.formulas.get(id);
  const format = numberFormatOverride(field.kind);
  const cell: PlannedCell = {
    row,
    column,
    style: total ? computedStyleFor(field.kind) : inputStyleFor(field.kind),
    fieldId: id,
    ...(format ? { numberFormat: format } : {}),
  };
  if (total) cell.formula = total.formula;
  else if (ctx.prefill[id] !== undefined) {
    // A prefill is a value like any other: "2020" in the 评价年度 cell is the figure 2020.
    const value = inputValue(cellInput(field, ctx.prefill[id]));
    if (value !== undefined) cell.value = value;
  }
  ctx.widths.need(column, field.kind === "text" ? TEXT_WIDTH : field.kind === "count" ? COUNT_WIDTH : AMOUNT_WIDTH);
  return cell;
}

function layTable(p: TablePlacement, ctx: TableContext): { cells: PlannedCell[]; merges: Merge[] } {
  const cells: PlannedCell[] = [];
  const merges: Merge[] = [];
  const { table } = p;

  cells.push({ row: p.titleRow, column: 1, value: table.title, style: "title" });
  if (p.lastColumn > 1) merges.push({ top: p.titleRow, left: 1, bottom: p.titleRow, right: p.lastColumn });
  const unit = tableUnit(table);
  cells.push({ row: p.unitRow, column: p.lastColumn, style: "unit", ...(unit ? { value: `单位：${unit}` } : {}) });

  const header = tableHeader(p);
  cells.push(...header.cells);
  merges.push(...header.merges);
  // A header over one column asks for room (longer ones wrap); a group header spans several.
  for (const c of header.cells) {
    const spansColumns = header.merges.some((m) => m.top === c.row && m.left === c.column && m.right > m.left);
    if (typeof c.value === "string" && !spansColumns) ctx.widths.needText(c.column, c.value, HEADER_WIDTH_CAP);
  }
  (table.columns ?? []).forEach((c, j) => c.width && ctx.widths.need(p.firstValueColumn + j, c.width));
  (table.labelColumns ?? []).forEach((lc, j) => lc.width && ctx.widths.need(j + 1, lc.width));

  if (p.lineNoColumn !== undefined) ctx.widths.need(p.lineNoColumn, LINE_NO_WIDTH);
  p.rows.forEach((instance, i) => {
    const row = p.bodyTop + i;
    const indent = instance.spec.indent ? { indent: instance.spec.indent } : {};
    // 行次 as printed (a text: "1" is a line's number, not a figure).
    if (p.lineNoColumn !== undefined) {
      const lineNo = instance.spec.list ? undefined : instance.spec.lineNo;
      cells.push({ row, column: p.lineNoColumn, style: "label", ...(lineNo !== undefined ? { value: lineNo } : {}) });
    }
    if (table.layout === "record") {
      cells.push({ row, column: 1, value: instance.label, style: "label", ...indent });
      ctx.widths.needText(1, instance.label, LABEL_WIDTH_CAP);
      cells.push(valueCell(ctx, row, p.firstValueColumn, fieldId(table, instance.id)));
      const unit = ctx.fields.get(fieldId(table, instance.id))!.unit;
      cells.push({ row, column: p.lastColumn, style: "label", ...(unit ? { value: unit } : {}) });
      return;
    }
    if (instance.listIndex !== undefined) {
      (table.labelColumns ?? [{ id: "name" as const, label: "" }]).forEach((lc, j) => {
        const text = entryText(instance.entry, lc.id);
        cells.push({ row, column: j + 1, style: "listLabel", fieldId: labelFieldId(table, instance.id, lc.id), ...(text ? { value: text } : {}) });
        if (text) ctx.widths.needText(j + 1, text, LABEL_WIDTH_CAP);
      });
    } else {
      cells.push({ row, column: 1, value: instance.label, style: "label", ...indent });
      for (let j = 2; j <= p.labelColumnCount; j++) cells.push({ row, column: j, style: "label" });
      if (p.labelColumnCount > 1) merges.push({ top: row, left: 1, bottom: row, right: p.labelColumnCount });
      else ctx.widths.needText(1, instance.label, LABEL_WIDTH_CAP);
    }
    p.valueColumns.forEach((c, j) => cells.push(valueCell(ctx, row, p.firstValueColumn + j, fieldId(table, instance.id, c.id))));
  });
  return { cells, merges };
}

function tableNames(p: TablePlacement): PlannedName[] {
  const sheet = p.sheet.name;
  return [
    {
      name: tableBodyName(p.table.id),
      reference: absoluteRange(sheet, p.bodyTop, 1, p.lastRow, p.lastColumn),
      comment: `${p.table.title}（表体）`,
    },
    {
      name: tableHeaderName(p.table.id),
      reference: absoluteRange(sheet, p.headerTop, 1, p.headerTop + p.headerDepth - 1, p.lastColumn),
      comment: `${p.table.title}（表头）`,
    },
  ];
}

function narrativeSheet(form: FormSpec, options: LayoutOptions): { sheet: SheetLayout; name: PlannedName } {
  const heading = [options.dept, options.year !== undefined ? `${options.year}年度` : undefined, form.title].filter(Boolean).join("");
  const cells: PlannedCell[] = [
    { row: 1, column: 1, value: `${heading}·报告综述`, style: "title" },
    { row: 2, column: 1, value: "以下段落由 ZiPing 根据各表数据生成，可修改后复制到报告中。", style: "unit" },
  ];
  for (let r = NARRATIVE_TOP; r < NARRATIVE_TOP + NARRATIVE_ROWS; r++) cells.push({ row: r, column: 1, style: "narrative" });
  return {
    sheet: {
      name: NARRATIVE_SHEET_NAME,
      id: NARRATIVE_SHEET_ID,
      cells,
      merges: [],
      columnWidths: [{ column: 1, width: 100 }],
      conditionalFormats: [],
    },
    name: {
      name: NARRATIVE_NAME,
      reference: absoluteRange(NARRATIVE_SHEET_NAME, NARRATIVE_TOP, 1, NARRATIVE_TOP + NARRATIVE_ROWS - 1, 1),
      comment: "报告综述：每行一段",
    },
  };
}

/**
 * The whole template as data: one sheet per sheet of the spec, then 校验 and 报告综述, with
 * their defined names and the form marker. Every field sits where `cellIndex` says.
 */
export function buildLayoutPlan(form: FormSpec, lists: Lists, options: LayoutOptions = {}): LayoutPlan {
  const index = cellIndex(form, lists);
  const ctxBase = {
    fields: new Map(expandFields(form, lists).map((f) => [f.id, f])),
    formulas: totalFormulas(form, lists, index),
    prefill: prefills(options),
  };
  const sheets: SheetLayout[] = [];
  const names: PlannedName[] = [];
  for (const { sheet, tables } of placeForm(form, lists)) {
    if (sheet.id === CHECK_SHEET_ID || sheet.id === NARRATIVE_SHEET_ID) throw new Error(`sheet id ${sheet.id} is reserved`);
    const ctx: TableContext = { ...ctxBase, widths: new WidthTracker() };
    const cells: PlannedCell[] = [];
    const merges: Merge[] = [];
    const conditionalFormats: SheetLayout["conditionalFormats"] = [];
    for (const p of tables) {
      const laid = layTable(p, ctx);
      cells.push(...laid.cells);
      merges.push(...laid.merges);
      names.push(...tableNames(p));
      if (options.scoring?.table.enteredScores?.table === p.table.id) {
        const annex = options.scoring.annex(p, options.scoring.table, ctx.fields, locatorFor(index), ctx.widths);
        cells.push(...annex.cells);
        merges.push(...annex.merges);
        conditionalFormats.push(...annex.conditionalFormats);
        // The title spans the annexed columns too.
        const right = Math.max(...annex.cells.map((c) => c.column));
        const title = merges.find((m) => m.top === p.titleRow && m.left === 1);
        if (title) title.right = right;
        const bottom = Math.max(...annex.cells.map((c) => c.row));
        names.push({ name: SCORING_NAME, reference: absoluteRange(sheet.name, p.headerTop, 1, bottom, right), comment: "绩效评分：评分表各栏与综合得分" });
      }
    }
    const first = tables[0];
    sheets.push({
      name: sheet.name,
      id: sheet.id,
      cells,
      merges,
      columnWidths: ctx.widths.list(),
      ...(first && first.table.layout === "grid" ? { freeze: { rows: first.bodyTop - 1, columns: first.labelColumnCount } } : {}),
      conditionalFormats,
    });
    // A sheet of one table repeats its header rows on every printed page; on a sheet of
    // several tables the first one's header would head the others' pages, so none repeats.
    const only = tables.length === 1 ? tables[0] : undefined;
    const last = sheets[sheets.length - 1];
    last.page = pageSetupFor(last, only && { top: only.headerTop, bottom: only.headerTop + only.headerDepth - 1 });
  }
  const checks = buildCheckSheet(form, lists, index);
  sheets.push(checks.sheet);
  names.push(...checks.names);
  // Conditional formats live on the sheet of the cell they colour.
  for (const cf of checks.conditionalFormats) sheets.find((s) => s.name === cf.sheet)?.conditionalFormats.push(cf.format);
  checks.sheet.page = pageSetupFor(checks.sheet, { top: CHECK_HEADER_ROW, bottom: CHECK_HEADER_ROW });
  const narrative = narrativeSheet(form, options);
  narrative.sheet.page = pageSetupFor(narrative.sheet);
  sheets.push(narrative.sheet);
  names.push(narrative.name);
  assertDistinctNames([...names.map((n) => n.name), FORM_MARKER_NAME]);
  return {
    formId: form.id,
    formVersion: form.version,
    marker: { name: FORM_MARKER_NAME, value: formMarkerValue(form) },
    sheets,
    names,
  };
}
