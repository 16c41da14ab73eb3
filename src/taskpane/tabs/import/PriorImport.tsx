/**
 * 导入上年工作簿, at the foot of the 导入 tab: pick last year's workbook, see the plan (each cell
 * to write, what it gets, from which cell of last year's, and what it would replace), confirm.
 * Cells that are empty this year are ticked; one the officer filled is written only when they
 * tick it. Units (and other paired list entries) last year had and this year lacks are listed and
 * ticked: confirming adds them after the officer's own (one template upgrade), plans again on the
 * new layout and writes their 上年 cells too, as `ziping template --prior` does. Then this year's
 * 上年 figures are checked against last year's 本年 ones, both cells named (the same core
 * functions as `ziping import --prior` and `check --prior`). The reader and planner load when a
 * file is picked (adapters/prior-workbook).
 */
import { Button, makeStyles, tokens } from "@fluentui/react-components";
import { useMemo, useState } from "react";
import type { MissingEntry } from "../../../core/prior/carry";
import { FilePicker } from "../../components/FilePicker";
import type { ReportData } from "../../../core/spec";
import type { ApplyOptions, ContentConflict } from "../../../hosts/office";
import type { PaneBackend } from "../../adapters/backend";
import type { LastYear, PriorPlan, PriorPlanRow } from "../../adapters/prior-workbook";
import { Busy } from "../../components/Busy";
import { ConflictConfirm } from "../../components/ConflictConfirm";
import { Notice, NoticeBody, NoticeTitle } from "../../components/Notice";
import { fill } from "../../i18n";
import { useStrings } from "../../language";
import { useReportStrings } from "../../i18n-report";
import { refusedForConflicts } from "../../model/conflicts";
import type { PaneReport } from "../../useLiveReport";

/** What the component needs of adapters/prior-workbook (loaded on first use; tests give their own). */
export interface PriorReader {
  readLastYear(file: string, bytes: Uint8Array, form: PaneBackend["session"]["form"]): Promise<LastYear>;
  planPriorImport(form: PaneBackend["session"]["form"], current: ReportData, last: LastYear, locate?: (fieldId: string) => string): PriorPlan;
  priorWrites(rows: readonly PriorPlanRow[]): Record<string, string | number | null>;
  rowsAfterAdding(replanned: PriorPlan, first: PriorPlan, chosen: ReadonlySet<string>): PriorPlanRow[];
}

/** An entry's key among the chosen (field ids never hold "+"). */
const entryId = (e: MissingEntry): string => `${e.list}+${e.entry.name}`;

