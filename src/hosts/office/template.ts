/**
 * Laying out the template in a workbook that may already hold one: plan (no writes), then apply.
 *
 * - A sheet the plan needs and the workbook lacks is created.
 * - A ZiPing sheet (found through its defined names, even if the officer renamed it) is upgraded
 *   in place: labels, formats, formulas of empty total cells, names. If its tables are where the
 *   plan puts them, entered cells are not touched at all; if not (rows inserted, a list grown),
 *   the sheet is re-laid out and every entered value is written back to its field's new cell.
 * - An officer's sheet that merely has the name is left alone; ZiPing's goes beside it (收入(2)),
 *   and every formula and name of the plan is rewritten to that name.
 * Writes are one sync per sheet (content, formats and that sheet's names together, so a failure
 * never leaves names pointing at moved tables), plus one for the form marker.
 */
import { CHECK_SHEET_ID } from "../../core/plan/check-sheet";
import { buildLayoutPlan, type LayoutOptions } from "../../core/plan/layout";
import type { LayoutPlan, PlannedCell, PlannedName, SheetLayout } from "../../core/plan/layout-types";
import { FORM_MARKER_NAME, tableBodyName, tableHeaderName } from "../../core/plan/names";
import { headerDepthOf } from "../../core/plan/placement";
import type { FormSpec } from "../../core/spec/types";
import { parseArea, type Area } from "../memory/refs";
import { isBlank, mergeLists, readExisting, type Existing } from "./existing";
import type { ApplyResult, LayoutProblem, TemplateAction, TemplatePreview, TemplateRequest } from "./index";
import { problemFromError } from "./problems";
import { inspectWorkbook, nameTarget, type WorkbookState } from "./read";
import { besideName, renameSheets } from "./sheet-names";
import { queueSheet, rectAddress, type CellContent, type Rect } from "./write-sheet";

/** Everything apply needs besides the public preview. */
export interface PlannedTemplate extends TemplatePreview {
  request: TemplateRequest;
  /** Per sheet id: upgrade in place (tables where planned) or re-lay out. */
  modes: Map<string, "create" | "inPlace" | "relayout">;
  existing?: Existing;
  previousId: (fieldId: string) => string;
  state: WorkbookState;
}

/** The plan's names that point into a sheet of the plan. */
function namesOnSheet(plan: LayoutPlan, sheetName: string): PlannedName[] {
  return plan.names.filter((n) => parseArea(n.reference)?.sheet === sheetName);
}

/** The existing sheet a planned sheet lives on, found through the plan's names. */
function existingSheetFor(plan: LayoutPlan, sheet: SheetLayout, state: WorkbookState): string | undefined {
  for (const n of namesOnSheet(plan, sheet.name)) {
    const target = nameTarget(state.names.get(n.name.toUpperCase()));
    if (target && state.sheets.some((s) => s.name === target.sheet)) return target.sheet;
  }
  return undefined;
}

function sameArea(a: Area | undefined, b: Area | undefined): boolean {
  return !!a && !!b && a.top === b.top && a.left === b.left && a.bottom === b.bottom && a.right === b.right;
}

/** Where a table sat before, title row to last body row, from its names. */
function oldTableArea(form: FormSpec, tableId: string, state: WorkbookState): Area | undefined {
  const body = nameTarget(state.names.get(tableBodyName(tableId).toUpperCase()));
  if (!body) return undefined;
  const header = nameTarget(state.names.get(tableHeaderName(tableId).toUpperCase()));
  const table = form.sheets.flatMap((s) => s.tables).find((t) => t.id === tableId)!;
  const headerTop = header?.area.top ?? body.area.top - headerDepthOf(table);
  return { top: Math.max(1, headerTop - 2), left: 1, bottom: body.area.bottom, right: body.area.right };
}

function describe(action: Omit<TemplateAction, "description">): string {
  switch (action.kind) {
    case "create":
      return `新建工作表「${action.name}」。`;
    case "upgrade":
      return `升级工作表「${action.name}」：更新表头、格式和公式，保留已填的 ${action.valuesKept ?? 0} 个单元格。`;
    case "besideClash":
      return `已有同名工作表「${action.clashesWith}」（非本模板），不作改动；模板表命名为「${action.name}」。`;
  }
}

