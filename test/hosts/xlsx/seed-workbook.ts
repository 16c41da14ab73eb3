/** The official form laid out as a workbook and filled with a seed's figures, for the xlsx tests. */
import ExcelJS from "exceljs";
import { parseAmount } from "../../../src/core/money";
import { buildLayoutPlan } from "../../../src/core/plan/layout";
import type { LayoutPlan } from "../../../src/core/plan/layout-types";
import { defaultForm, rawText, type FormSpec, type RawValue, type ReportData } from "../../../src/core/spec";
import { fillValues, plannedFieldCells } from "../../../src/hosts/xlsx/fill";
import { buildWorkbook, cacheFormulaResults, plannedNames, workbookBytes } from "../../../src/hosts/xlsx/write";

export function seedPlan(data: ReportData, form: FormSpec = defaultForm): LayoutPlan {
  return buildLayoutPlan(form, data.lists);
}

/** Field ids whose planned cell holds a formula (the totals). */
export function formulaFields(plan: LayoutPlan): Set<string> {
  return new Set(plan.sheets.flatMap((s) => s.cells.filter((c) => c.formula && c.fieldId).map((c) => c.fieldId!)));
}

/**
 * The template filled with the data. `keepFormulas`: only the input cells are filled and every
 * total stays a formula; otherwise every figure is typed in, totals too, as the report printed them.
 * `calculated`: every formula carries its result, as `ziping template` writes them.
 */
export async function filledWorkbook(
  data: ReportData,
  { keepFormulas = false, form = defaultForm, calculated = false }: { keepFormulas?: boolean; form?: FormSpec; calculated?: boolean } = {},
): Promise<{ plan: LayoutPlan; workbook: ExcelJS.Workbook; bytes: Buffer }> {
  const plan = seedPlan(data, form);
  const workbook = buildWorkbook(plan);
  const totals = formulaFields(plan);
  const values = keepFormulas ? Object.fromEntries(Object.entries(data.values).filter(([id]) => !totals.has(id))) : data.values;
  const missing = fillValues(workbook, form, { ...data, values }, plannedFieldCells(plan));
  expect(missing).toEqual([]);
  if (calculated) cacheFormulaResults(workbook);
  return { plan, workbook, bytes: await workbookBytes(workbook, plannedNames(plan)) };
}

/** The same value: equal decimals for figures ("1112.80" = 1112.8), equal text otherwise. */
export function sameValue(a: RawValue | undefined, b: RawValue | undefined): boolean {
  const blank = (v: RawValue | undefined) => {
    const t = rawText(v);
    return t === null || String(t).trim() === "" ? null : t;
  };
  const x = blank(a);
  const y = blank(b);
  if (x === null || y === null) return x === y;
  const px = parseAmount(x);
  const py = parseAmount(y);
  if (px.kind === "amount" && py.kind === "amount" && px.unitHint === py.unitHint) return px.value.eq(py.value);
  return String(x) === String(y);
}

/** Field ids whose values differ between two reports (blank and missing are the same). */
export function differingValues(expected: ReportData, actual: ReportData): string[] {
  const ids = new Set([...Object.keys(expected.values), ...Object.keys(actual.values)]);
  return [...ids].filter((id) => !sameValue(expected.values[id], actual.values[id]));
}
