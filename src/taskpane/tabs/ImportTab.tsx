/**
 * 导入: paste or pick an export, see the plan (what goes where, what was left out and why, the
 * unit), confirm, and watch a large import's progress while the pane stays responsive.
 */
import { Button, ProgressBar, makeStyles, tokens } from "@fluentui/react-components";
import { ChoiceField, SelectField, TextField } from "../components/Controls";
import { Notice, NoticeBody } from "../components/Notice";
import { useRef, useState } from "react";
import type { Lists } from "../../core/spec";
import type { PaneBackend, PaneSession } from "../adapters/backend";
import {
  decodeFile,
  listAdditions,
  mergedLists,
  planPaste,
  planIsStale,
  writePairs,
  type ImportPlan,
  type UnitOption,
} from "../adapters/importer";
import { Busy } from "../components/Busy";
import { ConflictConfirm } from "../components/ConflictConfirm";
import type { ApplyOptions, ContentConflict } from "../../hosts/office";
import { refusedForConflicts } from "../model/conflicts";
import { Dec } from "../../core/money";
import { fill, type Strings } from "../i18n";
import { useStrings } from "../language";
import { inChunks, yieldToBrowser } from "../model/chunks";
import type { PaneReport } from "../useLiveReport";

/** Writes per session call: small enough to keep each batch quick, large enough to be few. */
const WRITE_CHUNK = 100;
/** Rows shown per table of the plan; the rest are counted. */
const SHOWN_ROWS = 200;

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  row: { display: "flex", gap: tokens.spacingHorizontalS, flexWrap: "wrap", alignItems: "center" },
  buttons: { display: "flex", gap: tokens.spacingHorizontalS, flexWrap: "wrap" },
  paste: { fontFamily: tokens.fontFamilyMonospace },
  heading: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  note: { margin: 0, fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground3, textAlign: "start" },
  tableWrap: { overflowX: "auto", maxWidth: "100%" },
  table: {
    borderCollapse: "collapse",
    width: "100%",
    fontSize: tokens.fontSizeBase200,
    "& th, & td": {
      borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
      padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalXS}`,
      textAlign: "start",
      verticalAlign: "top",
      overflowWrap: "anywhere",
    },
    "& th": { fontWeight: tokens.fontWeightSemibold },
    // A pane narrower than four columns (320 px at 200% zoom): one block per row, each value
    // under its column's name.
    "@media (max-width: 300px)": {
      "& thead": { display: "none" },
      "& tbody, & tr, & td": { display: "block" },
      "& tr": { padding: `${tokens.spacingVerticalXS} 0`, borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}` },
      "& td": { borderBottom: "none", padding: 0, whiteSpace: "normal" },
      "& td::before": { content: "attr(data-label)", fontWeight: tokens.fontWeightSemibold, marginRight: tokens.spacingHorizontalXS },
    },
  },
  number: { fontVariantNumeric: "tabular-nums", whiteSpace: "nowrap" },
  cellAddress: { display: "block", fontFamily: tokens.fontFamilyMonospace, color: tokens.colorNeutralForeground2 },
  hiddenInput: { display: "none" },
  outcome: { whiteSpace: "pre-wrap" },
  progress: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS, fontSize: tokens.fontSizeBase200 },
});

export interface ImportTabProps {
  backend: PaneBackend;
  report?: PaneReport;
  announce(text: string): void;
}

interface Progress {
  done: number;
  total: number;
  /** New list entries being laid out first (no count of steps: one template upgrade). */
  adding?: number;
}

/**
 * Adds the plan's new units or 科目 lines before the values go in. One or two go through
 * `addListEntry` (a row each); more go through one template upgrade with the merged lists,
 * whose cost does not grow with their number: measured on the memory host, 60 units took 35 s
 * one by one and 3 s as one upgrade.
 */
const ONE_BY_ONE_MAX = 2;

interface EntriesOutcome {
  refused: string[];
  /** Additions carried out (from the start of the list), so a confirmed retry goes on from there. */
  done: number;
  /** Set when the re-layout stopped only for cells of the officer's in the way: nothing more written. */
  conflicts?: ContentConflict[];
}

