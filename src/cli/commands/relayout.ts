/**
 * An import that brings new list entries (units, 科目, projects) into an .xlsx template: the
 * workbook is laid out again for the longer lists and refilled with everything it held, as the
 * pane's template upgrade does in Excel. The command line has no Excel to move rows in place, so
 * it rebuilds the file, and does so only when it can show that nothing the officer wrote is lost:
 * every cell of the workbook is either a field value (carried as data), a cell the template
 * itself wrote unchanged, or free text on a sheet whose layout the longer lists do not move
 * (报告综述), which is copied over. Anything else (a note beside a table, a sheet of the officer's
 * own, an edited heading) stops the import with the cells named.
 */
import type ExcelJS from "exceljs";
import { builtInScoringLayout } from "../../core/plan/built-in-scoring";
import { buildLayoutPlan } from "../../core/plan/layout";
import type {
  LayoutPlan,
  PlannedCell,
  SheetLayout,
} from "../../core/plan/layout-types";
import { a1 } from "../../core/excel/address";
import { rawText, type FormSpec, type ReportData } from "../../core/spec";
import { fillValues, plannedFieldCells } from "../../hosts/xlsx/fill";
import {
  buildWorkbook,
  plannedNames,
  workbookBytes,
} from "../../hosts/xlsx/write";

type Content = string | number | boolean;

/** What a cell holds as the officer sees it: its formula, or its value (rich text joined). */
function contentOf(cell: ExcelJS.Cell): { formula?: string; value?: Content } {
  const v = cell.value;
  if (v === null || v === undefined || v === "") return {};
  if (typeof v === "object") {
    if ("formula" in v || "sharedFormula" in v)
      return { formula: `=${cell.formula}` };
    if ("richText" in v)
      return { value: v.richText.map((r) => r.text).join("") };
    if (v instanceof Date) return { value: v.toISOString() };
    if ("text" in v) return { value: String(v.text) };
    return { value: String(cell.text) };
  }
  return { value: v };
}

function byPosition(sheet: SheetLayout): Map<string, PlannedCell> {
  return new Map(sheet.cells.map((c) => [a1(c.row, c.column), c]));
}

/** Same cells at the same places (a sheet the list lengths do not reach). */
function sameLayout(a: SheetLayout, b: SheetLayout): boolean {
  return JSON.stringify(a.cells) === JSON.stringify(b.cells);
}

export interface Relayout {
  /** The new workbook, when nothing would be lost. */
  bytes?: Buffer;
  /** Cells (Sheet!A1) or sheets the rebuild would lose; empty when `bytes` is set. */
  wouldLose: string[];
}

/**
 * Lays the workbook out again for `next` (the data after the import), carrying the free text of
 * unchanged sheets. `current` is the data as read from the workbook, before the import.
 */
export async function relayoutWorkbook(
  form: FormSpec,
  workbook: ExcelJS.Workbook,
  current: ReportData,
  next: ReportData,
): Promise<Relayout> {
  // The headings name the department and year the template was made for (from its own fields).
  const text = (id: string): string | undefined => {
    const raw = rawText(current.values[id]);
    return raw === null ? undefined : String(raw);
  };
  // The 绩效评分 columns `ziping template` lays out are the template's too.
  const scoring = builtInScoringLayout(form.id);
  const options = {
    ...(text("report.year") ? { year: text("report.year")! } : {}),
    ...(text("report.dept") ? { dept: text("report.dept")! } : {}),
    ...(scoring ? { scoring } : {}),
  };
  const before: LayoutPlan = buildLayoutPlan(form, current.lists, options);
  const after: LayoutPlan = buildLayoutPlan(form, next.lists, options);
  const fieldCells = new Set(
    [...plannedFieldCells(before).values()].map(
      (c) => `${c.sheet}!${a1(c.row, c.column)}`,
    ),
  );
  const wouldLose: string[] = [];
  const carried: Array<{ sheet: string; address: string; value: Content }> = [];

  workbook.eachSheet((ws) => {
    const planned = before.sheets.find((s) => s.name === ws.name);
    const nextSheet = after.sheets.find((s) => s.name === ws.name);
    if (!planned || !nextSheet) {
      let used = false;
      ws.eachRow(() => (used = true));
      if (used) wouldLose.push(`工作表“${ws.name}”`);
      return;
    }
    const cells = byPosition(planned);
    ws.eachRow((row) =>
      row.eachCell((cell) => {
        if (cell.isMerged && cell.master !== cell) return; // shows its merge's first cell
        const address = cell.address;
        const held = contentOf(cell);
        if (held.formula === undefined && held.value === undefined) return;
        if (fieldCells.has(`${ws.name}!${address}`)) return; // a field: carried as data
        const plannedCell = cells.get(address);
        if (plannedCell?.formula !== undefined && held.formula !== undefined)
          return; // the template's formula, rewritten anyway
        if (
          plannedCell?.value !== undefined &&
          held.formula === undefined &&
          String(held.value) === String(plannedCell.value)
        )
          return;
        if (
          held.formula === undefined &&
          held.value !== undefined &&
          plannedCell?.value === undefined &&
          sameLayout(planned, nextSheet)
        ) {
          carried.push({ sheet: ws.name, address, value: held.value });
          return;
        }
        wouldLose.push(`${ws.name}!${address}`);
      }),
    );
  });
  if (wouldLose.length) return { wouldLose };

  const rebuilt = buildWorkbook(after);
  const missing = fillValues(rebuilt, form, next, plannedFieldCells(after));
  if (missing.length) return { wouldLose: missing };
  for (const c of carried)
    rebuilt.getWorksheet(c.sheet)!.getCell(c.address).value = c.value;
  return {
    bytes: await workbookBytes(rebuilt, plannedNames(after)),
    wouldLose: [],
  };
}
