/** Test helpers: a workbook laid out from a plan and filled with a report's values, as a host would. */
import { readFileSync } from "node:fs";
import { parseAmount } from "../../../src/core/money";
import type { RuleResult } from "../../../src/core/check";
import { buildReadPlan, type ReadResult } from "../../../src/core/plan/read-plan";
import type { LayoutPlan } from "../../../src/core/plan/layout-types";
import { rawText, type RawValue, type ReportData } from "../../../src/core/spec/data";
import { expandFields, isNumericKind, type FieldDef, type Lists } from "../../../src/core/spec/instances";
import type { FormSpec } from "../../../src/core/spec/types";
import { cellOf, Workbook, type Scalar } from "./formula-engine";

export function loadSeed(year: 2020 | 2025): ReportData {
  return JSON.parse(readFileSync(`test/fixtures/seed-${year}.json`, "utf8")) as ReportData;
}

/**
 * What a host writes for a typed value: a number for a numeric field when the text is a plain
 * figure (as Excel stores "1299.77" typed into a cell), text otherwise.
 */
export function cellValueFor(field: FieldDef | undefined, raw: RawValue | undefined): number | string | null {
  const content = rawText(raw);
  if (content === null || content === undefined) return null;
  if (typeof content === "number") return content;
  if (field && isNumericKind(field.kind)) {
    const parsed = parseAmount(content);
    if (parsed.kind === "amount" && parsed.unitHint === undefined && /^[+-]?\d+(\.\d+)?$/.test(content.trim())) {
      return Number(parsed.value.toString());
    }
  }
  return content;
}

export interface FillOptions {
  /** Keep the total formulas (only input cells are typed); otherwise typed values overwrite them. */
  keepFormulas?: boolean;
  /** Write every value as the text given, numbers included (an officer's "store as text"). */
  asText?: boolean;
}

export function workbookFromPlan(form: FormSpec, plan: LayoutPlan, data: ReportData, options: FillOptions = {}): Workbook {
  const fields = new Map(expandFields(form, data.lists).map((f) => [f.id, f]));
  const wb = new Workbook();
  for (const sheet of plan.sheets) {
    for (const c of sheet.cells) {
      if (c.fieldId && fields.has(c.fieldId) && !(options.keepFormulas && c.formula)) {
        const raw = data.values[c.fieldId];
        const v = options.asText ? (rawText(raw) === null ? null : String(rawText(raw))) : cellValueFor(fields.get(c.fieldId), raw);
        wb.set(sheet.name, c.row, c.column, { value: v });
        continue;
      }
      wb.set(sheet.name, c.row, c.column, { value: c.value ?? null, ...(c.formula ? { formula: c.formula } : {}) });
    }
  }
  return wb;
}

/** Sets one field's cell, as typing into it would. */
export function typeInto(wb: Workbook, plan: LayoutPlan, fieldId: string, value: number | string | null): void {
  for (const sheet of plan.sheets) {
    const c = sheet.cells.find((x) => x.fieldId === fieldId);
    if (c) {
      wb.set(sheet.name, c.row, c.column, { value });
      return;
    }
  }
  throw new Error(`no cell for ${fieldId}`);
}

/** Reads every read-plan range from the workbook (computed values), as a host's one batch does. */
export function readWorkbook(form: FormSpec, lists: Lists, wb: Workbook): ReadResult {
  const out: ReadResult = {};
  for (const r of buildReadPlan(form, lists).ranges) {
    const [sheet, range] = r.address.split("!");
    const [from, to = from] = range.split(":");
    const a = cellOf(from);
    const b = cellOf(to);
    const values: Scalar[][] = [];
    for (let row = a.row; row <= b.row; row++) {
      const line: Scalar[] = [];
      for (let col = a.column; col <= b.column; col++) line.push(wb.value(sheet.replace(/^'|'$/g, ""), row, col));
      values.push(line);
    }
    out[r.key] = values.map((line) => line.map((v) => (typeof v === "object" && v !== null ? v.toString() : v)));
  }
  return out;
}

/** The 校验 sheet's words for a core verdict. */
export function expectedVerdict(r: RuleResult): string {
  switch (r.status) {
    case "pass":
      return "通过";
    case "tail":
      return "尾差";
    case "skipped":
      return r.reason === "未填写" ? "未填" : "无法校验";
    case "fail":
      if (r.finding?.kind === "overspend") return "超支";
      if (r.finding?.kind === "unbudgeted") return "超支（年初未作预算）";
      return "不通过";
  }
}
