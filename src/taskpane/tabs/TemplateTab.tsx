/**
 * 模板: which form, then what the template should hold — year, department and reporting units
 * first, the rest (self-reference, the other open lists) under 更多（可稍后填写）with examples —
 * the host's plan for this workbook (create / upgrade / name beside a clash) shown before
 * anything is written, then apply. Adding a reporting unit to a laid-out template is here too.
 */
import { Button, makeStyles, tokens } from "@fluentui/react-components";
import { ChoiceField, SelectField, TextField } from "../components/Controls";
import { Disclosure } from "../components/Disclosure";
import { Notice, NoticeBody, NoticeTitle } from "../components/Notice";
import { useMemo, useState } from "react";
import { builtInFormHeadings, type Lists } from "../../core/spec";
import type { FormSpec, ListSpec } from "../../core/spec/types";
import { expandFields } from "../../core/spec/instances";
import type { ApplyOptions, ApplyResult, ContentConflict, TemplatePreview } from "../../hosts/office";
import type { PaneBackend } from "../adapters/backend";
import { ConflictConfirm } from "../components/ConflictConfirm";
import { Problems } from "../components/Problems";
import { fill, type Strings } from "../i18n";
import { useStrings } from "../language";
import { refusedForConflicts } from "../model/conflicts";
import { listText, parseListText } from "../model/lists";
import type { PaneReport } from "../useLiveReport";

const SELF_REFERENCES = ["我局", "我部门", "我单位"] as const;
/** Header fields of the built-in form that the template prefills when empty. */
const YEAR_FIELD = "report.year";
const DEPT_FIELD = "report.dept";
const SELF_REF_FIELD = "report.selfRef";
/** The list laid out first, with year and department: the units the report covers. */
const UNITS_LIST = "units";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  form: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  row: { display: "flex", gap: tokens.spacingHorizontalS, flexWrap: "wrap", alignItems: "flex-end" },
  grow: { flexGrow: 1, flexBasis: "10em", minWidth: 0 },
  year: { flexBasis: "6em", flexGrow: 0, minWidth: 0 },
  buttons: { display: "flex", gap: tokens.spacingHorizontalS, flexWrap: "wrap" },
  heading: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  intro: { margin: 0, fontSize: tokens.fontSizeBase300, color: tokens.colorNeutralForeground2 },
  actions: { margin: 0, paddingLeft: tokens.spacingHorizontalL, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  plan: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalM,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
});

function textOf(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "object" && "value" in value) return textOf((value as { value: unknown }).value);
  return String(value);
}

export interface TemplateTabProps {
  backend: PaneBackend;
  report?: PaneReport;
  announce(text: string): void;
  /** The officer picked another of the built-in forms: the pane works on it from now on. */
  onChooseForm?(form: FormSpec): void;
}

/** The header fields the form has: a form without a self-reference cell is not sent one. */
function headerFields(form: FormSpec): Set<string> {
  const wanted = new Set([YEAR_FIELD, DEPT_FIELD, SELF_REF_FIELD]);
  return new Set(expandFields(form, {}).map((f) => f.id).filter((id) => wanted.has(id)));
}

/**
 * A coded list's hint with an example of its kind: 功能分类 codes (2010601 行政运行) and 经济分类
 * codes (30299 其他商品和服务支出) look alike but are different lists; others get no example.
 */
function codedHint(list: ListSpec, t: Strings): string {
  if (list.label.includes("功能")) return t.codedListHintFunction;
  if (list.label.includes("经济")) return t.codedListHintEconomic;
  return t.codedListHint;
}

