/**
 * 报告正文 in the pane: the chosen outline's cover, each section under its heading with the
 * officer's prose fields as labelled text boxes and ZiPing's paragraphs read-only, the sign-off
 * fields; saved into the 报告正文 sheet's cells (session.writeReportText). What the sheet holds is
 * read once when the panel opens (one sync); a save compares each cell with that read and asks
 * before replacing what the officer changed in the sheet meanwhile. A draft carried from last
 * year shows 沿用上年 until the officer edits (or keeps) it. Loaded with the panel's first opening.
 */
import { Button, makeStyles, tokens } from "@fluentui/react-components";
import { useCallback, useEffect, useMemo, useState } from "react";
import { narrate, type Narrative } from "../../core/narrative";
import { chooseOutline, outlinesOf } from "../../core/plan/outline";
import type { ReportData } from "../../core/spec";
import type { ReportTextConflict, ReportTextRead } from "../../hosts/office";
import type { PaneBackend } from "../adapters/backend";
import { fill } from "../i18n";
import { useStrings } from "../language";
import { useReportStrings } from "../i18n-report";
import { isPriorDraft, outlineView, reportTextFields, withoutMark, type ProseInput } from "../model/report-outline";
import { Busy } from "./Busy";
import { SelectField, TextField } from "./Controls";
import { Notice, NoticeActions, NoticeBody, NoticeTitle } from "./Notice";
import { Pill } from "./Pill";

type FiguresOf = typeof import("../adapters/score").builtInFigures;

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  section: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  heading: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  sub: { margin: 0, fontSize: tokens.fontSizeBase200, fontWeight: tokens.fontWeightSemibold },
  generated: { margin: 0, lineHeight: tokens.lineHeightBase400, textIndent: "2em", color: tokens.colorNeutralForeground2 },
  note: { margin: 0, fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground3 },
  draft: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalS, flexWrap: "wrap" },
  buttons: { display: "flex", gap: tokens.spacingHorizontalS, flexWrap: "wrap", alignItems: "center" },
  quote: { whiteSpace: "pre-wrap", maxHeight: "6em", overflowY: "auto", padding: tokens.spacingHorizontalXS, backgroundColor: tokens.colorNeutralBackground3 },
});

export interface ReportTextBodyProps {
  backend: PaneBackend;
  /** The live report's values (the generated paragraphs are written from them). */
  data: ReportData;
  announce(text: string): void;
}

