/**
 * The written 自评报告 as data: cover, the outline's sections in order, each table laid out from
 * the layout plan (the same header rows, merges, 单位 line and cells as the workbook: one source
 * of table structure), the figures as the workbook shows them, narrate's paragraphs verbatim,
 * the officer's prose, and a last page of the errors still open. A writer (src/hosts/docx) only
 * renders it.
 */
import type { Finding } from "../check/finding";
import { displayText } from "../formula/display";
import { FormulaGrid } from "../formula/grid";
import { parseAmount } from "../money";
import type { Narrative } from "../narrative/types";
import { rawText, type ReportData } from "../spec/data";
import { expandFields, isNumericKind } from "../spec/instances";
import type { FormSpec, ReportOutline } from "../spec/types";
import { buildLayoutPlan } from "./layout";
import { chooseOutline } from "./outline";
import type { LayoutPlan, PlannedCell, SheetLayout } from "./layout-types";
import { placeForm, type TablePlacement } from "../spec/placement";
import { CELL_STYLES } from "./styles";

export interface DocumentCell {
  text: string;
  columnSpan?: number;
  rowSpan?: number;
  header?: boolean;
  align: "left" | "center" | "right";
}

export type DocumentBlock =
  | { kind: "heading"; level: 1 | 2; text: string }
  | { kind: "paragraph"; text: string }
  | {
      kind: "signoff";
      /** 部门（单位）意见：同意。 — each part's label and what was filled in (blank: left to write by hand). */
      parts: Array<{ label: string; text: string }>;
      signer?: string;
      dated: boolean;
    }
  | {
      kind: "table";
      title: string;
      /** 单位：万元, when the table has one unit. */
      unit?: string;
      /** Rows of cells; a cell covered by a merge above or to the left is left out. */
      rows: DocumentCell[][];
      headerRows: number;
      /** Relative column widths (the workbook's, in characters). */
      columnWidths: number[];
    };

export interface DocumentPlan {
  /** Which outline the report follows (its id), when the form names one. */
  outline?: string;
  cover: {
    title: string;
    dept?: string;
    year?: string;
    date: string;
    /** The outline's cover lines as printed: 预算编码：…, 评价方式：… (lines with nothing to print left out). */
    lines: Array<{ label: string; text: string }>;
  };
  blocks: DocumentBlock[];
  /** Errors still open, for the last page 校验提示 (absent when not asked for). */
  findings?: Array<{ cell: string; message: string }>;
}

export interface DocumentInput {
  form: FormSpec;
  data: ReportData;
  narrative: Narrative;
  /** 报告日期, as printed on the cover (2021年3月10日): wins over the cover's date cell. */
  date?: string;
  /** The date when neither `date` nor the cover's date cell gives one (today). */
  today?: string;
  /** The outline to follow; default: the one the form's 报告格式 cell names, else the form's own. */
  outline?: ReportOutline;
  /** The findings whose errors go on the 校验提示 page; undefined: no such page. */
  findings?: Finding[];
}

/** The cell's content for the document: what the data says, else what the plan wrote there. */
function gridContent(cell: PlannedCell, data: ReportData, numeric: Set<string>): { value: string | number | null } | { formula: string } | undefined {
  if (cell.fieldId) {
    const raw = rawText(data.values[cell.fieldId]);
    if (raw !== null && String(raw).trim() !== "") {
      if (!numeric.has(cell.fieldId)) return { value: String(raw) };
      const parsed = parseAmount(raw);
      return { value: parsed.kind === "amount" && parsed.unitHint === undefined ? parsed.value.toNumber() : String(raw) };
    }
    // A total the data leaves out is the workbook's formula over the cells the data has.
    if (cell.formula) return { formula: cell.formula };
  }
  // Labels, and a list's names (laid out from the data's lists).
  return cell.value !== undefined ? { value: cell.value } : undefined;
}

/** Every cell of the plan as the workbook would show it, totals calculated. */
function shownTexts(plan: LayoutPlan, form: FormSpec, data: ReportData): (sheet: SheetLayout, row: number, column: number) => string {
  const numeric = new Set(expandFields(form, data.lists).filter((f) => isNumericKind(f.kind)).map((f) => f.id));
  const grid = new FormulaGrid();
  const formats = new Map<string, string>();
  for (const sheet of plan.sheets) {
    for (const cell of sheet.cells) {
      const content = gridContent(cell, data, numeric);
      if (content) grid.set(sheet.name, cell.row, cell.column, content);
      formats.set(`${sheet.name}!${cell.row}:${cell.column}`, cell.numberFormat ?? CELL_STYLES[cell.style].numberFormat ?? "General");
    }
  }
  return (sheet, row, column) => {
    const format = formats.get(`${sheet.name}!${row}:${column}`) ?? "General";
    return displayText(grid.cellValue(sheet.name, row, column), format === "@" ? "General" : format);
  };
}

function alignOf(cell: PlannedCell | undefined): DocumentCell["align"] {
  const horizontal = cell ? CELL_STYLES[cell.style].horizontal : undefined;
  return horizontal ?? "left";
}

