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
 * - Cells of the officer's that the new layout needs are never overwritten silently: the plan
 *   lists them as conflicts and apply refuses unless the officer agreed they move to the right
 *   (officer-content.ts); formulas the officer typed stay formulas, reading the same cells.
 * Writes are one sync per sheet (content, formats and that sheet's names together, so a failure
 * never leaves names pointing at moved tables), plus one for the form marker.
 */
import { CHECK_FIRST_ROW, CHECK_SHEET_ID } from "../../core/plan/check-sheet";
import { buildLayoutPlan, type LayoutOptions } from "../../core/plan/layout";
import type { LayoutPlan, PlannedCell, PlannedName, SheetLayout } from "../../core/plan/layout-types";
import { FORM_MARKER_NAME, tableBodyName, tableHeaderName } from "../../core/plan/names";
import { headerDepthOf } from "../../core/spec/placement";
import type { FormSpec } from "../../core/spec/types";
import { a1, type Area, parseArea, topLeftOf } from "../../core/excel/address";
import { CellSet } from "./cell-set";
import { isBlank, mergeLists, readExisting, type Existing } from "./existing";
import type { ApplyResult, ContentConflict, LayoutProblem, TemplateAction, TemplatePreview, TemplateRequest } from "./index";
import { carryContent, keptContent, type CarriedContent, type CellWrite, type SheetMode } from "./officer-content";
import { problemFromError } from "./problems";
import { inspectWorkbook, nameTarget, type WorkbookState } from "./read";
import { besideName, renameSheets } from "./sheet-names";
import { textInput } from "./text";
import { queueSheet, rectAddress, type CellContent } from "./write-sheet";

