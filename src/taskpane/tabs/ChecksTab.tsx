/**
 * 校验: the live findings in three piles (错误, 超支（需说明）, 提示), each split by table with the
 * table's title once, every pile and table collapsible, a filter by pile on top; each finding
 * selects its cell. Layout problems and text-in-number cells above them; 尚未填写 on an empty
 * template, a plain 全部通过 when nothing is wrong. Below them, 与另一工作簿核对 (a second
 * workbook's figures against these) and 绩效评分.
 */
import { Button, makeStyles, tokens } from "@fluentui/react-components";
import { lazy, Suspense, useState } from "react";
import { Notice, NoticeActions, NoticeBody, NoticeTitle } from "../components/Notice";
import type { PaneBackend } from "../adapters/backend";
import { Busy } from "../components/Busy";
import { Disclosure } from "../components/Disclosure";
import { FindingItem } from "../components/FindingItem";
import { Pill, type PillTone } from "../components/Pill";
import { Problems } from "../components/Problems";
import { TextNumbers } from "../components/TextNumbers";
import { fill } from "../i18n";
import { useStrings } from "../language";
import { CATEGORIES, countByCategory, groupByCategory, underHeading, type FindingCategory } from "../model/findings";
import type { LiveState } from "../useLiveReport";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  summary: { margin: 0, fontSize: tokens.fontSizeBase300 },
  filter: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalXS },
  group: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  tables: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, paddingInlineStart: tokens.spacingHorizontalS },
  sheet: { color: tokens.colorNeutralForeground3, fontWeight: tokens.fontWeightRegular },
  list: { listStyleType: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
});

/** 绩效评分, loaded after the tab: the start-up script carries none of it. */
const ScorePanel = lazy(() => import(/* webpackChunkName: "pane-score-panel" */ "../components/ScorePanel").then((m) => ({ default: m.ScorePanel })));

/** 与另一工作簿核对, loaded after the tab; its reader loads on the first pick. */
const CrossCheckPanel = lazy(() => import(/* webpackChunkName: "pane-cross-panel" */ "../components/CrossCheckPanel"));

/** 超支 is routine and wants an explanation: orange, never the red of a data error. */
const TONE: Record<FindingCategory, PillTone> = { error: "danger", overspend: "warning", notice: "neutral" };

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
  const [filter, setFilter] = useState<FindingCategory | "all">("all");
  /** Keys of the closed piles ("error") and tables ("error/income"); everything starts open. */
  const [closed, setClosed] = useState<ReadonlySet<string>>(() => new Set());
  const toggle = (key: string) =>
    setClosed((prev) => {
      const next = new Set(prev);
      if (!next.delete(key)) next.add(key);
      return next;
    });

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
  const counts = countByCategory(report.findings);
  // A filter whose pile an edit has emptied shows everything rather than nothing.
  const shown = filter !== "all" && counts[filter] > 0 ? filter : "all";
  const piles = groupByCategory(report.findings, session.form).filter((g) => shown === "all" || g.category === shown);

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
          {fill(t.findingsSummary, { errors: counts.error, overspends: counts.overspend, notes: counts.notice })}
        </p>
      )}
      {report.findings.length > 0 && (
        // Short words (超支, not 超支（需说明）) keep the four buttons on one line at 350 px.
        <div role="group" aria-label={t.filterLabel} className={styles.filter} data-testid="findings-filter">
          {(["all", ...CATEGORIES] as const).map((id) => {
            const count = id === "all" ? report.findings.length : counts[id];
            if (id !== "all" && count === 0) return null;
            return (
              <Button
                key={id}
                size="small"
                appearance={shown === id ? "primary" : "secondary"}
                aria-pressed={shown === id}
                onClick={() => setFilter(id)}
              >
                {id === "all" ? t.filterAll : t[`filter_${id}`]} {count}
              </Button>
            );
          })}
        </div>
      )}
      {piles.map((pile) => (
        <section key={pile.category} className={styles.group} data-category={pile.category}>
          <Disclosure
            level={2}
            open={!closed.has(pile.category)}
            onToggle={() => toggle(pile.category)}
            title={
              <>
                <span>{t[`category_${pile.category}`]}</span>
                <Pill tone={TONE[pile.category]} round>
                  {pile.count}
                </Pill>
              </>
            }
          >
            <div className={styles.tables}>
              {pile.tables.map((group) => {
                const key = `${pile.category}/${group.tableId || "other"}`;
                return (
                  <section
                    key={key}
                    className={styles.group}
                    // A table may sit in two piles: each region's name says which (axe: landmark-unique).
                    aria-label={`${t[`category_${pile.category}`]}：${group.tableTitle || t.otherTable}`}
                    data-table={group.tableId}
                  >
                    <Disclosure
                      level={3}
                      open={!closed.has(key)}
                      onToggle={() => toggle(key)}
                      title={
                        <>
                          <span>{group.tableTitle || t.otherTable}</span>
                          <span className={styles.sheet}>
                            {group.sheetName} · {fill(t.groupCount, { count: group.findings.length })}
                          </span>
                        </>
                      }
                    >
                      <ul className={styles.list} data-testid="findings">
                        {group.findings.map((finding) => (
                          <li key={finding.ruleId}>
                            <FindingItem finding={underHeading(finding, group.tableTitle)} onSelect={select} />
                          </li>
                        ))}
                      </ul>
                    </Disclosure>
                  </section>
                );
              })}
            </div>
          </Disclosure>
        </section>
      ))}
      {!noTemplate && (
        <Suspense fallback={null}>
          <CrossCheckPanel form={session.form} data={report.data} locate={report.locate} onSelect={select} />
        </Suspense>
      )}
      {!noTemplate && (
        <Suspense fallback={null}>
          <ScorePanel form={session.form} data={report.data} />
        </Suspense>
      )}
    </div>
  );
}
