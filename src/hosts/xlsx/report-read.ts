/**
 * Reading a template as report data: the form recognised by its ZIPING_FORM marker, every table
 * read through the core's read plan, the cells handed to the core to interpret. Free of Node (no
 * file access, no zlib, no Buffer), so the pane reads a picked workbook with it too
 * (readWorkbookReport: last year's, for 导入上年工作簿).
 */
import JSZip from "jszip";
import { constantValue } from "../../core/excel/defined-name";
import { FORM_MARKER_NAME, parseFormMarker } from "../../core/plan/names";
import { buildReadPlan, interpretRead, type ReadResult } from "../../core/plan/read-plan";
import { type FormSpec, type ReportData } from "../../core/spec";
import { builtInForms } from "../../core/spec/built-in";
import { EXPORT_LIMITS } from "../../readers/format";
import { readXlsxParts } from "../../readers/xlsx";
import { WorkbookFileError } from "./errors";
import { findDefinedName, parseDefinedNames } from "./names";
import type { SheetCells, WorkbookCells } from "./package-cells";
import { readWorkbook, type ReadableWorkbook } from "./read";
import { relationshipTargets, relsPathOf, sheetEntries } from "./relationships";

export interface WorkbookReport {
  form: FormSpec;
  data: ReportData;
  /** Field id → sheet-qualified address where it was read (tables the officer moved included). */
  addresses: Map<string, string>;
  /** What did not match the template, in plain Chinese, for the officer or reviewer. */
  notes: string[];
  /** Formula cells the file carries no result for (it was never opened in a spreadsheet program). */
  uncalculated: string[];
}

/** The form a workbook was made from, by its ZIPING_FORM marker; an unknown or older one is refused. */
export function recogniseForm(book: Pick<ReadableWorkbook, "file" | "marker">, forms: FormSpec[]): FormSpec {
  const marker = book.marker === undefined ? undefined : parseFormMarker(book.marker);
  if (!marker) {
    throw new WorkbookFileError(book.file, "not-a-template", `${FORM_MARKER_NAME} 标记“${book.marker ?? ""}”无法识别，不是 ZiPing 自评表模板`);
  }
  const form = forms.find((f) => f.id === marker.id);
  if (!form) {
    throw new WorkbookFileError(book.file, "other-form", `是报表规格“${marker.id}”的模板，本程序没有这个规格；请用 --form 指定规格文件`);
  }
  if (marker.version < form.version) {
    throw new WorkbookFileError(
      book.file,
      "older-template",
      `由较早版本的 ZiPing 生成（模板版本 ${marker.version}，当前版本 ${form.version}），表格布局已变；请用 ziping template 生成新模板，把数据填入新模板后再校验`,
    );
  }
  if (marker.version > form.version) {
    throw new WorkbookFileError(
      book.file,
      "newer-template",
      `由更新版本的 ZiPing 生成（模板版本 ${marker.version}，本程序支持到 ${form.version}）；请升级 ziping（npm install）后再试`,
    );
  }
  return form;
}

/** Reads an opened template through the read plan of its form (its cells from the package unless given). */
export function readReport(book: ReadableWorkbook, form: FormSpec, cells: WorkbookCells = book.cells): WorkbookReport {
  // The names carry each table's current extent, so the read starts from the empty layout;
  // the lists (units, 科目) come back from the rows actually found.
  const plan = buildReadPlan(form, {});
  const read = readWorkbook(book, plan, cells);
  const result: ReadResult = {};
  const notes: string[] = [];
  for (const entry of plan.ranges) {
    const got = read.ranges.get(entry.key);
    if (!got) continue;
    result[entry.key] = { values: got.values, address: got.address };
    if (got.clippedFrom) notes.push(`定义名称 ${entry.name} 指向 ${got.clippedFrom}，超出表格所能占的范围，按 ${got.address} 读取。`);
    if (entry.name && !got.viaName) notes.push(`未找到定义名称 ${entry.name}，「${entry.key}」按模板原位置 ${got.address} 读取。`);
  }
  for (const sheet of read.missingSheets) notes.push(`工作簿中没有工作表「${sheet}」（改名或删除了？），其中的表格未读到。`);
  const interpreted = interpretRead(form, {}, result);
  notes.push(...interpreted.notes);
  if (read.uncalculated.length) {
    notes.push(
      `${read.uncalculated.length} 个公式单元格没有计算结果（文件生成后未在 Excel/WPS 中打开保存），按未填写处理；` +
        `请用 Excel 或 WPS 打开并保存后再校验。`,
    );
  }
  return { form, data: interpreted.data, addresses: interpreted.addresses, notes, uncalculated: read.uncalculated };
}

/** Inflates a package's parts within a byte budget: the platform's (DecompressionStream in the pane). */
export type PartsInflater = (file: string, zip: JSZip, limit: number) => Map<string, Uint8Array> | Promise<Map<string, Uint8Array>>;

const UTF8 = new TextDecoder("utf-8");

/** A sheet of the package, read whole by the export reader the first time a read plan asks for it. */
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

/** A workbook's bytes, opened, recognised and read; `inflate` is the platform's. */
export async function readWorkbookReport(file: string, bytes: Uint8Array, inflate: PartsInflater, extraForms: FormSpec[] = []): Promise<WorkbookReport> {
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes);
  } catch {
    throw new WorkbookFileError(file, "not-a-workbook", "不是 Excel 工作簿（.xlsx），或文件已损坏");
  }
  const parts = await inflate(file, zip, EXPORT_LIMITS.inflatedBytes);
  const text = (path: string | undefined) => (path !== undefined && parts.has(path) ? UTF8.decode(parts.get(path)) : undefined);
  const workbookPath = relationshipTargets(text("_rels/.rels") ?? "", "").find((r) => /\/officeDocument$/.test(r.type))?.target ?? "xl/workbook.xml";
  const workbookXml = text(workbookPath);
  if (!workbookXml) throw new WorkbookFileError(file, "not-a-workbook", "不是 Excel 工作簿（.xlsx）");
  const names = parseDefinedNames(workbookXml);
  const markerName = findDefinedName(names, FORM_MARKER_NAME);
  const marker = markerName ? constantValue(markerName.text) : undefined;
  if (marker === undefined) throw new WorkbookFileError(file, "not-a-template", `不是 ZiPing 自评表模板（工作簿中没有 ${FORM_MARKER_NAME} 标记）`);
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
  return readReport(book, recogniseForm(book, [...extraForms, ...builtInForms]));
}