async function addEntries(
  session: PaneSession,
  current: Lists,
  additions: ReturnType<typeof listAdditions>,
  options?: ApplyOptions,
): Promise<EntriesOutcome> {
  if (additions.length <= ONE_BY_ONE_MAX) {
    const refused: string[] = [];
    let done = 0;
    for (const add of additions) {
      const result = await session.addListEntry(add.list, add.entry, options);
      if (result.rejected.length === 0 && refusedForConflicts(result.problems, result.conflicts)) {
        return { refused, done, conflicts: result.conflicts };
      }
      refused.push(...result.rejected.map((r) => r.reason), ...result.problems.map((p) => p.message));
      done++;
    }
    return { refused, done };
  }
  const preview = await session.previewTemplate({ lists: mergedLists(current, additions) });
  const applied = await session.applyTemplate(preview, options);
  if (!applied.ok && refusedForConflicts(applied.problems, applied.conflicts)) {
    return { refused: [], done: 0, conflicts: applied.conflicts };
  }
  return { refused: applied.problems.map((p) => p.message), done: additions.length };
}

export function ImportTab({ backend, report, announce }: ImportTabProps) {
  const styles = useStyles();
  const t = useStrings();
  const { session } = backend;
  const form = session.form;
  const fileInput = useRef<HTMLInputElement>(null);
  const [text, setText] = useState("");
  const [fileNote, setFileNote] = useState("");
  const [unit, setUnit] = useState<UnitOption>("auto");
  const [table, setTable] = useState("");
  const [plan, setPlan] = useState<ImportPlan>();
  const [planError, setPlanError] = useState("");
  const [planning, setPlanning] = useState(false);
  const [progress, setProgress] = useState<Progress>();
  const [outcome, setOutcome] = useState("");
  /** The import stopped before writing values: these cells of the officer's are in the way. */
  const [blocked, setBlocked] = useState<{ conflicts: ContentConflict[]; done: number }>();

  const tables = form.sheets.flatMap((s) => s.tables.filter((tb) => tb.layout === "grid"));

  const pickFile = async (file: File | undefined) => {
    if (!file) return;
    const decoded = decodeFile(new Uint8Array(await file.arrayBuffer()));
    setText(decoded.text);
    setFileNote(fill(t.fileRead, { name: file.name, note: decoded.note }));
    setPlan(undefined);
  };

  const makePlan = async () => {
    if (!report) return;
    setPlanning(true);
    setPlanError("");
    setBlocked(undefined);
    setOutcome("");
    // Let the spinner paint before a long text is planned.
    await yieldToBrowser();
    try {
      const next = planPaste({ form, text, unit, table: table || undefined, reference: report.data });
      setPlan(next);
      announce(fill(t.planReady, { writes: next.writes.length, rejects: next.rejects.length }));
    } catch (error) {
      setPlan(undefined);
      setPlanError(error instanceof Error ? error.message : String(error));
    } finally {
      setPlanning(false);
    }
  };

  const confirm = async (resume?: { done: number; options: ApplyOptions }) => {
    if (!plan || !report) return;
    setBlocked(undefined);
    // A confirmed retry is checked against the plan as it stood: the lists have since changed
    // only by the additions this import already made (`resume.done`), which are skipped.
    if (!resume && planIsStale(plan, report.data)) {
      setPlan(undefined);
      setPlanError(t.planStale);
      return;
    }
    const additions = listAdditions(plan).slice(resume?.done ?? 0);
    const pairs = writePairs(plan);
    const rejected: string[] = [];
    let written = 0;
    try {
      if (additions.length > 0) {
        setProgress({ done: 0, total: pairs.length, adding: additions.length });
        const entries = await addEntries(session, report.data.lists, additions, resume?.options);
        if (entries.conflicts) {
          setBlocked({ conflicts: entries.conflicts, done: (resume?.done ?? 0) + entries.done });
          announce(fill(t.conflictsTitle, { count: entries.conflicts.length }));
          return;
        }
        rejected.push(...entries.refused);
      }
      await inChunks(
        pairs,
        async (chunk) => {
          const result = await session.writeValues(Object.fromEntries(chunk));
          written += result.written.length;
          rejected.push(...result.rejected.map((r) => `${r.fieldId}：${r.reason}`), ...result.problems.map((p) => p.message));
        },
        { size: WRITE_CHUNK, onProgress: (done, total) => setProgress({ done, total }) },
      );
      const summary = fill(t.importDone, { written, rejected: rejected.length });
      setOutcome([summary, ...rejected].join("\n"));
      announce(summary);
      setPlan(undefined);
    } finally {
      setProgress(undefined);
    }
  };

  const busy = planning || progress !== undefined;

  return (
    <div className={styles.root}>
      <TextField
        label={t.pasteLabel}
        hint={t.pasteHint}
        rows={6}
        monospace
        value={text}
        onChange={(value) => {
          setText(value);
          setPlan(undefined);
        }}
      />
      <div className={styles.row}>
        <Button onClick={() => fileInput.current?.click()} disabled={busy}>
          {t.pickFile}
        </Button>
        <input
          ref={fileInput}
          className={styles.hiddenInput}
          type="file"
          accept=".csv,.tsv,.txt,text/plain,text/csv"
          aria-label={t.pickFile}
          tabIndex={-1}
          onChange={(e) => {
            void pickFile(e.target.files?.[0]);
            e.target.value = "";
          }}
        />
        {fileNote && <p className={styles.note}>{fileNote}</p>}
      </div>
      <ChoiceField<UnitOption>
        label={t.unitLabel}
        value={unit}
        options={[
          { value: "auto", label: t.unitAuto },
          { value: "元", label: "元" },
          { value: "万元", label: "万元" },
        ]}
        onChange={setUnit}
      />
      <SelectField
        label={t.targetTableLabel}
        value={table}
        options={[{ value: "", label: t.targetTableAuto }, ...tables.map((tb) => ({ value: tb.id, label: tb.title }))]}
        onChange={setTable}
      />
      <div className={styles.buttons}>
        <Button appearance="primary" onClick={makePlan} disabled={busy || !text.trim() || !report}>
          {t.makePlan}
        </Button>
      </div>
      {planning && <Busy label={t.planning} />}
      {planError && (
        <Notice intent="error">
          <NoticeBody>{planError}</NoticeBody>
        </Notice>
      )}
      {plan && <PlanView plan={plan} />}
      {plan && (
        <div className={styles.buttons}>
          <Button appearance="primary" onClick={() => confirm()} disabled={busy || blocked !== undefined || (plan.writes.length === 0 && plan.listAdds.length === 0)}>
            {fill(t.confirmImport, { count: plan.writes.length })}
          </Button>
          <Button onClick={() => setPlan(undefined)} disabled={busy}>
            {t.cancel}
          </Button>
        </div>
      )}
      {plan && blocked && (
        <ConflictConfirm
          conflicts={blocked.conflicts}
          busy={busy}
          onConfirm={() => confirm({ done: blocked.done, options: { moveForeignContent: true } })}
          onCancel={() => setBlocked(undefined)}
        />
      )}
      {progress && (
        <div className={styles.progress}>
          <span id="import-progress-label">
            {progress.adding
              ? fill(t.importAddingEntries, { count: progress.adding })
              : fill(t.importProgress, { done: progress.done, total: progress.total })}
          </span>
          <ProgressBar
            value={progress.adding ? undefined : progress.total === 0 ? 1 : progress.done / progress.total}
            aria-labelledby="import-progress-label"
            data-testid="import-progress"
          />
        </div>
      )}
      {outcome && (
        <Notice intent="success">
          <NoticeBody>
            <div className={styles.outcome}>{outcome}</div>
          </NoticeBody>
        </Notice>
      )}
    </div>
  );
}

