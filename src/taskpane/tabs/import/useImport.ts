/**
 * The 导入 tab's state in one reducer (what was pasted, the plan, its progress and outcome) and
 * the three things the officer does: read a file, plan, confirm. Re-laying out the lists for
 * new entries is the session's (`addListEntries`); this only sequences the calls.
 */
import { useReducer } from "react";
import type { ApplyOptions, ContentConflict } from "../../../hosts/office";
import type { PaneSession } from "../../adapters/backend";
import type { SourceGrid } from "../../../core/importer";
import { listAdditions, planIsStale, planPaste, readPickedFile, writePairs, type ImportPlan, type UnitOption } from "../../adapters/importer";
import { fill, type Strings } from "../../i18n";
import { inChunks, yieldToBrowser } from "../../model/chunks";
import { refusedForConflicts } from "../../model/conflicts";
import type { PaneReport } from "../../useLiveReport";

/** Writes per session call: small enough to keep each batch quick, large enough to be few. */
const WRITE_CHUNK = 100;

export interface Progress {
  done: number;
  total: number;
  /** New list entries being laid out first (no count of steps: one template upgrade). */
  adding?: number;
}

export interface ImportState {
  text: string;
  /** A picked spreadsheet's cells, planned while `text` still shows them unedited. */
  grid?: SourceGrid;
  fileNote: string;
  /** A picked file that could not be read, in one line naming it. */
  fileError?: string;
  unit: UnitOption;
  /** Target table id; "" lets the importer infer it. */
  table: string;
  plan?: ImportPlan;
  planError: string;
  planning: boolean;
  progress?: Progress;
  outcome: string;
  /** The import stopped before writing values: these cells of the officer's are in the way. */
  blocked?: ContentConflict[];
  /** The report just before the last import was applied, to show what it added and resolved. */
  before?: PaneReport;
}

export type ImportEvent =
  | { type: "text"; text: string }
  | { type: "file"; text: string; grid?: SourceGrid; fileNote: string }
  | { type: "fileFailed"; message: string }
  | { type: "unit"; unit: UnitOption }
  | { type: "table"; table: string }
  | { type: "planning" }
  | { type: "planned"; plan: ImportPlan }
  | { type: "planFailed"; message: string }
  | { type: "cancel" }
  | { type: "progress"; progress: Progress }
  | { type: "blocked"; conflicts?: ContentConflict[] }
  | { type: "applying"; before: PaneReport }
  | { type: "done"; outcome: string }
  | { type: "stopped" };

export const INITIAL: ImportState = { text: "", fileNote: "", unit: "auto", table: "", planError: "", planning: false, outcome: "" };

export function importReducer(state: ImportState, event: ImportEvent): ImportState {
  switch (event.type) {
    case "text":
      return { ...state, text: event.text, grid: undefined, plan: undefined };
    case "file":
      return { ...state, text: event.text, grid: event.grid, fileNote: event.fileNote, fileError: undefined, plan: undefined };
    case "fileFailed":
      return { ...state, fileError: event.message, fileNote: "" };
    case "unit":
      return { ...state, unit: event.unit };
    case "table":
      return { ...state, table: event.table };
    case "planning":
      return { ...state, planning: true, planError: "", blocked: undefined, outcome: "", before: undefined };
    case "applying":
      return { ...state, before: event.before };
    case "planned":
      return { ...state, planning: false, plan: event.plan };
    case "planFailed":
      return { ...state, planning: false, plan: undefined, planError: event.message };
    case "cancel":
      return { ...state, plan: undefined };
    case "progress":
      return { ...state, progress: event.progress };
    case "blocked":
      return { ...state, blocked: event.conflicts };
    case "done":
      return { ...state, outcome: event.outcome, plan: undefined };
    case "stopped":
      return { ...state, progress: undefined };
  }
}

export function useImport(session: PaneSession, report: PaneReport | undefined, announce: (text: string) => void, t: Strings) {
  const [state, dispatch] = useReducer(importReducer, INITIAL);
  const form = session.form;

  const pickFile = async (file: File | undefined) => {
    if (!file) return;
    try {
      const picked = await readPickedFile(file.name, new Uint8Array(await file.arrayBuffer()));
      dispatch({ type: "file", text: picked.text, grid: picked.grid, fileNote: fill(t.fileRead, { name: file.name, note: picked.note }) });
    } catch (error) {
      dispatch({ type: "fileFailed", message: error instanceof Error ? error.message : String(error) });
    }
  };

  const makePlan = async () => {
    if (!report) return;
    dispatch({ type: "planning" });
    // Let the spinner paint before a long text is planned.
    await yieldToBrowser();
    try {
      const plan = planPaste({ form, text: state.text, grid: state.grid, unit: state.unit, table: state.table || undefined, reference: report.data });
      dispatch({ type: "planned", plan });
      announce(fill(t.planReady, { writes: plan.writes.length, rejects: plan.rejects.length }));
    } catch (error) {
      dispatch({ type: "planFailed", message: error instanceof Error ? error.message : String(error) });
    }
  };

  /** Carries out the plan; `options` once the officer agreed to move their cells. */
  const confirm = async (options?: ApplyOptions) => {
    const { plan } = state;
    if (!plan || !report) return;
    dispatch({ type: "blocked" });
    if (planIsStale(plan, report.data)) {
      dispatch({ type: "planFailed", message: t.planStale });
      return;
    }
    dispatch({ type: "applying", before: report });
    const additions = listAdditions(plan);
    const pairs = writePairs(plan);
    const rejected: string[] = [];
    let written = 0;
    try {
      if (additions.length > 0) {
        dispatch({ type: "progress", progress: { done: 0, total: pairs.length, adding: additions.length } });
        const added = await session.addListEntries(additions, options);
        if (refusedForConflicts(added.problems, added.conflicts)) {
          dispatch({ type: "blocked", conflicts: added.conflicts });
          announce(fill(t.conflictsTitle, { count: added.conflicts?.length ?? 0 }));
          return;
        }
        rejected.push(...added.rejected.map((r) => r.reason), ...added.problems.map((p) => p.message));
      }
      await inChunks(
        pairs,
        async (chunk) => {
          const result = await session.writeValues(Object.fromEntries(chunk));
          written += result.written.length;
          rejected.push(...result.rejected.map((r) => `${r.fieldId}：${r.reason}`), ...result.problems.map((p) => p.message));
        },
        { size: WRITE_CHUNK, onProgress: (done, total) => dispatch({ type: "progress", progress: { done, total } }) },
      );
      const summary = fill(t.importDone, { written, rejected: rejected.length });
      dispatch({ type: "done", outcome: [summary, ...rejected].join("\n") });
      announce(summary);
    } finally {
      dispatch({ type: "stopped" });
    }
  };

  return { state, dispatch, pickFile, makePlan, confirm, busy: state.planning || state.progress !== undefined };
}