export async function planTemplate(context: Excel.RequestContext, form: FormSpec, request: TemplateRequest): Promise<PlannedTemplate> {
  const state = await inspectWorkbook(context, form, { formulas: true });
  const hasTables = Object.keys(state.tables).length > 0;
  const existing = hasTables ? readExisting(form, request.lists ?? {}, state.tables) : undefined;
  const merged = mergeLists(form, existing, request.lists);

  const prefill: Record<string, string | number> = {};
  for (const [id, value] of Object.entries(request.values ?? {})) {
    const cell = existing?.cells.get(merged.previousId(id));
    if (!cell || isBlank(cell.value)) prefill[id] = value;
  }
  const options: LayoutOptions = { prefill };
  const basePlan = buildLayoutPlan(form, merged.lists, options);

  const taken = new Set(state.sheets.map((s) => s.name.toLowerCase()));
  const renames = new Map<string, string>();
  const actions: TemplateAction[] = [];
  const modes = new Map<string, "create" | "inPlace" | "relayout">();
  for (const sheet of basePlan.sheets) {
    const found = existingSheetFor(basePlan, sheet, state);
    let action: Omit<TemplateAction, "description">;
    if (found) {
      if (found !== sheet.name) renames.set(sheet.name, found);
      const kept = [...(existing?.cells.values() ?? [])].filter((c) => c.address.startsWith(`${found}!`) || c.address.startsWith(`'${found.replace(/'/g, "''")}'!`)).filter((c) => !c.formula && !isBlank(c.value)).length;
      action = { kind: "upgrade", sheetId: sheet.id, name: found, valuesKept: kept };
    } else if (taken.has(sheet.name.toLowerCase())) {
      const name = besideName(sheet.name, (n) => taken.has(n.toLowerCase()));
      taken.add(name.toLowerCase());
      renames.set(sheet.name, name);
      action = { kind: "besideClash", sheetId: sheet.id, name, clashesWith: sheet.name };
    } else {
      taken.add(sheet.name.toLowerCase());
      action = { kind: "create", sheetId: sheet.id, name: sheet.name };
    }
    actions.push({ ...action, description: describe(action) });
  }
  const plan = renameSheets(basePlan, renames);

  for (const action of actions) {
    if (action.kind !== "upgrade") {
      modes.set(action.sheetId, "create");
      continue;
    }
    const sheet = plan.sheets.find((s) => s.id === action.sheetId)!;
    const inPlace =
      sheet.id !== CHECK_SHEET_ID &&
      namesOnSheet(plan, sheet.name).every((n) => sameArea(nameTarget(state.names.get(n.name.toUpperCase()))?.area, parseArea(n.reference)));
    modes.set(action.sheetId, inPlace ? "inPlace" : "relayout");
  }

  const created = actions.filter((a) => a.kind !== "upgrade").length;
  const upgraded = actions.filter((a) => a.kind === "upgrade");
  const keptTotal = upgraded.reduce((s, a) => s + (a.valuesKept ?? 0), 0);
  const beside = actions.filter((a) => a.kind === "besideClash").map((a) => `「${a.clashesWith}」`);
  const summary =
    `将新建 ${created} 张工作表，升级 ${upgraded.length} 张，保留已填数据 ${keptTotal} 格。` +
    (beside.length ? `同名的 ${beside.join("、")} 不是模板表，保持原样，模板表另起名。` : "");
  return {
    plan,
    actions,
    lists: merged.lists,
    names: plan.names.map((n) => n.name),
    problems: [],
    summary,
    request,
    modes,
    existing,
    previousId: merged.previousId,
    state,
  };
}

function planContent(cell: PlannedCell): CellContent | undefined {
  if (cell.formula) return { kind: "formula", formula: cell.formula };
  if (typeof cell.value === "number") return { kind: "number", value: cell.value };
  if (typeof cell.value === "string") return { kind: "text", text: cell.value };
  return undefined;
}

function keptContent(value: unknown): CellContent {
  if (typeof value === "number") return { kind: "number", value };
  if (typeof value === "boolean") return { kind: "text", text: value ? "TRUE" : "FALSE" };
  return { kind: "text", text: String(value) };
}

