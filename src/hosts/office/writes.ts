/**
 * Writing officer values by field id (the import path) and converting text in numeric cells.
 * One read sync (values and formulas, to find each field's cell wherever it now is) and one
 * write sync. What a value becomes is cellInput's decision (core/excel), as for every host:
 * figures as numbers, everything else as text, which text.ts stores verbatim.
 */
import { cellInput, EXCEL_DIGITS } from "../../core/excel/cell-input";
import { parseAmount, yuanToWan } from "../../core/money";
import { splitSheet } from "../../core/excel/address";
import { expandFields, isNumericKind, type FieldDef, type Lists } from "../../core/spec";
import type { FormSpec } from "../../core/spec/types";
import { CELL_STYLES, inputStyleFor } from "../../core/plan/styles";
import { readExisting } from "./existing";
import type { ConvertRequest, ConvertResult, WriteResult } from "./index";
import { queueTableLoads, type NameInfo } from "./read";
import { TEXT_FORMAT, textInput } from "./text";

export interface CellWrite {
  address: string;
  numberFormat?: string;
  input: string | number;
}

/** Queues each write (its number format first), getting each sheet once. */
export function queueWrites(context: Excel.RequestContext, writes: readonly CellWrite[]): void {
  const sheets = new Map<string, Excel.Worksheet>();
  for (const w of writes) {
    const { sheet, local } = splitSheet(w.address);
    if (!sheet) continue;
    let ws = sheets.get(sheet);
    if (!ws) {
      ws = context.workbook.worksheets.getItem(sheet);
      sheets.set(sheet, ws);
    }
    const range = ws.getRange(local);
    // Number format first: calls run in order, and "@" must be in place before the text arrives.
    if (w.numberFormat) range.numberFormat = [[w.numberFormat]];
    range.values = [[w.input]];
  }
}

/** The number format a field's input cell should have for a figure. */
function figureFormat(field: FieldDef): string {
  return CELL_STYLES[inputStyleFor(field.kind)].numberFormat ?? "General";
}

/** A value as the Office.js input that stores what cellInput decided, with the number format it needs first. */
function inputFor(field: FieldDef | undefined, value: string | number | null, currentFormat: string | undefined): { input: string | number; numberFormat?: string } {
  const decided = cellInput(field, value);
  if (decided.kind === "blank") return { input: "" };
  if (decided.kind === "number") return { input: decided.value, ...(field && currentFormat === TEXT_FORMAT ? { numberFormat: figureFormat(field) } : {}) };
  // A list label (name / code) or a text field: the cell is made text.
  if (!field || !isNumericKind(field.kind)) return { input: decided.text, numberFormat: TEXT_FORMAT };
  // 无, —, or text the checks will flag: stored exactly as given, the cell keeps its number format.
  return { input: textInput(decided.text, currentFormat) };
}

export async function writeQueued(
  context: Excel.RequestContext,
  form: FormSpec,
  lists: Lists,
  names: Map<string, NameInfo>,
  values: Record<string, string | number | null>,
): Promise<WriteResult> {
  const collect = queueTableLoads(context, form, names, { formulas: true });
  await context.sync();
  const { tables } = collect();
  const existing = readExisting(form, lists, tables);
  const fields = new Map(expandFields(form, existing.read.data.lists).map((f) => [f.id, f]));
  const written: string[] = [];
  const rejected: WriteResult["rejected"] = [];
  const writes: CellWrite[] = [];
  for (const [id, value] of Object.entries(values)) {
    const address = existing.read.addresses.get(id);
    if (!address) {
      rejected.push({ fieldId: id, reason: "表中没有这一格（该机构或科目的行还不存在，请先添加）。" });
      continue;
    }
    const cell = existing.byAddress.get(address);
    if (cell?.formula) {
      rejected.push({ fieldId: id, reason: "此格是模板的合计公式，未覆盖；导入的合计会与公式结果比对。" });
      continue;
    }
    const isLabel = id.includes(".#");
    const field = isLabel ? undefined : fields.get(id);
    if (!isLabel && !field) {
      rejected.push({ fieldId: id, reason: "未知的栏目。" });
      continue;
    }
    // The current number format is not read (no extra load): numeric cells of the template are not "@".
    const currentFormat = field && isNumericKind(field.kind) ? figureFormat(field) : TEXT_FORMAT;
    const { input, numberFormat } = inputFor(field, value, currentFormat);
    writes.push({ address, input, ...(numberFormat ? { numberFormat } : {}) });
    written.push(id);
  }
  if (writes.length > 0) {
    queueWrites(context, writes);
    await context.sync();
  }
  return { written, rejected, problems: [] };
}

export async function convertQueued(
  context: Excel.RequestContext,
  form: FormSpec,
  lists: Lists,
  names: Map<string, NameInfo>,
  request: ConvertRequest,
): Promise<ConvertResult> {
  const collect = queueTableLoads(context, form, names, { formulas: true });
  await context.sync();
  const existing = readExisting(form, lists, collect().tables);
  const fields = new Map(expandFields(form, existing.read.data.lists).map((f) => [f.id, f]));
  const converted: ConvertResult["converted"] = [];
  const skipped: ConvertResult["skipped"] = [];
  const writes: CellWrite[] = [];
  for (const id of request.fieldIds) {
    const field = fields.get(id);
    const address = existing.read.addresses.get(id) ?? "";
    const cell = existing.byAddress.get(address);
    const text = typeof cell?.value === "string" ? cell.value : "";
    if (!field || !isNumericKind(field.kind) || !cell) {
      skipped.push({ fieldId: id, address, text, reason: "不是数字栏目。" });
      continue;
    }
    if (typeof cell.value !== "string") {
      skipped.push({ fieldId: id, address, text: String(cell.value ?? ""), reason: "已经是数字。" });
      continue;
    }
    const parsed = parseAmount(text);
    if (parsed.kind !== "amount") {
      skipped.push({ fieldId: id, address, text, reason: parsed.kind === "none" ? "表示“无”，不转换。" : `无法识别为数字（${parsed.reason}）。` });
      continue;
    }
    const value = request.sourceUnit === "元" && field.unit === "万元" ? yuanToWan(parsed.value) : parsed.value;
    const to = value.toFixed();
    const decided = cellInput(field, to);
    if (decided.kind !== "number") {
      skipped.push({ fieldId: id, address, text, reason: `有效数字超过 ${EXCEL_DIGITS} 位，Excel 存为数字会改变末位，保留为文本。` });
      continue;
    }
    // The cell may have become text-formatted by a paste: give it its figure format back first.
    writes.push({ address, numberFormat: figureFormat(field), input: decided.value });
    converted.push({ fieldId: id, address, from: text, to });
  }
  if (writes.length > 0) {
    queueWrites(context, writes);
    await context.sync();
  }
  return { converted, skipped, problems: [] };
}
