/**
 * The Office host's API: what the task pane calls. One session per open workbook. The same code
 * runs against the real `Excel.run` inside Excel and against the in-memory host's `run` in tests
 * and in the preview page, so the pane never touches Office.js itself.
 *
 * Every method is async, never throws for a workbook problem (a missing sheet, a read-only file,
 * an Office.js error mid-batch): problems come back as `LayoutProblem`s with a Chinese message the
 * pane can show as it is. Methods reject only for programming errors (a bad argument).
 */
import type { CheckReport, CheckState, Finding, Locate, RuleResult } from "../../core/check";
import type { LayoutPlan } from "../../core/plan/layout-types";
import type { ListEntry, Lists, ReportData } from "../../core/spec";
import type { ScoringLayout } from "../../core/plan/score-sheet";
import type { FormSpec } from "../../core/spec/types";
import type { Narrative } from "../../core/narrative";

/**
 * `Excel.run` as the session uses it: a batch, or a batch on an existing context (how event
 * handlers are removed). Pass `Excel.run` in Excel, `memoryWorkbook.run` elsewhere.
 */
export interface ExcelRun {
  <T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T>;
  <T>(context: OfficeExtension.ClientRequestContext, batch: (context: Excel.RequestContext) => Promise<T>): Promise<T>;
}