export default function ReportTextBody({ backend, data, announce }: ReportTextBodyProps) {
  const styles = useStyles();
  const t = useStrings();
  const tr = useReportStrings();
  const { session } = backend;
  const form = session.form;
  const fields = useMemo(() => reportTextFields(form), [form]);
  const [read, setRead] = useState<ReportTextRead>();
  const [drafts, setDrafts] = useState<Record<string, string>>({});
  const [conflicts, setConflicts] = useState<ReportTextConflict[]>();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string>();
  const [figuresOf, setFiguresOf] = useState<{ of: FiguresOf }>();

  const took = useCallback((got: ReportTextRead) => {
    setRead(got);
    setDrafts({ ...got.values });
    setFailure(undefined);
  }, []);
  const failed = useCallback((e: unknown) => setFailure(e instanceof Error ? e.message : String(e)), []);

  // What the sheet holds, read once when the editor opens (one sync).
  useEffect(() => {
    let mounted = true;
    session.readReportText(fields).then(
      (got) => mounted && took(got),
      (e: unknown) => mounted && failed(e),
    );
    return () => {
      mounted = false;
    };
  }, [session, fields, took, failed]);

  /** 重新读取: the sheet's text again, unsaved edits dropped. */
  const reload = async () => {
    setBusy(true);
    try {
      took(await session.readReportText(fields));
    } catch (e) {
      failed(e);
    } finally {
      setBusy(false);
    }
  };

  useEffect(() => {
    let mounted = true;
    // The 绩效 sentences' figures, as the 叙述 tab writes them (the scoring chunk, shared).
    void import(/* webpackChunkName: "pane-score" */ "../adapters/score").then(
      (m) => mounted && setFiguresOf({ of: m.builtInFigures }),
      () => mounted && setFiguresOf({ of: () => undefined }),
    );
    return () => {
      mounted = false;
    };
  }, []);

  const choiceField = form.reportChoice?.field;
  const outlines = outlinesOf(form);
  const withDrafts: ReportData = useMemo(() => ({ ...data, values: { ...data.values, ...drafts } }), [data, drafts]);
  const chosen = chooseOutline(form, withDrafts);
  const outline = chosen && "outline" in chosen ? chosen.outline : outlines[0];
  const view = outline ? outlineView(form, outline) : undefined;
  const narrative: Narrative | undefined = useMemo(() => {
    if (!figuresOf) return undefined;
    const figures = figuresOf.of(form, data);
    return narrate(form, data, figures ? { figures } : {});
  }, [form, data, figuresOf]);

  if (failure) {
    return (
      <Notice intent="error">
        <NoticeBody>{fill(tr.reportTextReadFailed, { reason: failure })}</NoticeBody>
      </Notice>
    );
  }
  if (!read || !view) return <Busy label={t.reading} />;
  if (Object.keys(read.addresses).length === 0) return <p className={styles.note}>{tr.reportTextNoSheet}</p>;

  const changed = Object.keys(drafts).filter((id) => read.values[id] !== undefined && drafts[id] !== read.values[id]);
  const setDraft = (field: string, text: string) => setDrafts((prev) => ({ ...prev, [field]: text }));

  const save = async (agreed: readonly ReportTextConflict[] = []) => {
    setBusy(true);
    setConflicts(undefined);
    try {
      const seen = new Map(agreed.map((c) => [c.fieldId, c.now]));
      const result = await session.writeReportText(changed.map((id) => ({ fieldId: id, value: drafts[id], was: seen.get(id) ?? read.values[id] })));
      if (result.problems.length > 0) announce(result.problems.map((p) => p.message).join(" "));
      else if (result.conflicts.length > 0) setConflicts(result.conflicts);
      else {
        const values = { ...read.values };
        for (const id of result.written) values[id] = drafts[id];
        setRead({ ...read, values });
        announce(result.rejected.length ? result.rejected.map((r) => r.reason).join(" ") : fill(tr.reportTextSaved, { count: result.written.length }));
      }
    } catch (e) {
      announce(fill(tr.reportTextReadFailed, { reason: e instanceof Error ? e.message : String(e) }));
    } finally {
      setBusy(false);
    }
  };

  /** The sheet's text wins: the pane takes what the cells hold now, and the officer's other edits stay. */
  const keepSheet = (list: readonly ReportTextConflict[]) => {
    setConflicts(undefined);
    setRead({ ...read, values: { ...read.values, ...Object.fromEntries(list.map((c) => [c.fieldId, c.now])) } });
    setDrafts((prev) => ({ ...prev, ...Object.fromEntries(list.map((c) => [c.fieldId, c.now])) }));
    announce(tr.reportTextKeptSheet);
  };

  const labelOf = (id: string): string =>
    [...view.cover, ...view.sections.flatMap((s) => s.items.flatMap((i) => (i.kind === "field" ? [i] : [])))].find((f) => f.field === id)?.label ?? id;

  const input = (f: ProseInput) => {
    if (read.values[f.field] === undefined) return null;
    const text = drafts[f.field] ?? "";
    const carried = isPriorDraft(text);
    return (
      <div key={f.field} className={styles.section}>
        {carried && (
          <div className={styles.draft}>
            <Pill tone="warning">{tr.priorDraft}</Pill>
            <Button size="small" appearance="subtle" onClick={() => setDraft(f.field, withoutMark(text))}>
              {fill(tr.keepPriorDraft, { label: f.label })}
            </Button>
          </div>
        )}
        <TextField
          label={f.label}
          value={withoutMark(text)}
          rows={f.long ? 4 : undefined}
          hint={carried ? tr.priorDraftHint : undefined}
          onChange={(value) => setDraft(f.field, value)}
        />
      </div>
    );
  };

  return (
    <div className={styles.root} data-testid="report-text">
      <p className={styles.note}>{tr.reportTextHint}</p>
      {choiceField && read.values[choiceField] !== undefined && outlines.length > 1 && (
        <SelectField
          label={tr.reportFormatLabel}
          value={outline?.id ?? ""}
          options={outlines.map((o) => ({ value: o.id ?? o.title, label: `${o.id ?? o.title}${o.names?.[0] ? `（${o.names[0]}）` : ""}` }))}
          onChange={(id) => setDraft(choiceField, id === outlines[0].id && !read.values[choiceField] ? "" : id)}
        />
      )}
      <section className={styles.section} aria-label={tr.reportCover}>
        <h3 className={styles.heading}>{tr.reportCover}</h3>
        {view.cover.map(input)}
      </section>
      {view.sections.map((section) => (
        <section key={section.heading} className={styles.section} aria-label={section.heading}>
          <h3 className={styles.heading}>{section.heading}</h3>
          {section.items.map((item, i) => {
            if (item.kind === "field") return input(item);
            if (item.kind === "tables") return <p key={`t${i}`} className={styles.note}>{fill(tr.reportTable, { title: item.titles.join("、") })}</p>;
            const paragraphs = (narrative?.paragraphs ?? []).filter((p) => p.status === "ok" && (!item.ids || item.ids.includes(p.id)));
            if (!narrative) return <Busy key={`p${i}`} label={t.reading} />;
            if (paragraphs.length === 0) return <p key={`p${i}`} className={styles.note}>{tr.reportNoParagraphs}</p>;
            return (
              <div key={`p${i}`} className={styles.section} data-testid="report-generated">
                {paragraphs.map((p) => (
                  <div key={p.id}>
                    {item.titled && <h4 className={styles.sub}>{p.title}</h4>}
                    <p className={styles.generated}>{p.text}</p>
                  </div>
                ))}
              </div>
            );
          })}
        </section>
      ))}
      {conflicts && (
        <Notice intent="warning" role="alertdialog" aria-label={tr.reportTextConflictTitle}>
          <NoticeBody>
            <NoticeTitle>{tr.reportTextConflictTitle}</NoticeTitle>
            {tr.reportTextConflictBody}
            <ul>
              {conflicts.map((c) => (
                <li key={c.fieldId}>
                  {fill(tr.reportTextConflictItem, { label: labelOf(c.fieldId), cell: c.address })}
                  <div className={styles.quote}>{c.now || tr.reportTextEmptyCell}</div>
                </li>
              ))}
            </ul>
          </NoticeBody>
          <NoticeActions>
            <Button onClick={() => void save(conflicts)} disabled={busy}>
              {tr.reportTextOverwrite}
            </Button>
            <Button appearance="primary" onClick={() => keepSheet(conflicts)} disabled={busy}>
              {tr.reportTextKeepSheet}
            </Button>
          </NoticeActions>
        </Notice>
      )}
      <div className={styles.buttons}>
        <Button appearance="primary" onClick={() => void save()} disabled={busy || changed.length === 0}>
          {changed.length ? fill(tr.reportTextSave, { count: changed.length }) : tr.reportTextNothingToSave}
        </Button>
        <Button onClick={() => void reload()} disabled={busy}>
          {tr.reportTextReload}
        </Button>
      </div>
    </div>
  );
}