const loadReader = (): Promise<PriorReader> => import(/* webpackChunkName: "pane-prior" */ "../../adapters/prior-workbook");

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`, paddingTop: tokens.spacingVerticalM },
  title: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  note: { margin: 0, fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground3 },
  list: { margin: 0, padding: 0, listStyle: "none", display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS, maxHeight: "24em", overflowY: "auto" },
  row: { display: "flex", gap: tokens.spacingHorizontalS, alignItems: "flex-start" },
  box: { marginTop: "3px", accentColor: tokens.colorCompoundBrandBackground },
  detail: { display: "block", fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground3 },
  replaces: { display: "block", fontSize: tokens.fontSizeBase200, color: tokens.colorPaletteDarkOrangeForeground1 },
  buttons: { display: "flex", gap: tokens.spacingHorizontalS, flexWrap: "wrap" },
});

const short = (text: unknown): string => {
  const s = String(text ?? "").replace(/\s+/g, " ");
  return s.length > 40 ? `${s.slice(0, 40)}…` : s;
};

/** How many of the chosen are entries to add (the rest are cells). */
const chosenEntries = (p: Planned): number => p.plan.entries.filter((e) => p.chosen.has(entryId(e))).length;

interface Planned {
  last: LastYear;
  plan: PriorPlan;
  /** The values the plan was made from: a change before confirming plans again. */
  basis: ReportData;
  chosen: ReadonlySet<string>;
}

export interface PriorImportProps {
  backend: PaneBackend;
  report?: PaneReport;
  announce(text: string): void;
  reader?: () => Promise<PriorReader>;
}

export function PriorImport({ backend, report, announce, reader = loadReader }: PriorImportProps) {
  const styles = useStyles();
  const t = useStrings();
  const tr = useReportStrings();
  const { session } = backend;
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const [planned, setPlanned] = useState<Planned>();
  const [applied, setApplied] = useState<{ last: LastYear; tools: PriorReader }>();
  const [tools, setTools] = useState<PriorReader>();
  /** Adding the entries would move cells of the officer's: nothing was written until they agree. */
  const [blocked, setBlocked] = useState<readonly ContentConflict[]>();

  // Cells named where they are now (the live check's locator), tables the officer moved followed.
  const planFrom = (tools: PriorReader, last: LastYear, data: ReportData): Planned => {
    const plan = tools.planPriorImport(session.form, data, last, report?.locate);
    const empty = plan.rows.filter((r) => r.replaces === undefined).map((r) => r.fieldId);
    return {
      last,
      plan,
      basis: data,
      chosen: new Set([...plan.entries.map(entryId), ...empty]),
    };
  };

  const pick = async (file: File | undefined) => {
    if (!file || !report) return;
    setBusy(true);
    setError(undefined);
    setApplied(undefined);
    try {
      const loaded = await reader();
      setTools(loaded);
      const last = await loaded.readLastYear(file.name, new Uint8Array(await file.arrayBuffer()), session.form);
      const next = planFrom(loaded, last, report.data);
      setPlanned(next);
      announce(
        [
          next.plan.entries.length ? fill(tr.priorEntriesSummary, { count: next.plan.entries.length }) : "",
          fill(tr.priorSummary, {
            file: file.name,
            count: next.plan.rows.length,
          }),
        ].join(""),
      );
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };

  const toggle = (id: string) =>
    setPlanned((p) => {
      if (!p) return p;
      const chosen = new Set(p.chosen);
      if (!chosen.delete(id)) chosen.add(id);
      return { ...p, chosen };
    });

  /** `options` once the officer agreed to move their cells for the added entries. */
  const confirm = async (options?: ApplyOptions) => {
    if (!planned || !tools || !report) return;
    setBlocked(undefined);
    setError(undefined);
    // The sheet changed since the plan (a cell typed meanwhile): plan again and ask again.
    // A unit added or removed meanwhile changes which entries are missing: the same.
    const moved =
      planned.plan.rows.some((r) => JSON.stringify(report.data.values[r.fieldId] ?? null) !== JSON.stringify(planned.basis.values[r.fieldId] ?? null)) ||
      JSON.stringify(report.data.lists) !== JSON.stringify(planned.basis.lists);
    if (moved) {
      setPlanned(planFrom(tools, planned.last, report.data));
      announce(tr.priorStale);
      return;
    }
    let rows = planned.plan.rows.filter((r) => planned.chosen.has(r.fieldId));
    const additions = planned.plan.entries.filter((e) => planned.chosen.has(entryId(e))).map(({ list, entry }) => ({ list, entry }));
    setBusy(true);
    try {
      const problems: string[] = [];
      let added = 0;
      if (additions.length > 0) {
        const result = await session.addListEntries(additions, options);
        if (refusedForConflicts(result.problems, result.conflicts)) {
          setBlocked(result.conflicts);
          announce(fill(t.conflictsTitle, { count: result.conflicts?.length ?? 0 }));
          return;
        }
        problems.push(...result.problems.map((p) => p.message), ...result.rejected.map((r) => r.reason));
        added = result.written.length;
        if (added === 0 && result.problems.length > 0) {
          setError(problems.join("\n"));
          return;
        }
        // The layout changed: plan again on what the workbook holds now (one read), for the
        // added entries' cells, which the first plan could not name.
        if (added > 0) {
          const now = await session.validate();
          rows = tools.rowsAfterAdding(tools.planPriorImport(session.form, now.data, planned.last, now.locate), planned.plan, planned.chosen);
        }
      }
      const result = await session.writeValues(tools.priorWrites(rows));
      problems.push(...result.problems.map((p) => p.message), ...result.rejected.map((r) => `${r.fieldId}：${r.reason}`));
      if (problems.length) setError(problems.join("\n"));
      const drafts = rows.filter((r) => r.why === "draft" && result.written.includes(r.fieldId)).length;
      announce((added ? fill(tr.priorAdded, { entries: added }) : "") + fill(tr.priorApplied, { count: result.written.length, drafts }));
      setApplied({ last: planned.last, tools });
      setPlanned(undefined);
    } finally {
      setBusy(false);
    }
  };

  // After the import, the check runs on what the workbook holds now (it updates as the officer types).
  const check = useMemo(() => (applied && report ? applied.tools.planPriorImport(session.form, report.data, applied.last, report.locate).findings : undefined), [applied, report, session.form]);
  const findings = planned ? planned.plan.findings : check;

  return (
    <section className={styles.root} aria-labelledby="prior-import-title">
      <h2 id="prior-import-title" className={styles.title}>
        {tr.priorTitle}
      </h2>
      <p className={styles.note}>{tr.priorHint}</p>
      <div className={styles.buttons}>
        <FilePicker
          inputLabel={tr.priorPick}
          accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          disabled={busy || !report}
          onPick={(file) => void pick(file)}
        >
          {tr.priorPick}
        </FilePicker>
      </div>
      {busy && <Busy label={tr.priorReading} />}
      {error && (
        <Notice intent="error">
          <NoticeBody>{error}</NoticeBody>
        </Notice>
      )}
      {planned && planned.plan.rows.length + planned.plan.entries.length === 0 && <p className={styles.note}>{tr.priorNothing}</p>}
      {planned && planned.plan.entries.length > 0 && (
        <>
          <p className={styles.note}>
            {fill(tr.priorEntriesSummary, {
              count: planned.plan.entries.length,
            })}
          </p>
          <ul className={styles.list} data-testid="prior-entries">
            {planned.plan.entries.map((e) => (
              <li key={entryId(e)}>
                <label className={styles.row}>
                  <input className={styles.box} type="checkbox" checked={planned.chosen.has(entryId(e))} onChange={() => toggle(entryId(e))} />
                  <span>
                    {fill(tr.priorNewEntry, {
                      kind: e.list === "units" ? tr.priorUnitKind : (session.form.lists.find((l) => l.id === e.list)?.label ?? e.list).replace(/名称$/, ""),
                      name: e.entry.name,
                    })}
                  </span>
                </label>
              </li>
            ))}
          </ul>
        </>
      )}
      {planned && planned.plan.rows.length + planned.plan.entries.length > 0 && (
        <>
          {planned.plan.rows.length > 0 && (
            <p className={styles.note}>
              {fill(tr.priorSummary, {
                file: planned.last.file,
                count: planned.plan.rows.length,
              })}
            </p>
          )}
          <ul className={styles.list} data-testid="prior-plan">
            {planned.plan.rows.map((r) => (
              <li key={r.fieldId}>
                <label className={styles.row}>
                  <input className={styles.box} type="checkbox" checked={planned.chosen.has(r.fieldId)} onChange={() => toggle(r.fieldId)} />
                  <span>
                    {r.cell} {r.label}
                    <span className={styles.detail}>{fill(tr.priorFrom, { cell: r.fromCell, value: short(typeof r.value === "object" && r.value ? r.value.value : r.value) })}</span>
                    {r.replaces !== undefined && <span className={styles.replaces}>{fill(tr.priorReplaces, { value: short(r.replaces) })}</span>}
                  </span>
                </label>
              </li>
            ))}
          </ul>
          <div className={styles.buttons}>
            <Button appearance="primary" onClick={() => void confirm()} disabled={busy || planned.chosen.size === 0}>
              {chosenEntries(planned) > 0
                ? fill(tr.priorConfirmEntries, {
                    entries: chosenEntries(planned),
                    count: planned.chosen.size - chosenEntries(planned),
                  })
                : fill(tr.priorConfirm, { count: planned.chosen.size })}
            </Button>
            <Button
              onClick={() => {
                setPlanned(undefined);
                setBlocked(undefined);
              }}
              disabled={busy}
            >
              {t.cancel}
            </Button>
          </div>
          {blocked && <ConflictConfirm conflicts={blocked} busy={busy} onConfirm={() => void confirm({ moveForeignContent: true })} onCancel={() => setBlocked(undefined)} />}
        </>
      )}
      {findings && findings.length > 0 && (
        <Notice intent="warning">
          <NoticeBody>
            <NoticeTitle>{fill(tr.priorMismatchTitle, { count: findings.length })}</NoticeTitle>
            <ul data-testid="prior-findings">
              {findings.map((f) => (
                <li key={f.ruleId}>
                  {f.cell}：{f.message}
                </li>
              ))}
            </ul>
          </NoticeBody>
        </Notice>
      )}
      {findings && findings.length === 0 && <p className={styles.note}>{tr.priorMatches}</p>}
    </section>
  );
}
