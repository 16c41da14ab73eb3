/**
 * 导入: paste or pick an export, see the plan (what goes where, what was left out and why, the
 * unit), confirm, and watch a large import's progress while the pane stays responsive.
 * State and actions: ./import/useImport; the plan: ./import/PlanView.
 */
import { Button, makeStyles, tokens } from "@fluentui/react-components";
import type { PaneBackend } from "../adapters/backend";
import type { UnitOption } from "../adapters/importer";
import { Busy } from "../components/Busy";
import { ConflictConfirm } from "../components/ConflictConfirm";
import { ChoiceField, SelectField, TextField } from "../components/Controls";
import { FilePicker } from "../components/FilePicker";
import { Notice, NoticeBody } from "../components/Notice";
import { fill } from "../i18n";
import { useStrings } from "../language";
import type { PaneReport } from "../useLiveReport";
import { ImportChanges } from "./import/ImportChanges";
import { ImportProgress } from "./import/ImportProgress";
import { PlanView } from "./import/PlanView";
import { PriorImport } from "./import/PriorImport";
import { useImport } from "./import/useImport";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  row: { display: "flex", gap: tokens.spacingHorizontalS, flexWrap: "wrap", alignItems: "center" },
  buttons: { display: "flex", gap: tokens.spacingHorizontalS, flexWrap: "wrap" },
  note: { margin: 0, fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground3, textAlign: "start" },
  outcome: { whiteSpace: "pre-wrap" },
});

export interface ImportTabProps {
  backend: PaneBackend;
  report?: PaneReport;
  announce(text: string): void;
}

export function ImportTab({ backend, report, announce }: ImportTabProps) {
  const styles = useStyles();
  const t = useStrings();
  const { session } = backend;
  const { state, dispatch, pickFile, makePlan, confirm, busy } = useImport(session, report, announce, t);
  const { plan, blocked } = state;
  const tables = session.form.sheets.flatMap((s) => s.tables.filter((tb) => tb.layout === "grid"));

  return (
    <div className={styles.root}>
      <TextField
        label={t.pasteLabel}
        hint={t.pasteHint}
        rows={6}
        monospace
        value={state.text}
        onChange={(text) => dispatch({ type: "text", text })}
      />
      <div className={styles.row}>
        <FilePicker inputLabel={t.pickFile} accept=".csv,.tsv,.txt,.xlsx,.xls,text/plain,text/csv" disabled={busy} onPick={(file) => void pickFile(file)}>
          {t.pickFile}
        </FilePicker>
        {state.fileNote && <p className={styles.note}>{state.fileNote}</p>}
      </div>
      {state.fileError && (
        <Notice intent="error">
          <NoticeBody>{state.fileError}</NoticeBody>
        </Notice>
      )}
      <ChoiceField<UnitOption>
        label={t.unitLabel}
        value={state.unit}
        options={[
          { value: "auto", label: t.unitAuto },
          { value: "元", label: "元" },
          { value: "万元", label: "万元" },
        ]}
        onChange={(unit) => dispatch({ type: "unit", unit })}
      />
      <SelectField
        label={t.targetTableLabel}
        value={state.table}
        options={[{ value: "", label: t.targetTableAuto }, ...tables.map((tb) => ({ value: tb.id, label: tb.title }))]}
        onChange={(table) => dispatch({ type: "table", table })}
      />
      <div className={styles.buttons}>
        <Button appearance="primary" onClick={makePlan} disabled={busy || !state.text.trim() || !report}>
          {t.makePlan}
        </Button>
      </div>
      {state.planning && <Busy label={t.planning} />}
      {state.planError && (
        <Notice intent="error">
          <NoticeBody>{state.planError}</NoticeBody>
        </Notice>
      )}
      {plan && <PlanView plan={plan} />}
      {plan && (
        <div className={styles.buttons}>
          <Button
            appearance="primary"
            onClick={() => confirm()}
            disabled={busy || blocked !== undefined || (plan.writes.length === 0 && plan.listAdds.length === 0)}
          >
            {fill(t.confirmImport, { count: plan.writes.length })}
          </Button>
          <Button onClick={() => dispatch({ type: "cancel" })} disabled={busy}>
            {t.cancel}
          </Button>
        </div>
      )}
      {plan && blocked && (
        <ConflictConfirm
          conflicts={blocked}
          busy={busy}
          onConfirm={() => confirm({ moveForeignContent: true })}
          onCancel={() => dispatch({ type: "blocked" })}
        />
      )}
      {state.progress && <ImportProgress progress={state.progress} />}
      {state.outcome && (
        <Notice intent="success">
          <NoticeBody>
            <div className={styles.outcome}>{state.outcome}</div>
          </NoticeBody>
        </Notice>
      )}
      {state.outcome && state.before && report && report !== state.before && (
        <ImportChanges before={state.before.findings} after={report.findings} onSelect={(cell) => void session.selectCell(cell)} />
      )}
      <PriorImport backend={backend} report={report} announce={announce} />
    </div>
  );
}
