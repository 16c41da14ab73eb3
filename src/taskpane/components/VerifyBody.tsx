/**
 * 叙述核对: the officer's own text (pasted, or read from 报告综述) checked against the tables by
 * the core: each figure and direction word tied to a label and recomputed. Re-checked live as
 * the figures change; each finding selects the cell the figure comes from. Loaded with the
 * checker when the officer first opens 叙述核对 (./VerifyPanel), not with the pane.
 */
import { Button, makeStyles, tokens } from "@fluentui/react-components";
import { useMemo, useState } from "react";
import { verifyNarrative } from "../../core/narrative/verify";
import type { ReportData } from "../../core/spec";
import type { PaneBackend } from "../adapters/backend";
import { fill } from "../i18n";
import { useStrings } from "../language";
import { TextField } from "./Controls";
import { FindingItem } from "./FindingItem";
import { Notice, NoticeBody, NoticeTitle } from "./Notice";

const useStyles = makeStyles({
  buttons: { display: "flex", gap: tokens.spacingHorizontalS, flexWrap: "wrap" },
  list: { listStyleType: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  quote: { color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
});

export interface VerifyBodyProps {
  backend: PaneBackend;
  data: ReportData;
  onSelect(address: string): void;
  announce(text: string): void;
}

export default function VerifyBody({ backend, data, onSelect, announce }: VerifyBodyProps) {
  const styles = useStyles();
  const t = useStrings();
  const [text, setText] = useState("");
  const [checking, setChecking] = useState<string>();
  const form = backend.session.form;

  // Re-checked whenever the figures or the text checked change.
  const report = useMemo(() => (checking ? verifyNarrative(form, data, checking) : undefined), [form, data, checking]);

  const readSheet = async () => {
    const area = await backend.session.readNarrative();
    if (!area) {
      announce(t.noNarrativeArea);
      return;
    }
    setText(area.lines.filter((l) => l.trim()).join("\n"));
  };

  return (
    <>
        <TextField label={t.verifyLabel} hint={t.verifyHint} rows={4} value={text} onChange={setText} />
        <div className={styles.buttons}>
          <Button appearance="primary" disabled={!text.trim()} onClick={() => setChecking(text)}>
            {t.verifyRun}
          </Button>
          <Button onClick={readSheet}>{t.verifyReadSheet}</Button>
        </div>
        {report && (
          <>
            <Notice intent={report.summary.errors > 0 ? "warning" : "success"} role="status">
              <NoticeBody>
                <NoticeTitle>{report.summary.errors > 0 ? t.verifyProblems : t.verifyAllAgree}</NoticeTitle>
                {fill(t.verifySummary, report.summary)}
              </NoticeBody>
            </Notice>
            {report.findings.length > 0 && (
              <ul className={styles.list}>
                {report.findings.map((f, i) => (
                  <li key={`${f.ruleId}-${f.offset}-${i}`}>
                    <FindingItem finding={f} badge={t[`problem_${f.problem}`]} onSelect={onSelect} />
                  </li>
                ))}
              </ul>
            )}
            {report.unchecked.length > 0 && (
              <ul className={styles.quote}>
                {report.unchecked.map((u, i) => (
                  <li key={`${u.offset}-${i}`}>
                    {fill(t.verifyUnchecked, { line: u.line, quote: u.quote, reason: u.reason })}
                  </li>
                ))}
              </ul>
            )}
          </>
        )}
    </>
  );
}