/** One table of the workbook, header rows to last body row, with its merges. */
function tableBlock(p: TablePlacement, layout: SheetLayout, text: (row: number, column: number) => string): DocumentBlock {
  const top = p.headerTop;
  const covered = new Set<string>();
  const spans = new Map<string, { columnSpan: number; rowSpan: number }>();
  for (const m of layout.merges) {
    if (m.top < top || m.bottom > p.lastRow) continue;
    spans.set(`${m.top}:${m.left}`, { columnSpan: m.right - m.left + 1, rowSpan: m.bottom - m.top + 1 });
    for (let r = m.top; r <= m.bottom; r++) for (let c = m.left; c <= m.right; c++) if (r !== m.top || c !== m.left) covered.add(`${r}:${c}`);
  }
  const cellAt = new Map(layout.cells.map((c) => [`${c.row}:${c.column}`, c]));
  const rows: DocumentCell[][] = [];
  for (let r = top; r <= p.lastRow; r++) {
    const row: DocumentCell[] = [];
    for (let c = 1; c <= p.lastColumn; c++) {
      if (covered.has(`${r}:${c}`)) continue;
      const span = spans.get(`${r}:${c}`);
      const planned = cellAt.get(`${r}:${c}`);
      row.push({
        text: text(r, c),
        align: r < p.bodyTop ? "center" : alignOf(planned),
        ...(r < p.bodyTop ? { header: true } : {}),
        ...(span && span.columnSpan > 1 ? { columnSpan: span.columnSpan } : {}),
        ...(span && span.rowSpan > 1 ? { rowSpan: span.rowSpan } : {}),
      });
    }
    rows.push(row);
  }
  const unitText = text(p.unitRow, p.lastColumn);
  const widths = Array.from({ length: p.lastColumn }, (_, i) => layout.columnWidths.find((w) => w.column === i + 1)?.width ?? 8.43);
  return { kind: "table", title: p.table.title, ...(unitText ? { unit: unitText } : {}), rows, headerRows: p.headerDepth, columnWidths: widths };
}

function outlineOf(form: FormSpec, data: ReportData): ReportOutline {
  const chosen = chooseOutline(form, data);
  if (chosen && "outline" in chosen) return chosen.outline;
  if (form.report) return form.report;
  // A form without an outline: one section per sheet, its tables in order, then the paragraphs.
  return {
    title: form.title,
    sections: [
      ...form.sheets.map((s) => ({ heading: s.name, blocks: s.tables.map((t) => ({ kind: "table" as const, table: t.id })) })),
      { heading: "报告综述", blocks: [{ kind: "paragraphs" as const }] },
    ],
  };
}

/** A date as a report's cover writes it: 2021年3月10日. */
export function reportDate(now = new Date()): string {
  return `${now.getFullYear()}年${now.getMonth() + 1}月${now.getDate()}日`;
}

const text = (raw: ReturnType<typeof rawText>): string | undefined => (raw === null || String(raw).trim() === "" ? undefined : String(raw));

/** The whole report as data, in the outline's order. */
export function buildDocumentPlan(input: DocumentInput): DocumentPlan {
  const { form, data, narrative } = input;
  const plan = buildLayoutPlan(form, data.lists);
  const shown = shownTexts(plan, form, data);
  const placements = new Map(placeForm(form, data.lists).flatMap((s) => s.tables.map((t) => [t.table.id, t] as const)));
  const fields = new Map(expandFields(form, data.lists).map((f) => [f.id, f]));
  const outline = input.outline ?? outlineOf(form, data);
  const filled = (field: string | undefined): string | undefined => (field ? text(rawText(data.values[field])) : undefined);
  const blocks: DocumentBlock[] = [];
  for (const section of outline.sections) {
    blocks.push({ kind: "heading", level: 1, text: section.heading });
    for (const block of section.blocks) {
      if (block.kind === "table") {
        const p = placements.get(block.table);
        if (!p) throw new Error(`report outline names table ${block.table}, which the form lacks`);
        const layout = plan.sheets.find((s) => s.id === p.sheet.id)!;
        if (block.whenFilled && !layout.cells.some((c) => c.fieldId && c.row >= p.bodyTop && c.row <= p.lastRow && filled(c.fieldId))) continue;
        blocks.push(tableBlock(p, layout, (r, c) => shown(layout, r, c)));
      } else if (block.kind === "paragraphs") {
        for (const paragraph of narrative.paragraphs) {
          if (paragraph.status !== "ok" || (block.ids && !block.ids.includes(paragraph.id))) continue;
          if (block.titled !== false) blocks.push({ kind: "heading", level: 2, text: paragraph.title });
          blocks.push({ kind: "paragraph", text: paragraph.text });
        }
      } else if (block.kind === "signoff") {
        blocks.push({
          kind: "signoff",
          parts: block.parts.map((p) => ({ label: p.label, text: filled(p.field) ?? "" })),
          ...(block.signer ? { signer: block.signer } : {}),
          dated: block.dated === true,
        });
      } else {
        const written = filled(block.field);
        if (!written) continue;
        const label = block.label ?? fields.get(block.field)?.label ?? block.field;
        if (label) blocks.push({ kind: "heading", level: 2, text: label });
        for (const line of written.split(/\r?\n/).map((l) => l.trim()).filter(Boolean)) blocks.push({ kind: "paragraph", text: line });
      }
    }
  }
  const dept = filled("report.dept");
  const year = filled("report.year");
  const dateLine = outline.cover?.find((l) => l.date);
  const date = input.date ?? filled(dateLine?.field) ?? dateLine?.text ?? input.today ?? "";
  const lines = (outline.cover ?? []).flatMap((l) => {
    const shown = l.date ? date : filled(l.field) ?? l.text;
    return shown ? [{ label: l.label, text: shown }] : [];
  });
  return {
    ...(outline.id ? { outline: outline.id } : {}),
    cover: { title: outline.title, ...(dept ? { dept } : {}), ...(year ? { year } : {}), date, lines },
    blocks,
    ...(input.findings
      ? { findings: input.findings.filter((f) => f.severity === "error").map((f) => ({ cell: f.cell, message: f.message })) }
      : {}),
  };
}
