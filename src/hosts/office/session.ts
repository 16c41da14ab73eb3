/**
 * The session the task pane drives (API in index.ts). It keeps what it learnt of the workbook
 * (which defined names exist, the lists) so a live check is a single batched read.
 */
import { narrate as coreNarrate } from "../../core/narrative";
import { NARRATIVE_NAME } from "../../core/plan/names";
import { defaultForm, type ListEntry, type Lists, type ReportData } from "../../core/spec";
import type { FormSpec } from "../../core/spec/types";
import { splitSheet } from "../../core/excel/address";
import type {
  ApplyOptions,
  ApplyResult,
  ContentConflict,
  ConvertRequest,
  ConvertResult,
  ExcelRun,
  LayoutProblem,
  ListAddition,
  LiveValidation,
  NarrativeArea,
  RepairResult,
  ReportTextChange,
  ReportTextRead,
  ReportTextWrite,
  SessionOptions,
  TemplatePreview,
  TemplateRequest,
  Timers,
  ValidationReport,
  WriteResult,
  ZiPingSession,
} from "./index";
import { problemFromError } from "./problems";
import { inspectWorkbook, queueTableLoads, type NameInfo, type WorkbookState } from "./read";
import type { PlannedTemplate } from "./template";
import { builtInScoringFor } from "./scoring";
import { queueReportText, queueReportTextWrites } from "./report-text";
import { buildReport, StableLocator, type CheckInput } from "./validate";
import { convertQueued, writeQueued } from "./writes";

const DEFAULT_DEBOUNCE_MS = 400;

/**
 * Planning and writing a template (its layout, the officer's content kept, the 校验 sheet) load
 * when the officer first previews one, not with the pane: a live check never needs them.
 */
const templateWriter = () => import(/* webpackChunkName: "pane-template" */ "./template");

function cellText(value: unknown): string {
  return value === null || value === undefined ? "" : String(value);
}

function definedLists(lists: Lists): Record<string, ListEntry[]> {
  const out: Record<string, ListEntry[]> = {};
  for (const [id, entries] of Object.entries(lists)) if (entries) out[id] = entries;
  return out;
}