/** setTimeout/clearTimeout, injectable so tests step the debounce by hand. */
export interface Timers {
  set(callback: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

export interface SessionOptions<N = Narrative> {
  /** The form to lay out and check (default: the built-in 岳阳 自评表). */
  form?: FormSpec;
  /** Quiet time after the last change before a live check runs (default 400 ms). */
  debounceMs?: number;
  timers?: Timers;
  /**
   * Builds the narrative from the values read. Default: the core's `narrate` (src/core/narrative)
   * with its default options; pass your own to choose wording options, or null for no narrative.
   */
  narrate?: ((form: FormSpec, data: ReportData, check: CheckReport) => N) | null;
  /**
   * Whether the host supports an ExcelApi requirement set (default: Office's isSetSupported, or
   * only 1.7 outside Office). Used for optional extras: detecting broken merged headers needs 1.13.
   */
  apiSupport?: (version: string) => boolean;
}

/** What the officer asks for on the 模板 tab. */
export interface TemplateRequest {
  /** Open lists: reporting units, 功能科目 lines, …; lists found in the workbook are kept and merged. */
  lists?: Lists;
  /** Header fields to prefill when empty, e.g. report.dept, report.year, report.selfRef. Never overwrites. */
  values?: Record<string, string>;
  /**
   * The scoring table (with its layout code) whose 分值, 评分标准 and formulas the 绩效评分 sheet gets; by default the
   * form's built-in one (loaded on first use), `false` for none.
   */
  scoring?: ScoringLayout | false;
}

export type TemplateActionKind =
  /** A new sheet is created. */
  | "create"
  /** An existing ZiPing sheet is upgraded in place: labels, formats, names; every entered value kept. */
  | "upgrade"
  /** A sheet of the officer's has the name: it is left alone and ZiPing's sheet is named beside it. */
  | "besideClash";

export interface TemplateAction {
  kind: TemplateActionKind;
  /** Spec sheet id (or "checks"). */
  sheetId: string;
  /** The name the sheet will have, e.g. 收入 or 收入(2). */
  name: string;
  /** For besideClash: the officer's sheet that keeps its name. */
  clashesWith?: string;
  /** For upgrade: non-empty cells found on the sheet, all of which are kept. */
  valuesKept?: number;
  /** One line of plain Chinese the pane shows in the plan list. */
  description: string;
}

/**
 * A cell of the officer's that a layout change concerns. The template never overwrites one
 * silently: the preview lists them and apply refuses unless called with `moveForeignContent`.
 */
export interface ContentConflict {
  /**
   * moved: a non-empty cell that is not the template's (a note below or beside a table) where the
   * new layout needs the cell; apply moves it to `to`, the sheet's first empty columns to the
   * right, same row, a block keeping its shape (its formula, if any, reading the same cells).
   * formulaAsIs: an officer's formula that reads a cell the new layout no longer has; it is kept
   * unchanged at `to` for the officer to check.
   */
  kind: "moved" | "formulaAsIs";
  /** Sheet-qualified A1 address where it is now, e.g. 收入!A8. */
  address: string;
  /** What it holds: the text, the figure, or the formula (starting with =). */
  content: string;
  /** Sheet-qualified A1 address where it will be after apply. */
  to: string;
  /** One line of plain Chinese for the pane. */
  description: string;
}

/** Options of the actions that lay out the template (apply, add a list entry, repair). */
export interface ApplyOptions {
  /**
   * The officer saw the conflicts (`TemplatePreview.conflicts`, or those a refused action
   * returned) and agreed to them. Without it an action that has any writes nothing. For
   * applyTemplate, conflicts not in the preview (the workbook changed since) still refuse.
   */
  moveForeignContent?: boolean;
}

/** "The plan says what it will do": shown before anything is written. */
export interface TemplatePreview {
  /** What was asked; apply plans again from it, so a workbook changed since the preview is still safe. */
  request: TemplateRequest;
  /** The layout plan the core built (already adjusted to the sheet names that will be used). */
  plan: LayoutPlan;
  actions: TemplateAction[];
  /** Lists the template will hold (the request's, merged with those already in the workbook). */
  lists: Lists;
  /** Defined names that will be added or re-pointed. */
  names: string[];
  /** Problems found while inspecting (a read-only workbook is one: apply will refuse; so are conflicts not agreed to). */
  problems: LayoutProblem[];
  /** The officer's cells the layout change concerns: apply needs `moveForeignContent` when there are any. */
  conflicts: ContentConflict[];
  /** Plain Chinese summary, e.g. 将新建 9 张工作表，升级 0 张，保留已填数据 0 格。 */
  summary: string;
}

export interface ApplyResult {
  ok: boolean;
  actions: TemplateAction[];
  problems: LayoutProblem[];
  /** context.sync calls the apply took (bounded: never one per cell or per row). */
  syncs: number;
  /** The officer's cells moved or kept as listed (or, when refused, those that need agreeing to). */
  conflicts: ContentConflict[];
}

export type LayoutProblemCode =
  | "noTemplate" // the workbook has no ZiPing template yet
  | "sheetMissing" // a template sheet was deleted
  | "sheetRenamed" // found by its defined names under another name (works; told for information)
  | "nameMissing" // a table's defined name is gone
  | "mergeBroken" // a merged header cell was unmerged
  | "rowsMoved" // a table's fixed rows are out of order (cut, sorted)
  | "checksOutdated" // the 校验 sheet was laid out for other rows (a row inserted by hand): repair updates it
  | "readOnly" // the workbook cannot be written
  | "foreignContent" // the layout change would need cells of the officer's: nothing written until agreed to
  | "officeError"; // an Office.js call failed; the message says which step

export interface LayoutProblem {
  code: LayoutProblemCode;
  /** Plain Chinese, ready to show. */
  message: string;
  sheet?: string;
  /** Table id or defined name concerned. */
  target?: string;
  /** repairLayout() can fix it without touching entered values. */
  repairable: boolean;
}

/** A numeric input cell holding text (typically pasted), with the exact conversion on offer. */
export interface TextNumberCell {
  fieldId: string;
  /** Sheet-qualified A1 address. */
  address: string;
  /** What the cell holds. */
  text: string;
  /** The exact figure as read, in the cell's own unit, as a decimal string. */
  asIs: string;
  /** The same figure if the text was in 元 and the cell is in 万元 (÷10000, exact), as a decimal string. */
  fromYuan?: string;
}

export interface ValidationReport<N = Narrative> {
  /** The core's verdict on the whole (尚未填写 / 全部通过 / findings); absent when the workbook could not be read. */
  state?: CheckState;
  findings: Finding[];
  results: RuleResult[];
  /** Present when the session was created with `narrate`. */
  narrative?: N;
  /** The values as read, keyed by field id. */
  data: ReportData;
  /** Where each field's cell is in this workbook (tables the officer moved included), as the findings name them. */
  locate?: Locate;
  /** Numeric cells holding text: the pane offers `convertTextNumbers` for them. */
  textNumbers: TextNumberCell[];
  /**
   * The form the workbook's template was laid out with (its ZIPING_FORM marker), when this check
   * looked at the workbook afresh: the pane opens on that form.
   */
  formMarker?: { id: string; version: number };
  problems: LayoutProblem[];
  /** context.sync calls this check took (1 when the template is intact). */
  syncs: number;
}

export interface LiveValidation {
  /** Run a check now, skipping the debounce (e.g. after the pane's own action). */
  refresh(): Promise<void>;
  /** Remove the event handlers. */
  stop(): Promise<void>;
}

export interface WriteResult {
  /** Field ids written. */
  written: string[];
  /** Field ids refused (unknown id, a formula cell, …) with the reason in Chinese. */
  rejected: Array<{ fieldId: string; reason: string }>;
  problems: LayoutProblem[];
  /** addListEntry: the officer's cells the re-layout moved, or (refused) would move. */
  conflicts?: ContentConflict[];
}

export interface ConvertRequest {
  /** Field ids (from `ValidationReport.textNumbers`) to convert. */
  fieldIds: string[];
  /** The unit the text was written in; 元 is divided by 10000 exactly for 万元 cells. */
  sourceUnit: "asIs" | "元";
}

export interface ConvertResult {
  converted: Array<{ fieldId: string; address: string; from: string; to: string }>;
  skipped: Array<{ fieldId: string; address: string; text: string; reason: string }>;
  problems: LayoutProblem[];
}

export interface RepairResult {
  /** What was fixed, in plain Chinese. */
  repaired: string[];
  /** What could not be fixed and why. */
  problems: LayoutProblem[];
  /** The officer's cells the repair moved, or (refused) would move. */
  conflicts?: ContentConflict[];
}

/** An entry for an open list: `addListEntries` takes several, from one or more lists. */
export interface ListAddition {
  list: string;
  entry: ListEntry;
}

/** The 报告综述 area (the ZP_narrative name the template lays out), one paragraph a row. */
export interface NarrativeArea {
  /** Sheet-qualified address of the area, e.g. 报告综述!$A$4:$A$63. */
  address: string;
  /** Cell texts, one paragraph a row. */
  lines: string[];
}

/**
 * The report's prose cells as the pane read them (报告正文 and the prose of 基本概况): what the
 * 报告正文 editor shows and, on saving, compares the sheet with.
 */
export interface ReportTextRead {
  /** Field id → the cell's text ("" when empty). Fields whose table the workbook lacks are absent. */
  values: Record<string, string>;
  /** Field id → its sheet-qualified address. */
  addresses: Record<string, string>;
}

/** One prose field to save: the officer's text and what the cell held when the pane read it. */
export interface ReportTextChange {
  fieldId: string;
  value: string;
  /** The cell's text as read (what the officer started from). */
  was: string;
}

/** A cell changed in the sheet since the pane read it: nothing was written (ask the officer). */
export interface ReportTextConflict {
  fieldId: string;
  address: string;
  was: string;
  /** What the cell holds now. */
  now: string;
  /** What the pane would write. */
  value: string;
}

export interface ReportTextWrite {
  written: string[];
  /** When any: nothing was written. Save again with `was` = `now` to overwrite them. */
  conflicts: ReportTextConflict[];
  rejected: Array<{ fieldId: string; reason: string }>;
  problems: LayoutProblem[];
}

export interface ZiPingSession<N = Narrative> {
  readonly form: FormSpec;
  /** Plan the template for this workbook without writing anything. */
  previewTemplate(request?: TemplateRequest): Promise<TemplatePreview>;
  /**
   * Carry out a preview (after the officer confirmed it). Re-checks the workbook first. When the
   * preview lists conflicts, nothing is written unless `moveForeignContent` is set.
   */
  applyTemplate(preview: TemplatePreview, options?: ApplyOptions): Promise<ApplyResult>;
  /** One check: one batched read, no writes. */
  validate(): Promise<ValidationReport<N>>;
  /**
   * Check on every change to the workbook (debounced) and after each of the session's own actions.
   * `onUpdate` receives each report; the first one comes at once.
   */
  startLiveValidation(onUpdate: (report: ValidationReport<N>) => void): Promise<LiveValidation>;
  /** Select a finding's cell (sheet-qualified A1, e.g. 收入!C7) and show its sheet. */
  selectCell(address: string): Promise<LayoutProblem[]>;
  /**
   * Add an entry to an open list (a reporting unit, a 功能科目 line): every table using the list
   * gets its row, the 校验 sheet its rules; every entered value is kept (the sheets concerned are
   * re-laid out through the template path). `written` holds `listId[n]`, the new entry's position.
   * If the longer table would need cells of the officer's (a note just below it), nothing is
   * written: the result has a `foreignContent` problem and the `conflicts`; call again with
   * `moveForeignContent` once the officer agrees.
   */
  addListEntry(listId: string, entry: ListEntry, options?: ApplyOptions): Promise<WriteResult>;
  /**
   * Several entries at once (an import's new units and 科目 lines): every table is re-laid out in
   * ONE template upgrade, whose cost does not grow with the number of entries (on the memory host
   * 60 units took 35 s added one by one and 3 s as one upgrade). An empty name or one already in
   * its list is `rejected`; the rest go in together or, when cells of the officer's are in the
   * way, not at all (`conflicts`, as in addListEntry).
   */
  addListEntries(additions: readonly ListAddition[], options?: ApplyOptions): Promise<WriteResult>;
  /** `addListEntry("units", { name }, options)`. */
  addUnit(name: string, options?: ApplyOptions): Promise<WriteResult>;
  /**
   * Write values by field id: the import path. Amounts are decimal strings or numbers; any other
   * string is stored as text, never as a formula ("=1+1", "+86 0730", "-", "@SUM(A1)" stay text).
   * A cell holding a template formula (a 合计) is not overwritten: it is listed in `rejected`.
   * One read sync and one write sync, whatever the number of values.
   */
  writeValues(values: Record<string, string | number | null>): Promise<WriteResult>;
  /** Replace text in numeric cells by the exact number (see `TextNumberCell`); text that is not a figure is left alone. */
  convertTextNumbers(request: ConvertRequest): Promise<ConvertResult>;
  /**
   * Re-create what is broken (missing sheet, names, merges, formats, an outdated 校验 sheet)
   * without touching entered values: the template applied again for the lists the workbook shows.
   * Cells of the officer's in the way are handled as in addListEntry.
   */
  repairLayout(options?: ApplyOptions): Promise<RepairResult>;
  /** The 报告综述 area's text (one read sync), or undefined when the workbook has none. */
  readNarrative(): Promise<NarrativeArea | undefined>;
  /**
   * Writes one paragraph a row from the area's top, as text (never read as a formula or a
   * number), and clears rows left over; more paragraphs than rows go on below the area rather
   * than being dropped. One read sync and one write sync. Throws with a Chinese message.
   */
  writeNarrative(lines: readonly string[]): Promise<void>;
  /**
   * The report's prose fields (报告正文's cover, sections and sign-offs, 基本概况's prose) by
   * field id: ONE read sync, whatever their number, through the tables' names.
   */
  readReportText(fieldIds: readonly string[]): Promise<ReportTextRead>;
  /**
   * Saves the officer's prose as text (never a formula or a number). One read sync (the cells
   * now) and one write sync. A cell whose text is no longer what the pane read (the officer
   * changed it in the sheet) is never overwritten: the result lists the conflicts and nothing is
   * written. Live validation is refreshed afterwards.
   */
  writeReportText(changes: readonly ReportTextChange[]): Promise<ReportTextWrite>;
  /** Stop live validation, if running. */
  dispose(): Promise<void>;
}

export type { Finding, ListEntry, Lists, Narrative, ReportData };

/**
 * Open a session on the workbook `run` reaches.
 *
 * ```ts
 * const session = createZiPingSession(Excel.run);
 * const preview = await session.previewTemplate({ lists: { units: [{ name: "局机关" }] } });
 * // show preview.actions / preview.summary, then on 确定:
 * await session.applyTemplate(preview);
 * const live = await session.startLiveValidation((report) => render(report));
 * ```
 */
export { createZiPingSession } from "./session";
