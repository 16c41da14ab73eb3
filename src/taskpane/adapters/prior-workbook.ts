/**
 * 导入上年工作簿 in the pane: last year's ZiPing workbook, picked as a file, read through the
 * form's read plan by the xlsx host's own reader (read-report: tables found by their defined
 * names), its cells from the export reader the pane already uses (no Node zlib or Buffer here),
 * then planned with the core functions `ziping import --prior` uses: carryForward for what goes
 * where, priorFindings for this year's 上年 figures that differ from last year's 本年 ones.
 * Loaded when the officer picks a file, apart from the pane's start-up script.
 */
import JSZip from "jszip";
import { templateLocator, type Finding } from "../../core/check";
import { constantValue } from "../../core/excel/defined-name";
import { FORM_MARKER_NAME, parseFormMarker } from "../../core/plan/names";
import { carryForward, type CarriedValue } from "../../core/prior/carry";
import { priorFindings } from "../../core/prior/check";
import { expandFields, rawText, type ReportData } from "../../core/spec";
import type { FormSpec } from "../../core/spec/types";
import { WorkbookFileError } from "../../hosts/xlsx/errors";
import { inflatePartsStreaming } from "../../hosts/xlsx/inflate-stream";
import { findDefinedName, parseDefinedNames } from "../../hosts/xlsx/names";
import type { SheetCells, WorkbookCells } from "../../hosts/xlsx/package-cells";
import { readReport, recogniseForm } from "../../hosts/xlsx/read-report";
import { relationshipTargets, relsPathOf, sheetEntries } from "../../hosts/xlsx/relationships";
import { EXPORT_LIMITS } from "../../readers/format";
import { readXlsxParts } from "../../readers/xlsx";

/** Last year's workbook as read. */
export interface LastYear {
  file: string;
  data: ReportData;
  /** Field id → last year's cell (sheet-qualified A1). */
  addresses: Map<string, string>;
  notes: string[];
}

const UTF8 = new TextDecoder("utf-8");

/** A sheet of the picked file, read whole by the export reader the first time the plan asks for it. */
function sheetCells(file: string, parts: Map<string, Uint8Array>, name: string): SheetCells {
  const rows = readXlsxParts(file, parts, { sheet: name, limits: EXPORT_LIMITS.grid }).grid.rows;
  return {
    name,
    rowCount: rows.length,
    grid: (range) =>
      Array.from({ length: range.bottom - range.top + 1 }, (_, i) =>
        Array.from({ length: range.right - range.left + 1 }, (_, j) => rows[range.top + i - 1]?.[range.left + j - 1] ?? ""),
      ),
  };
}

/** Reads last year's ZiPing workbook; anything else is refused in one line naming the file. */
export async function readLastYear(file: string, bytes: Uint8Array, form: FormSpec): Promise<LastYear> {
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes);
  } catch {
    throw new WorkbookFileError(file, "not-a-workbook", "不是 Excel 工作簿（.xlsx），或文件已损坏；请选择上年用自评表助手填写并保存的 .xlsx 工作簿");
  }
  const parts = await inflatePartsStreaming(file, zip, EXPORT_LIMITS.inflatedBytes);
  const text = (path: string | undefined) => (path !== undefined && parts.has(path) ? UTF8.decode(parts.get(path)) : undefined);
  const workbookPath = relationshipTargets(text("_rels/.rels") ?? "", "").find((r) => /\/officeDocument$/.test(r.type))?.target ?? "xl/workbook.xml";
  const workbookXml = text(workbookPath);
  if (!workbookXml) throw new WorkbookFileError(file, "not-a-workbook", "不是 Excel 工作簿（.xlsx）");
  const names = parseDefinedNames(workbookXml);
  const markerName = findDefinedName(names, FORM_MARKER_NAME);
  const marker = markerName ? constantValue(markerName.text) : undefined;
  if (marker === undefined) throw new WorkbookFileError(file, "not-a-template", `不是自评表助手的工作簿（没有 ${FORM_MARKER_NAME} 标记）；请选择上年用自评表助手填写的工作簿`);
  const id = parseFormMarker(marker)?.id;
  if (id !== undefined && id !== form.id) throw new WorkbookFileError(file, "other-form", `是另一种报表（${id}）的工作簿，与本工作簿的「${form.title}」不同，无法导入上年数`);
  const sheets = sheetEntries(workbookXml, text(relsPathOf(workbookPath)) ?? "", workbookPath).map((s) => s.name);
  const read = new Map<string, SheetCells>();
  const cells: WorkbookCells = {
    sheet(name) {
      const real = sheets.find((s) => s.toUpperCase() === name.toUpperCase());
      if (real === undefined) return undefined;
      if (!read.has(real)) read.set(real, sheetCells(file, parts, real));
      return read.get(real);
    },
  };
  // Formula cells come with the result the file caches (the export reader reads it as the value).
  const book = { file, marker, package: { names }, cells, formulaResults: () => new Map() };
  const report = readReport(book, recogniseForm(book, [form]));
  return { file, data: report.data, addresses: report.addresses, notes: report.notes };
}

/** One cell the import would write. */
export interface PriorPlanRow extends CarriedValue {
  /** 三公经费·公务接待费·上年数. */
  label: string;
  /** This year's cell (sheet-qualified A1). */
  cell: string;
  /** Last year's cell it comes from. */
  fromCell: string;
  /** What this year's cell holds now, when it is not empty: writing it needs the officer's yes. */
  replaces?: string;
}

export interface PriorPlan {
  rows: PriorPlanRow[];
  /** This year's 上年 figures that differ from last year's 本年 ones, as they stand now. */
  findings: Finding[];
}

const shown = (raw: ReturnType<typeof rawText>): string => (raw === null ? "" : String(raw).trim());

/**
 * What last year's workbook would put into this year's: carryForward over this year's values
 * as if empty (so every candidate is listed), then each marked as filling an empty cell or
 * replacing what the officer wrote; a cell already holding the same is left out.
 */
export function planPriorImport(form: FormSpec, current: ReportData, last: LastYear, locate = templateLocator(form, current)): PriorPlan {
  const fields = new Map(expandFields(form, current.lists).map((f) => [f.id, f]));
  const everything = carryForward(form, last.data, { ...current, values: {} });
  const rows: PriorPlanRow[] = [];
  for (const c of everything) {
    const field = fields.get(c.fieldId);
    if (!field) continue;
    const now = shown(rawText(current.values[c.fieldId]));
    if (now === shown(rawText(c.value))) continue;
    rows.push({
      ...c,
      label: [field.table.title, field.row.label, field.column?.label].filter(Boolean).join("·"),
      cell: locate(c.fieldId),
      fromCell: last.addresses.get(c.from) ?? c.from,
      ...(now ? { replaces: now } : {}),
    });
  }
  const locateLast = (id: string) => last.addresses.get(id) ?? id;
  return { rows, findings: priorFindings(form, current, last.data, locate, locateLast, last.file) };
}

/** The chosen rows as session.writeValues takes them. */
export function priorWrites(rows: readonly PriorPlanRow[]): Record<string, string | number | null> {
  return Object.fromEntries(rows.map((r) => [r.fieldId, typeof r.value === "object" && r.value !== null ? r.value.value : r.value]));
}