export function TemplateTab({ backend, report, announce, onChooseForm }: TemplateTabProps) {
  const styles = useStyles();
  const t = useStrings();
  const { session } = backend;
  const form = session.form;
  const header = useMemo(() => headerFields(form), [form]);
  const [more, setMore] = useState(false);

  const [year, setYear] = useState(String(new Date().getFullYear() - 1));
  const [dept, setDept] = useState("");
  const [selfRef, setSelfRef] = useState<string>(SELF_REFERENCES[0]);
  const [lists, setLists] = useState<Record<string, string>>({});
  const [touched, setTouched] = useState(false);
  const [preview, setPreview] = useState<TemplatePreview>();
  const [result, setResult] = useState<ApplyResult>();
  const [busy, setBusy] = useState(false);
  const [newUnit, setNewUnit] = useState("");
  /** The unit whose adding was refused until the officer agrees to move these cells of theirs. */
  const [unitConflicts, setUnitConflicts] = useState<{ name: string; conflicts: ContentConflict[] }>();

  // Start from what the workbook holds, until the officer edits the form. Adjusted while
  // rendering, when a report not yet taken arrives: an effect would render the tab twice each time.
  const [seededFrom, setSeededFrom] = useState<PaneReport>();
  if (report && !touched && report !== seededFrom) {
    setSeededFrom(report);
    const values = report.data.values;
    if (textOf(values[YEAR_FIELD])) setYear(textOf(values[YEAR_FIELD]));
    if (textOf(values[DEPT_FIELD])) setDept(textOf(values[DEPT_FIELD]));
    if (textOf(values[SELF_REF_FIELD])) setSelfRef(textOf(values[SELF_REF_FIELD]));
    setLists(Object.fromEntries(form.lists.map((l) => [l.id, listText(report.data.lists[l.id], Boolean(l.coded))])));
  }

  const hasTemplate = report !== undefined && !report.problems.some((p) => p.code === "noTemplate");
  const edit = <T,>(set: (v: T) => void) => (v: T) => {
    setTouched(true);
    // Taken again from the workbook once the edits are applied (touched goes back to false).
    setSeededFrom(undefined);
    setPreview(undefined);
    set(v);
  };

  const request = () => {
    const requestLists: Lists = {};
    for (const list of form.lists) {
      const entries = parseListText(lists[list.id] ?? "", Boolean(list.coded));
      if (entries.length > 0) requestLists[list.id] = entries;
    }
    const values = { [YEAR_FIELD]: year.trim(), [DEPT_FIELD]: dept.trim(), [SELF_REF_FIELD]: selfRef };
    return { lists: requestLists, values: Object.fromEntries(Object.entries(values).filter(([id]) => header.has(id))) };
  };

  const makePreview = async () => {
    setBusy(true);
    setResult(undefined);
    try {
      const next = await session.previewTemplate(request());
      setPreview(next);
      announce(next.summary);
    } finally {
      setBusy(false);
    }
  };

  const apply = async (options?: ApplyOptions) => {
    if (!preview) return;
    setBusy(true);
    try {
      const applied = await session.applyTemplate(preview, options);
      setResult(applied);
      setPreview(undefined);
      setTouched(false);
      announce(applied.ok ? t.templateApplied : t.templateNotApplied);
    } finally {
      setBusy(false);
    }
  };

  const addUnit = async (name = newUnit.trim(), options?: ApplyOptions) => {
    if (!name) return;
    setBusy(true);
    try {
      const written = await session.addUnit(name, options);
      const refused = [...written.rejected.map((r) => r.reason), ...written.problems.map((p) => p.message)];
      // Refused only because cells of the officer's are in the way: list them and ask.
      const conflicts = written.conflicts ?? [];
      const ask = written.rejected.length === 0 && refusedForConflicts(written.problems, conflicts);
      setUnitConflicts(ask ? { name, conflicts } : undefined);
      announce(refused.length > 0 ? refused.join(" ") : fill(t.unitAdded, { name }));
      if (refused.length === 0) setNewUnit("");
    } finally {
      setBusy(false);
    }
  };

  const listField = (list: ListSpec) => (
    <TextField
      key={list.id}
      label={list.id === UNITS_LIST ? t.unitsListLabel : list.label}
      hint={list.coded ? codedHint(list, t) : list.id === UNITS_LIST ? t.unitsListHint : t.listHint}
      rows={list.id === UNITS_LIST ? 3 : 2}
      value={lists[list.id] ?? ""}
      onChange={edit((v: string) => setLists((prev) => ({ ...prev, [list.id]: v })))}
    />
  );
  const firstLists = form.lists.filter((l) => l.id === UNITS_LIST);
  const laterLists = form.lists.filter((l) => l.id !== UNITS_LIST);

  const readOnly = preview?.problems.some((p) => p.code === "readOnly") ?? false;
  // With conflicts the plain apply would be refused: the conflicts' own button is the way on.
  const previewConflicts = preview?.conflicts ?? [];

  return (
    <div className={styles.root}>
      <p className={styles.intro}>{hasTemplate ? t.templateUpgradeIntro : t.templateCreateIntro}</p>
      {report && <Problems problems={report.problems} session={session} announce={announce} />}
      <div className={styles.form}>
        <SelectField
          label={t.formLabel}
          value={form.id}
          options={[form, ...builtInFormHeadings.filter((f) => f.id !== form.id)].map((f) => ({ value: f.id, label: f.title }))}
          onChange={(id) => {
            if (id === form.id) return;
            // A form's data loads when it is picked, so the start-up script carries only the default form.
            void import(/* webpackChunkName: "pane-forms" */ "../../core/spec/built-in").then(({ findForm }) => {
              const chosen = findForm(id);
              if (chosen) onChooseForm?.(chosen);
            });
          }}
        />
        <div className={styles.row}>
          {header.has(YEAR_FIELD) && (
            <TextField label={t.yearLabel} className={styles.year} inputMode="numeric" value={year} onChange={edit(setYear)} />
          )}
          {header.has(DEPT_FIELD) && (
            <TextField label={t.deptLabel} className={styles.grow} placeholder={t.deptPlaceholder} value={dept} onChange={edit(setDept)} />
          )}
        </div>
        {firstLists.map(listField)}
        <Disclosure level={2} title={t.moreLater} open={more} onToggle={() => setMore((m) => !m)}>
          {header.has(SELF_REF_FIELD) && (
            <ChoiceField
              label={t.selfRefLabel}
              value={selfRef}
              options={SELF_REFERENCES.map((word) => ({ value: word, label: word }))}
              onChange={edit(setSelfRef)}
            />
          )}
          {laterLists.map(listField)}
        </Disclosure>
      </div>
      <div className={styles.buttons}>
        <Button appearance="primary" onClick={makePreview} disabled={busy}>
          {hasTemplate ? t.previewUpgrade : t.previewCreate}
        </Button>
      </div>

      {preview && (
        <section className={styles.plan} aria-label={t.planTitle} data-testid="template-plan">
          <h2 className={styles.heading}>{t.planTitle}</h2>
          <p>{preview.summary}</p>
          <ul className={styles.actions}>
            {preview.actions.map((action) => (
              <li key={`${action.kind}-${action.sheetId}-${action.name}`} data-kind={action.kind}>
                {action.description}
              </li>
            ))}
          </ul>
          {previewConflicts.length > 0 && !readOnly && (
            <ConflictConfirm conflicts={previewConflicts} busy={busy} onConfirm={() => apply({ moveForeignContent: true })} />
          )}
          {preview.problems.filter((p) => p.code !== "foreignContent").length > 0 && (
            <Notice intent="warning">
              <NoticeBody>
                {preview.problems.filter((p) => p.code !== "foreignContent").map((p, i) => (
                  <div key={i}>{p.message}</div>
                ))}
              </NoticeBody>
            </Notice>
          )}
          <div className={styles.buttons}>
            <Button appearance="primary" onClick={() => apply()} disabled={busy || readOnly || previewConflicts.length > 0}>
              {t.applyTemplate}
            </Button>
            <Button onClick={() => setPreview(undefined)} disabled={busy}>
              {t.cancel}
            </Button>
          </div>
        </section>
      )}

      {result && (
        <Notice intent={result.ok ? "success" : "error"}>
          <NoticeBody>
            <NoticeTitle>{result.ok ? t.templateApplied : t.templateNotApplied}</NoticeTitle>
            {result.actions.map((a) => a.description).join("；")}
            {result.problems.map((p) => p.message).join(" ")}
          </NoticeBody>
        </Notice>
      )}

      {hasTemplate && (
        <div className={styles.row}>
          <TextField label={t.addUnitLabel} className={styles.grow} placeholder={t.addUnitPlaceholder} value={newUnit}
            onChange={(v) => {
              setNewUnit(v);
              setUnitConflicts(undefined);
            }}
          />
          <Button onClick={() => addUnit()} disabled={busy || !newUnit.trim()}>
            {t.addUnit}
          </Button>
        </div>
      )}
      {hasTemplate && unitConflicts && (
        <ConflictConfirm
          conflicts={unitConflicts.conflicts}
          busy={busy}
          onConfirm={() => addUnit(unitConflicts.name, { moveForeignContent: true })}
          onCancel={() => setUnitConflicts(undefined)}
        />
      )}
    </div>
  );
}