/** Everything apply needs besides the public preview. */
export interface PlannedTemplate extends TemplatePreview {
  request: TemplateRequest;
  /** Per sheet id: upgrade in place (tables where planned) or re-lay out. */
  modes: Map<string, SheetMode>;
  existing?: Existing;
  previousId: (fieldId: string) => string;
  state: WorkbookState;
  /** How the officer's own cells are carried through the change. */
  carried: CarriedContent;
  /** The core's plan before sheet renames, and what it was built from (apply reuses it when that is unchanged). */
  basePlan: LayoutPlan;
  planKey: string;
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

function emptyExisting(form: FormSpec): Existing {
  return { read: { data: { form: form.id, lists: {}, values: {} }, addresses: new Map(), notes: [] }, cells: new Map(), byAddress: new Map() };
}

/** Why apply writes nothing while there are conflicts not agreed to. */
export function conflictProblem(conflicts: ContentConflict[], changedSincePreview: boolean): LayoutProblem {
  const shown = conflicts.slice(0, 3).map((c) => c.address).join("、") + (conflicts.length > 3 ? " 等" : "");
  const moved = conflicts.filter((c) => c.kind === "moved").length;
  const what =
    moved === conflicts.length
      ? `新布局会用到 ${moved} 个不属于模板的单元格（${shown}）`
      : `新布局涉及 ${conflicts.length} 个您自己填写的单元格（${shown}），其中 ${moved} 个需要移到右侧空白处，${conflicts.length - moved} 个公式的引用无法随表格调整`;
  return {
    code: "foreignContent",
    message: changedSincePreview
      ? `预览之后工作簿有改动：${what}。为免覆盖，未写入任何内容；请重新预览并确认。`
      : `${what}。为免覆盖，未写入任何内容；请确认把它们按列表移到右侧空白处（公式保留）后再应用。`,
    repairable: false,
  };
}

/**
 * Plans the template for the workbook as it is now. `earlier` (the preview being applied) lends
 * its layout plan when the lists and prefills come out the same: the plan is a pure function of
 * them, and building it is most of the cost at thousands of units.
 */
export async function planTemplate(context: Excel.RequestContext, form: FormSpec, request: TemplateRequest, earlier?: PlannedTemplate): Promise<PlannedTemplate> {
  const state = await inspectWorkbook(context, form, { formulas: true, used: true });
  const hasTables = Object.keys(state.tables).length > 0;
  const existing = hasTables ? readExisting(form, request.lists ?? {}, state.tables) : undefined;
  const merged = mergeLists(form, existing, request.lists);

  const prefill: Record<string, string | number> = {};
  for (const [id, value] of Object.entries(request.values ?? {})) {
    const cell = existing?.cells.get(merged.previousId(id));
    if (!cell || isBlank(cell.value)) prefill[id] = value;
  }
  const options: LayoutOptions = { prefill, ...(request.scoring ? { scoring: request.scoring } : {}) };
  const planKey = JSON.stringify([merged.lists, prefill]);
  const basePlan = earlier?.planKey === planKey ? earlier.basePlan : buildLayoutPlan(form, merged.lists, options);

  // Entered cells (values, not formulas) per sheet, counted in one pass.
  const enteredBySheet = new Map<string, number>();
  for (const c of existing?.cells.values() ?? []) {
    if (c.formula || isBlank(c.value)) continue;
    const sheet = topLeftOf(c.address)?.sheet;
    if (sheet !== undefined) enteredBySheet.set(sheet, (enteredBySheet.get(sheet) ?? 0) + 1);
  }
  const taken = new Set(state.sheets.map((s) => s.name.toLowerCase()));
  const renames = new Map<string, string>();
  const actions: TemplateAction[] = [];
  const modes = new Map<string, SheetMode>();
  for (const sheet of basePlan.sheets) {
    const found = existingSheetFor(basePlan, sheet, state);
    let action: Omit<TemplateAction, "description">;
    if (found) {
      if (found !== sheet.name) renames.set(sheet.name, found);
      action = { kind: "upgrade", sheetId: sheet.id, name: found, valuesKept: enteredBySheet.get(found) ?? 0 };
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

  const carried = carryContent({
    form,
    state,
    existing: existing ?? emptyExisting(form),
    previousId: merged.previousId,
    lists: { before: existing?.read.data.lists ?? {}, after: merged.lists },
    plan,
    modes,
  });
  const conflicts = carried.conflicts;
  let rewritten = 0;
  for (const list of carried.rewrites.values()) rewritten += list.length;

  const created = actions.filter((a) => a.kind !== "upgrade").length;
  const upgraded = actions.filter((a) => a.kind === "upgrade");
  const keptTotal = upgraded.reduce((s, a) => s + (a.valuesKept ?? 0), 0);
  const beside = actions.filter((a) => a.kind === "besideClash").map((a) => `「${a.clashesWith}」`);
  const summary =
    `将新建 ${created} 张工作表，升级 ${upgraded.length} 张，保留已填数据 ${keptTotal} 格。` +
    (beside.length ? `同名的 ${beside.join("、")} 不是模板表，保持原样，模板表另起名。` : "") +
    (carried.officerFormulas.size + rewritten > 0 ? `您自己输入的 ${carried.officerFormulas.size + rewritten} 个公式保留为公式，引用随表格移动。` : "") +
    (conflicts.length ? `另有 ${conflicts.length} 个您自己填写的单元格受新布局影响（见下方列表），须确认后才会应用。` : "");
  return {
    plan,
    actions,
    lists: merged.lists,
    names: plan.names.map((n) => n.name),
    problems: conflicts.length ? [conflictProblem(conflicts, false)] : [],
    conflicts,
    summary,
    request,
    modes,
    existing,
    previousId: merged.previousId,
    state,
    carried,
    basePlan,
    planKey,
  };
}

function planContent(cell: PlannedCell): CellContent | undefined {
  if (cell.formula) return { kind: "formula", formula: cell.formula };
  if (typeof cell.value === "number") return { kind: "number", value: cell.value };
  if (typeof cell.value === "string") return { kind: "text", text: cell.value };
  return undefined;
}

/** Old template cells a re-laid-out sheet's new layout does not write, as row runs to clear. */
function staleRuns(template: CellSet, planned: CellSet): Array<{ row: number; left: number; right: number }> {
  const byRow = new Map<number, number[]>();
  for (const { row, column } of template.cells()) {
    if (planned.has(row, column)) continue;
    const columns = byRow.get(row);
    if (columns) columns.push(column);
    else byRow.set(row, [column]);
  }
  const out: Array<{ row: number; left: number; right: number }> = [];
  for (const [row, columns] of byRow) {
    columns.sort((a, b) => a - b);
    let left = columns[0];
    for (let i = 1; i <= columns.length; i++) {
      if (i < columns.length && columns[i] === columns[i - 1] + 1) continue;
      out.push({ row, left, right: columns[i - 1] });
      left = columns[i];
    }
  }
  return out;
}

function contentFor(planned: PlannedTemplate, mode: SheetMode, oldTemplate: CellSet | undefined) {
  const { carried } = planned;
  return (cell: PlannedCell): CellContent | undefined => {
    // Re-laid out: a planned cell with nothing planned in it is cleared where the old layout had something.
    const fresh = (): CellContent | undefined => planContent(cell) ?? (oldTemplate?.has(cell.row, cell.column) ? { kind: "text", text: "" } : undefined);
    if (!cell.fieldId || mode === "create") return mode === "relayout" ? fresh() : planContent(cell);
    const oldId = planned.previousId(cell.fieldId);
    const before = planned.existing?.cells.get(oldId);
    // A cell the template adds (a new list row, a new field) gets the plan's content.
    if (!before) return mode === "relayout" ? fresh() : planContent(cell);
    if (mode === "inPlace") return { kind: "keep" };
    // A formula the officer typed stays a formula, reading the same cells at their new place.
    const officer = carried.officerFormulas.get(oldId);
    if (officer !== undefined) return { kind: "formula", formula: officer };
    // A cell the officer left or made empty (even a deleted total formula) stays empty.
    if (isBlank(before.value) && !before.formula) return { kind: "text", text: "" };
    // The template's own total formulas are re-planned for the new positions; a value is carried over.
    if (before.formula && cell.formula) return { kind: "formula", formula: cell.formula };
    if (before.formula) return { kind: "formula", formula: before.formula };
    return keptContent(before.value);
  };
}

/** A cell written exactly: a formula as a formula, text as text (quote prefix), a figure as a number. */
function queueCell(ws: Excel.Worksheet, write: CellWrite): void {
  const range = ws.getRange(a1(write.row, write.column));
  const c = write.content;
  if (c.kind === "formula") range.formulas = [[c.formula]];
  else if (c.kind === "number") range.values = [[c.value]];
  else if (c.kind === "text") range.values = [[textInput(c.text, undefined)]];
}

function oldAreasOnSheet(form: FormSpec, planned: PlannedTemplate, sheet: SheetLayout): Area[] {
  if (sheet.id === CHECK_SHEET_ID) {
    // The old rule block and the new one: their merges and highlights go before the new layout.
    let bottom = CHECK_FIRST_ROW + Math.max(planned.state.checkRows ?? 0, 0);
    let right = 1;
    for (const c of sheet.cells) {
      bottom = Math.max(bottom, c.row);
      right = Math.max(right, c.column);
    }
    return [{ top: 1, left: 1, bottom, right }];
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

/**
 * Writes the planned template. With conflicts the officer has not agreed to (`moveForeignContent`
 * false) nothing is written at all.
 */
export async function applyPlannedTemplate(
  context: Excel.RequestContext,
  form: FormSpec,
  planned: PlannedTemplate,
  countSync: () => void,
  moveForeignContent = false,
  /** Whether the host has Worksheet.pageLayout (ExcelApi 1.9); without it sheets get no page setup. */
  pageLayout = false,
): Promise<ApplyResult> {
  const problems: LayoutProblem[] = [];
  const done: TemplateAction[] = [];
  const { conflicts } = planned;
  if (conflicts.length > 0 && !moveForeignContent) return { ok: false, actions: [], problems: [conflictProblem(conflicts, false)], syncs: 0, conflicts };
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
      const oldAreas = mode === "relayout" ? oldAreasOnSheet(form, planned, sheet) : [];
      const oldTemplate = mode === "relayout" ? planned.carried.template.get(sheet.name) : undefined;
      // The officer's cells in the new layout's way go to the right first, and their old cells are emptied.
      const relocated = planned.carried.relocations.get(sheet.name);
      for (const write of relocated?.writes ?? []) queueCell(ws, write);
      for (const source of relocated?.sources ?? []) ws.getRange(a1(source.row, source.column)).clear("Contents");
      queueSheet(ws, sheet, { content: contentFor(planned, mode, oldTemplate), reset: oldAreas, pageLayout });
      if (oldTemplate) {
        // After the new content is in: clear the old template cells the new layout left unused (never the officer's).
        const plannedCells = new CellSet();
        for (const c of sheet.cells) plannedCells.add(c.row, c.column);
        for (const run of staleRuns(oldTemplate, plannedCells)) ws.getRange(rectAddress({ top: run.row, bottom: run.row, left: run.left, right: run.right })).clear("Contents");
      }
      // Formulas elsewhere that read cells this sheet moved.
      for (const r of planned.carried.rewrites.get(sheet.name) ?? []) {
        const target = r.sheet === sheet.name ? ws : context.workbook.worksheets.getItem(r.sheet);
        target.getRange(a1(r.row, r.column)).formulas = [[r.formula]];
      }
      queueNames(context, namesOnSheet(plan, sheet.name), planned.state);
      await sync();
      done.push(action);
    } catch (e) {
      problems.push(problemFromError(e, `写入工作表「${sheet.name}」`));
      return { ok: false, actions: done, problems, syncs: 0, conflicts };
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
    return { ok: false, actions: done, problems, syncs: 0, conflicts };
  }
  return { ok: true, actions: done, problems, syncs: 0, conflicts };
}
