/**
 * 校验: the live findings grouped by table (errors first), each selecting its cell; layout
 * problems and text-in-number cells above them; a plain 全部通过 when nothing is wrong.
 */
import { Button, makeStyles, tokens } from "@fluentui/react-components";
import { Notice, NoticeActions, NoticeBody, NoticeTitle } from "../components/Notice";
import type { PaneBackend } from "../adapters/backend";
import { Busy } from "../components/Busy";
import { FindingItem } from "../components/FindingItem";
import { Problems } from "../components/Problems";
import { TextNumbers } from "../components/TextNumbers";
import { fill } from "../i18n";
import { useStrings } from "../language";
import { countBySeverity, groupFindings } from "../model/findings";
import type { LiveState } from "../useLiveReport";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  summary: { margin: 0, fontSize: tokens.fontSizeBase300 },
  group: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  groupTitle: {
    margin: 0,
    fontSize: tokens.fontSizeBase300,
    fontWeight: tokens.fontWeightSemibold,
    display: "flex",
    flexWrap: "wrap",
    columnGap: tokens.spacingHorizontalS,
  },
  sheet: { color: tokens.colorNeutralForeground3, fontWeight: tokens.fontWeightRegular },
  list: { listStyleType: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
});

export interface ChecksTabProps {
  backend: PaneBackend;
  live: LiveState;
  announce(text: string): void;
  onGoToTemplate(): void;
}

export function ChecksTab({ backend, live, announce, onGoToTemplate }: ChecksTabProps) {
  const styles = useStyles();
  const t = useStrings();
  const { session } = backend;
  const { report, failure } = live;

  if (failure) {
    return (
      <Notice intent="error" role="alert">
        <NoticeBody>
          <NoticeTitle>{t.liveFailed}</NoticeTitle>
          <p>{failure}</p>
          <p>{t.liveFailedHelp}</p>
        </NoticeBody>
      </Notice>
    );
  }
  if (!report) return <Busy label={t.reading} />;

  const noTemplate = report.problems.some((p) => p.code === "noTemplate");
  const groups = groupFindings(report.findings, session.form);
  const counts = countBySeverity(report.findings);

  const select = async (address: string) => {
    const problems = await session.selectCell(address);
    announce(problems.length > 0 ? problems.map((p) => p.message).join(" ") : fill(t.cellSelected, { cell: address }));
  };

  return (
    <div className={styles.root}>
      {noTemplate && (
        <Notice intent="info" data-testid="no-template">
          <NoticeBody>
            <NoticeTitle>{t.noTemplateTitle}</NoticeTitle>
            {t.noTemplateBody}
          </NoticeBody>
          <NoticeActions>
            <Button onClick={onGoToTemplate}>{t.goToTemplate}</Button>
          </NoticeActions>
        </Notice>
      )}
      <Problems problems={report.problems} session={session} announce={announce} />
      <TextNumbers cells={report.textNumbers} session={session} announce={announce} />
      {!noTemplate && report.state === "unfilled" && (
        <Notice intent="info" data-testid="unfilled">
          <NoticeBody>
            <NoticeTitle>{t.unfilledTitle}</NoticeTitle>
            {t.unfilledBody}
          </NoticeBody>
        </Notice>
      )}
      {!noTemplate && report.state !== "unfilled" && report.findings.length === 0 && (
        <Notice intent="success" data-testid="all-pass">
          <NoticeBody>
            <NoticeTitle>{t.allPassTitle}</NoticeTitle>
            {fill(t.allPassBody, { rules: report.results.length })}
          </NoticeBody>
        </Notice>
      )}
      {report.findings.length > 0 && (
        <p className={styles.summary} data-testid="findings-summary">
          {fill(t.findingsSummary, { errors: counts.error, warnings: counts.warning, notes: counts.info })}
        </p>
      )}
      {groups.map((group) => (
        <section key={group.tableId || "other"} className={styles.group} aria-label={group.tableTitle || t.otherTable}>
          <h2 className={styles.groupTitle}>
            <span>{group.tableTitle || t.otherTable}</span>
            <span className={styles.sheet}>
              {group.sheetName} · {fill(t.groupCount, { count: group.findings.length })}
            </span>
          </h2>
          <ul className={styles.list} data-testid="findings">
            {group.findings.map((finding) => (
              <li key={finding.ruleId}>
                <FindingItem finding={finding} onSelect={select} />
              </li>
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}