type PlannedWrite = ImportPlan["writes"][number];

function plainValue(raw: PlannedWrite["value"] | undefined): string {
  const value = raw !== null && typeof raw === "object" ? raw.value : raw;
  return value === null || value === undefined ? "" : String(value);
}

/** The value written, amounts with at least the two decimals of 万元 (padded, never rounded). */
function newValueText(w: PlannedWrite): string {
  if (w.converted === undefined) return plainValue(w.value);
  const amount = new Dec(w.converted);
  return amount.toFixed(Math.max(2, amount.decimalPlaces()));
}

/** What a write replaces: nothing, the same figure, or another value (shown). */
function existingNote(w: PlannedWrite, t: Strings): string {
  const before = plainValue(w.existing).trim();
  if (!before) return "";
  const after = newValueText(w);
  const same = before === after || (isDecimal(before) && isDecimal(after) && new Dec(before).eq(new Dec(after)));
  return same ? t.sameAsNow : fill(t.replaces, { value: before });
}

function isDecimal(text: string): boolean {
  return /^-?\d+(\.\d+)?$/.test(text);
}

function PlanView({ plan }: { plan: ImportPlan }) {
  const styles = useStyles();
  const t = useStrings();
  const writes = plan.writes.slice(0, SHOWN_ROWS);
  const rejects = plan.rejects.slice(0, SHOWN_ROWS);
  return (
    <section aria-label={t.importPlanTitle} data-testid="import-plan">
      <h2 className={styles.heading}>{t.importPlanTitle}</h2>
      {plan.table && <p className={styles.note}>{fill(t.planTable, { title: plan.table.title, reason: plan.table.reason })}</p>}
      {plan.unit && <p className={styles.note}>{fill(t.planUnit, { unit: plan.unit.value, reason: plan.unit.reason })}</p>}
      {plan.listAdds.length > 0 && (
        <p className={styles.note}>
          {fill(t.planListAdds, { names: plan.listAdds.map((a) => a.entry.name).join("、") })}
        </p>
      )}
      {plan.findings.length > 0 && (
        <Notice intent={plan.findings.some((f) => f.severity === "error") ? "error" : "warning"}>
          <NoticeBody>
            {plan.findings.map((f, i) => (
              <div key={i}>
                {f.line !== undefined ? fill(t.lineN, { n: f.line }) : ""}
                {f.message}
              </div>
            ))}
          </NoticeBody>
        </Notice>
      )}
      <div className={styles.tableWrap}>
        <table className={styles.table} data-testid="import-writes">
          <caption className={styles.note}>{fill(t.writesCaption, { count: plan.writes.length })}</caption>
          <thead>
            <tr>
              <th scope="col">{t.colItem}</th>
              <th scope="col">{t.colSource}</th>
              <th scope="col">{t.colValue}</th>
            </tr>
          </thead>
          <tbody>
            {writes.map((w) => (
              <tr key={w.fieldId}>
                <td data-label={t.colItem}>
                  <span className={styles.cellAddress}>{w.cell}</span> {w.label}
                </td>
                <td data-label={t.colSource} className={styles.number}>
                  {w.text}
                </td>
                <td data-label={t.colValue}>
                  <span className={styles.number}>{newValueText(w)}</span>
                  {existingNote(w, t)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        {plan.writes.length > SHOWN_ROWS && <p className={styles.note}>{fill(t.andMore, { count: plan.writes.length - SHOWN_ROWS })}</p>}
      </div>
      {plan.totals.length > 0 && (
        <ul className={styles.note}>
          {plan.totals.map((total, i) => (
            <li key={i}>
              {total.label}：{total.exported}
              {total.expected !== undefined ? ` / ${total.expected}` : ""} — {t[`total_${total.status}`]}
              {total.message ? `（${total.message}）` : ""}
            </li>
          ))}
        </ul>
      )}
      <div className={styles.tableWrap}>
        <table className={styles.table} data-testid="import-rejects">
          <caption className={styles.note}>
            {plan.rejects.length === 0 ? t.noRejects : fill(t.rejectsCaption, { count: plan.rejects.length })}
          </caption>
          {plan.rejects.length > 0 && (
            <>
              <thead>
                <tr>
                  <th scope="col">{t.colLine}</th>
                  <th scope="col">{t.colText}</th>
                  <th scope="col">{t.colReason}</th>
                </tr>
              </thead>
              <tbody>
                {rejects.map((r, i) => (
                  <tr key={i}>
                    <td data-label={t.colLine} className={styles.number}>
                      {r.line}
                    </td>
                    <td data-label={t.colText}>{r.text}</td>
                    <td data-label={t.colReason}>{r.reason}</td>
                  </tr>
                ))}
              </tbody>
            </>
          )}
        </table>
        {plan.rejects.length > SHOWN_ROWS && <p className={styles.note}>{fill(t.andMore, { count: plan.rejects.length - SHOWN_ROWS })}</p>}
      </div>
    </section>
  );
}