const realTimers: Timers = {
  set: (callback, ms) => setTimeout(callback, ms),
  clear: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

/** Office's own answer when running in Office; outside it only the manifest's ExcelApi 1.7 is assumed. */
function officeApiSupport(version: string): boolean {
  const office = (globalThis as { Office?: typeof Office }).Office;
  try {
    return office?.context?.requirements?.isSetSupported("ExcelApi", version) ?? false;
  } catch {
    return false;
  }
}

export function createZiPingSession<N = import("../../core/narrative").Narrative>(run: ExcelRun, options: SessionOptions<N> = {}): ZiPingSession<N> {
  const form = options.form ?? defaultForm;
  const timers = options.timers ?? realTimers;
  const debounceMs = options.debounceMs ?? DEFAULT_DEBOUNCE_MS;
  const narrate =
    options.narrate === undefined ? (f: FormSpec, data: ReportData): N => coreNarrate(f, data) as unknown as N : options.narrate;
  const apiSupport = options.apiSupport ?? officeApiSupport;
  const mergesReadable = () => apiSupport("1.13");
  // The manifest asks for ExcelApi 1.7; page setup (Worksheet.pageLayout) needs 1.9, so it is
  // applied only where Office says the host has it (Excel 2019+, Excel on the web, not Excel 2016).
  const pageLayoutWritable = () => apiSupport("1.9");

  /** What the session knows of the workbook: names (for one-sync reads) and lists. */
  let names: Map<string, NameInfo> | undefined;
  let lists: Lists = {};
  let live: LiveState | undefined;
  const locator = new StableLocator();
  /** The plans behind the previews this session made, so apply can reuse their layout plan. */
  const planned = new WeakMap<TemplatePreview, PlannedTemplate>();

  interface LiveState {
    onUpdate: (report: ValidationReport<N>) => void;
    handlers: Array<{ sheetId: string; result: OfficeExtension.EventHandlerResult<Excel.WorksheetChangedEventArgs> }>;
    timer?: unknown;
    running?: Promise<void>;
    again: boolean;
    stopped: boolean;
  }

  function remember(state: WorkbookState): void {
    names = state.names;
  }

  async function validate(): Promise<ValidationReport<N>> {
    let syncs = 0;
    const reportOf = (state: CheckInput["state"]): ValidationReport<N> => {
      const report = buildReport<N>({ form, lists, state, narrate, locator }, syncs);
      lists = report.data.lists;
      return report;
    };
    // The workbook looked at afresh: its sheets, names and tables (two syncs).
    const fromScratch = async (context: Excel.RequestContext): Promise<ValidationReport<N>> => {
      const state = await inspectWorkbook(context, form, { merges: mergesReadable() });
      syncs += 2;
      remember(state);
      return reportOf(state);
    };
    try {
      return await run(async (context) => {
        if (!names) return fromScratch(context);
        const collect = queueTableLoads(context, form, names, { merges: mergesReadable() });
        await context.sync();
        syncs++;
        return reportOf({ ...collect(), names });
      });
    } catch (e) {
      // A table's name no longer resolves (its sheet was deleted) or Excel failed: look again from scratch.
      names = undefined;
      try {
        return await run(fromScratch);
      } catch (e2) {
        void e;
        return {
          findings: [],
          results: [],
          data: { form: form.id, lists: definedLists(lists), values: {} },
          textNumbers: [],
          problems: [problemFromError(e2, "读取工作簿")],
          syncs,
        };
      }
    }
  }

  // ---- live validation ------------------------------------------------------------------

  async function cycle(state: LiveState): Promise<void> {
    if (state.running) {
      state.again = true;
      return state.running;
    }
    state.running = (async () => {
      do {
        state.again = false;
        const report = await validate();
        if (!state.stopped) state.onUpdate(report);
      } while (state.again && !state.stopped);
    })();
    try {
      await state.running;
    } finally {
      state.running = undefined;
    }
  }

  function schedule(state: LiveState): void {
    if (state.stopped) return;
    if (state.timer !== undefined) timers.clear(state.timer);
    state.timer = timers.set(() => {
      state.timer = undefined;
      void cycle(state);
    }, debounceMs);
  }

  /** Registers onChanged on every sheet holding a template table that has none yet. */
  async function watchSheets(state: LiveState): Promise<void> {
    if (!names) return;
    const known = new Set(state.handlers.map((h) => h.sheetId));
    await run(async (context) => {
      const sheets = context.workbook.worksheets.load("items/name,items/id");
      await context.sync();
      const handler = async (args: Excel.WorksheetChangedEventArgs) => {
        // The add-in's own writes are followed by an explicit refresh; the officer's edits are debounced.
        if (args.triggerSource === "ThisLocalAddin") return;
        schedule(state);
      };
      const added: LiveState["handlers"] = [];
      for (const ws of sheets.items) {
        if (known.has(ws.id) || !templateSheet(ws.name)) continue;
        added.push({ sheetId: ws.id, result: ws.onChanged.add(handler) });
      }
      await context.sync();
      state.handlers.push(...added);
    });
  }

  function templateSheet(name: string): boolean {
    for (const n of names?.values() ?? []) {
      if (!n.name.toUpperCase().startsWith("ZP_")) continue;
      if (splitSheet(n.formula).sheet === name) return true;
    }
    return false;
  }

  async function afterAction(): Promise<void> {
    if (!live || live.stopped) return;
    // The refresh re-reads the names first, so sheets the action created are then watched too.
    await cycle(live);
    try {
      await watchSheets(live);
    } catch {
      // Events are a convenience: the pane still gets a report after each of its own actions.
    }
  }

  // ---- template ------------------------------------------------------------------------

  async function previewTemplate(request: TemplateRequest = {}): Promise<TemplatePreview> {
    try {
      const { planTemplate } = await templateWriter();
      return await run(async (context) => {
        const plan = await planTemplate(context, form, { ...request, scoring: request.scoring ?? (await builtInScoringFor(form)) ?? false });
        remember(plan.state);
        planned.set(plan, plan);
        return plan;
      });
    } catch (e) {
      throw Object.assign(new Error(problemFromError(e, "读取工作簿").message), { problem: problemFromError(e, "读取工作簿") });
    }
  }

  /** A conflict the officer was shown: same cell, same content, same destination. */
  const conflictKey = (c: ContentConflict): string => `${c.kind}|${c.address}|${c.to}|${c.content}`;

  async function applyTemplate(preview: TemplatePreview, options: ApplyOptions = {}): Promise<ApplyResult> {
    let syncs = 0;
    let result: ApplyResult;
    let wrote = false;
    try {
      const { applyPlannedTemplate, conflictProblem, planTemplate } = await templateWriter();
      result = await run(async (context) => {
        const plan: PlannedTemplate = await planTemplate(context, form, preview.request, planned.get(preview));
        syncs += 2;
        // Agreeing to the preview's conflicts is not agreeing to new ones (the workbook changed since).
        const shown = new Set((preview.conflicts ?? []).map(conflictKey));
        const unseen = plan.conflicts.filter((c) => !shown.has(conflictKey(c)));
        if (options.moveForeignContent && unseen.length > 0) {
          return { ok: false, actions: [], problems: [conflictProblem(plan.conflicts, true)], syncs: 0, conflicts: plan.conflicts };
        }
        wrote = plan.conflicts.length === 0 || options.moveForeignContent === true;
        return applyPlannedTemplate(context, form, plan, () => syncs++, options.moveForeignContent, pageLayoutWritable());
      });
    } catch (e) {
      wrote = true;
      result = { ok: false, actions: [], problems: [problemFromError(e, "创建模板")], syncs: 0, conflicts: [] };
    }
    if (wrote) {
      names = undefined;
      await afterAction();
    }
    return { ...result, syncs };
  }

  async function repairLayout(options: ApplyOptions = {}): Promise<RepairResult> {
    const before = await validate();
    const preview = await previewTemplate({ lists });
    const result = await applyTemplate(preview, options);
    if (result.problems.some((p) => p.code === "foreignContent")) return { repaired: [], problems: result.problems, conflicts: result.conflicts };
    const after = await validate();
    const fixed = before.problems.filter((p) => p.repairable && !after.problems.some((q) => q.code === p.code && q.target === p.target && q.sheet === p.sheet));
    return {
      repaired: [
        ...fixed.map((p) => `已修复：${p.message.split("。")[0]}。`),
        ...result.actions.filter((a) => a.kind === "create").map((a) => `已重新创建工作表「${a.name}」。`),
      ],
      problems: [...result.problems, ...after.problems.filter((p) => p.code !== "sheetRenamed")],
      ...(result.conflicts.length ? { conflicts: result.conflicts } : {}),
    };
  }

  // ---- writes --------------------------------------------------------------------------

  /**
   * A write into the template's cells: finds the tables first if they are not known yet; an
   * Office.js error becomes a problem (and the tables are looked up afresh next time); the
   * workbook is re-checked afterwards either way.
   */
  async function writeAction<R>(
    step: string,
    write: (context: Excel.RequestContext, tables: NonNullable<typeof names>) => Promise<R>,
    failed: (problem: LayoutProblem) => R,
  ): Promise<R> {
    let result: R;
    try {
      result = await run(async (context) => {
        if (!names) remember(await inspectWorkbook(context, form));
        return write(context, names!);
      });
    } catch (e) {
      names = undefined;
      result = failed(problemFromError(e, step));
    }
    await afterAction();
    return result;
  }

  function writeValues(values: Record<string, string | number | null>): Promise<WriteResult> {
    return writeAction(
      "写入数据",
      (context, tables) => writeQueued(context, form, lists, tables, values),
      (problem) => ({ written: [], rejected: [], problems: [problem] }),
    );
  }

  function convertTextNumbers(request: ConvertRequest): Promise<ConvertResult> {
    return writeAction(
      "转换数字",
      (context, tables) => convertQueued(context, form, lists, tables, request),
      (problem) => ({ converted: [], skipped: [], problems: [problem] }),
    );
  }

  function addListEntry(listId: string, entry: ListEntry, options: ApplyOptions = {}): Promise<WriteResult> {
    return addListEntries([{ list: listId, entry }], options);
  }

  async function addListEntries(additions: readonly ListAddition[], options: ApplyOptions = {}): Promise<WriteResult> {
    for (const { list } of additions) if (!form.lists.some((l) => l.id === list)) throw new Error(`unknown list ${list}`);
    await validate(); // the lists as the workbook has them now
    const merged: Lists = { ...lists };
    const rejected: WriteResult["rejected"] = [];
    const added: Array<{ list: string; name: string }> = [];
    for (const { list, entry } of additions) {
      const name = entry.name.trim();
      const entries = merged[list] ?? [];
      if (!name) rejected.push({ fieldId: list, reason: "名称不能为空。" });
      else if (entries.some((e) => e.name.trim() === name)) rejected.push({ fieldId: list, reason: `「${name}」已在表中。` });
      else {
        merged[list] = [...entries, { ...entry, name }];
        added.push({ list, name });
      }
    }
    if (added.length === 0) return { written: [], rejected, problems: [] };
    const preview = await previewTemplate({ lists: merged });
    const applied = await applyTemplate(preview, options);
    const written = applied.ok
      ? added.flatMap(({ list, name }) => {
          const n = preview.lists[list]?.findIndex((e) => e.name === name) ?? -1;
          return n >= 0 ? [`${list}[${n + 1}]`] : [];
        })
      : [];
    return { written, rejected, problems: applied.problems, ...(applied.conflicts.length ? { conflicts: applied.conflicts } : {}) };
  }

  // ---- 报告综述 ----------------------------------------------------------------------------

  async function readNarrative(): Promise<NarrativeArea | undefined> {
    try {
      return await run(async (context) => {
        // A missing name gives a null range through the null item: one sync either way.
        const range = context.workbook.names.getItemOrNullObject(NARRATIVE_NAME).getRangeOrNullObject();
        range.load(["values", "address"]);
        await context.sync();
        if (range.isNullObject) return undefined;
        return { address: range.address, lines: range.values.map((row) => cellText(row[0])) };
      });
    } catch (e) {
      throw new Error(problemFromError(e, "读取报告综述").message);
    }
  }

  async function writeNarrative(lines: readonly string[]): Promise<void> {
    try {
      await run(async (context) => {
        const range = context.workbook.names.getItem(NARRATIVE_NAME).getRange();
        range.load(["rowCount"]);
        await context.sync();
        const rows = Math.max(range.rowCount, lines.length);
        const target = range.getColumn(0).getResizedRange(rows - range.rowCount, 0);
        const column = Array.from({ length: rows }, (_, i) => [lines[i] ?? ""]);
        // Text format first, so a paragraph is never read as a formula or a number.
        target.numberFormat = column.map(() => ["@"]);
        target.values = column;
        await context.sync();
      });
    } catch (e) {
      throw new Error(problemFromError(e, "写入报告综述").message);
    }
  }

  // ---- 报告正文 ----------------------------------------------------------------------------

  async function readReportText(fieldIds: readonly string[]): Promise<ReportTextRead> {
    try {
      return await run(async (context) => {
        const collect = queueReportText(context, form, lists, fieldIds);
        await context.sync();
        return collect();
      });
    } catch (e) {
      throw new Error(problemFromError(e, "读取报告正文").message);
    }
  }

  async function writeReportText(changes: readonly ReportTextChange[]): Promise<ReportTextWrite> {
    let result: ReportTextWrite;
    try {
      result = await run(async (context) => {
        const collect = queueReportText(context, form, lists, changes.map((c) => c.fieldId));
        await context.sync();
        const planned = queueReportTextWrites(context, collect(), changes);
        if (planned.written.length > 0) await context.sync();
        return planned;
      });
    } catch (e) {
      result = { written: [], conflicts: [], rejected: [], problems: [problemFromError(e, "写入报告正文")] };
    }
    if (result.written.length > 0 || result.problems.length > 0) await afterAction();
    return result;
  }

  async function selectCell(address: string): Promise<LayoutProblem[]> {
    const { sheet, local } = splitSheet(address);
    if (!sheet) throw new Error(`selectCell needs a sheet-qualified address, got ${address}`);
    try {
      await run(async (context) => {
        const ws = context.workbook.worksheets.getItem(sheet);
        ws.activate();
        ws.getRange(local).select();
        await context.sync();
      });
      return [];
    } catch (e) {
      const problem = problemFromError(e, `定位到 ${address}`);
      return [{ ...problem, message: problem.code === "officeError" ? `找不到单元格 ${address}（所在工作表可能已改名或删除），请刷新校验结果。` : problem.message }];
    }
  }

  return {
    form,
    previewTemplate,
    applyTemplate,
    validate,
    async startLiveValidation(onUpdate) {
      if (live) {
        live.onUpdate = onUpdate;
        await cycle(live);
        return controls(live);
      }
      const state: LiveState = { onUpdate, handlers: [], again: false, stopped: false };
      live = state;
      await cycle(state);
      try {
        await watchSheets(state);
      } catch (e) {
        onUpdate({ ...(await validate()), problems: [problemFromError(e, "监听工作表变化")] });
      }
      return controls(state);
    },
    selectCell,
    addListEntry,
    addListEntries,
    addUnit: (name, options) => addListEntry("units", { name }, options),
    writeValues,
    convertTextNumbers,
    repairLayout,
    readNarrative,
    writeNarrative,
    readReportText,
    writeReportText,
    async dispose() {
      if (live) await stopLive(live);
    },
  };

  function controls(state: LiveState): LiveValidation {
    return {
      refresh: () => cycle(state),
      stop: () => stopLive(state),
    };
  }

  async function stopLive(state: LiveState): Promise<void> {
    state.stopped = true;
    if (state.timer !== undefined) timers.clear(state.timer);
    if (live === state) live = undefined;
    // Handlers are removed in the context that added them (Excel docs, "Remove an event handler"):
    // one batch per context, all at once.
    const byContext = new Map<OfficeExtension.ClientRequestContext, LiveState["handlers"]>();
    for (const h of state.handlers) byContext.set(h.result.context, [...(byContext.get(h.result.context) ?? []), h]);
    await Promise.all(
      [...byContext].map(([context, handlers]) =>
        run(context, async (ctx) => {
          for (const h of handlers) h.result.remove();
          await ctx.sync();
        }).catch(() => {
          // The handlers are inert anyway: `stopped` makes them ignore events.
        }),
      ),
    );
    state.handlers = [];
  }
}