/** Cells of `areas` the plan does not write: what a re-laid-out sheet must clear. */
function staleRects(areas: Area[], planned: Set<string>): Rect[] {
  const out: Rect[] = [];
  for (const a of areas) {
    for (let r = a.top; r <= a.bottom; r++) {
      let start: number | undefined;
      for (let c = a.left; c <= a.right + 1; c++) {
        const free = c <= a.right && !planned.has(`${r},${c}`);
        if (free && start === undefined) start = c;
        if (!free && start !== undefined) {
          out.push({ top: r, bottom: r, left: start, right: c - 1 });
          start = undefined;
        }
      }
    }
  }
  return out;
}

function contentFor(planned: PlannedTemplate, mode: "create" | "inPlace" | "relayout") {
  return (cell: PlannedCell): CellContent | undefined => {
    if (!cell.fieldId || mode === "create") return planContent(cell);
    const before = planned.existing?.cells.get(planned.previousId(cell.fieldId));
    // A cell the template adds (a new list row, a new field) gets the plan's content.
    if (!before) return planContent(cell);
    if (mode === "inPlace") return { kind: "keep" };
    // A cell the officer left or made empty (even a deleted total formula) stays empty.
    if (isBlank(before.value) && !before.formula) return { kind: "text", text: "" };
    // Re-laid out: the template's own formulas are re-planned for the new positions; a value is carried over.
    if (before.formula && cell.formula) return { kind: "formula", formula: cell.formula };
    return keptContent(before.value);
  };
}

function oldAreasOnSheet(form: FormSpec, planned: PlannedTemplate, sheet: SheetLayout): Area[] {
  if (sheet.id === CHECK_SHEET_ID) {
    const rows = Math.max(planned.state.checkRows ?? 0, 0);
    const bottom = Math.max(...sheet.cells.map((c) => c.row), rows + 20);
    return [{ top: 1, left: 1, bottom, right: Math.max(...sheet.cells.map((c) => c.column)) }];
  }
  const spec = form.sheets.find((s) => s.id === sheet.id);
  return (spec?.tables ?? []).flatMap((t) => {
    const area = oldTableArea(form, t.id, planned.state);
    return area ? [area] : [];
  });
}

function queueNames(context: Excel.RequestContext, names: PlannedName[], state: WorkbookState): void {
  for (const n of names) {
    const formula = `=${n.reference}`;
    const before = state.names.get(n.name.toUpperCase());
    if (!before) context.workbook.names.add(n.name, formula, n.comment);
    else if (before.formula !== formula) context.workbook.names.getItem(before.name).formula = formula;
  }
}

export async function applyPlannedTemplate(context: Excel.RequestContext, form: FormSpec, planned: PlannedTemplate, countSync: () => void): Promise<ApplyResult> {
  const problems: LayoutProblem[] = [];
  const done: TemplateAction[] = [];
  const sync = async () => {
    countSync();
    await context.sync();
  };
  const { plan } = planned;
  for (const action of planned.actions) {
    const sheet = plan.sheets.find((s) => s.id === action.sheetId)!;
    const mode = planned.modes.get(sheet.id) ?? "create";
    try {
      const ws = mode === "create" ? context.workbook.worksheets.add(sheet.name) : context.workbook.worksheets.getItem(sheet.name);
      const plannedCells = new Set(sheet.cells.map((c) => `${c.row},${c.column}`));
      const oldAreas = mode === "relayout" ? oldAreasOnSheet(form, planned, sheet) : [];
      queueSheet(ws, sheet, { content: contentFor(planned, mode), reset: oldAreas });
      if (mode === "relayout") {
        // After the new content is in: clear what the old layout left outside it.
        for (const r of staleRects(oldAreas, plannedCells)) {
          ws.getRange(rectAddress(r)).clear("Contents");
        }
      }
      queueNames(context, namesOnSheet(plan, sheet.name), planned.state);
      await sync();
      done.push(action);
    } catch (e) {
      problems.push(problemFromError(e, `写入工作表「${sheet.name}」`));
      return { ok: false, actions: done, problems, syncs: 0 };
    }
  }
  try {
    const marker = planned.state.names.get(FORM_MARKER_NAME.toUpperCase());
    const formula = `="${plan.marker.value}"`;
    if (!marker) context.workbook.names.add(plan.marker.name, formula, "ZiPing 模板标识").visible = false;
    else if (marker.formula !== formula) context.workbook.names.getItem(marker.name).formula = formula;
    await sync();
  } catch (e) {
    problems.push(problemFromError(e, "写入模板标识"));
    return { ok: false, actions: done, problems, syncs: 0 };
  }
  return { ok: true, actions: done, problems, syncs: 0 };
}
