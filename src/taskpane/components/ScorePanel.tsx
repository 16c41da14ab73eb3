/**
 * 绩效评分 on the 校验 tab: each indicator's suggested score (by the form's scoring table) beside
 * the score the officer entered, with the rule that gave it and what differs, and the roll-up to
 * 综合得分 and 等次. Closed at first; opening it loads the scoring code (its own chunk), so the
 * pane's start-up script does not carry the scoring rules. The score stays the officer's: the
 * panel only explains.
 */
import { makeStyles, tokens } from "@fluentui/react-components";
import { useEffect, useMemo, useState } from "react";
import type { FormSpec, ReportData } from "../../core/spec";
import type { ScoreView, IndicatorView } from "../adapters/score";
import { fill, type Lang } from "../i18n";
import { useLanguage } from "../language";
import { Disclosure } from "./Disclosure";
import { Pill } from "./Pill";

/** The panel's own words (core's explanations are Chinese in both languages: the report's words). */
const STRINGS: Record<Lang, Record<"title" | "loading" | "none" | "suggested" | "entered" | "notEntered" | "panel" | "reference" | "rollUp" | "ceiling" | "score", string>> = {
  zh: {
    title: "绩效评分（建议）",
    loading: "正在计算…",
    none: "本表没有内置的评分表。",
    suggested: "建议 {points} 分",
    entered: "自评 {points} 分",
    notEntered: "未自评",
    panel: "由评价组评分",
    reference: "不计分，供参考",
    rollUp: "综合得分",
    ceiling: "建议不超过 {points} 分",
    score: "建议 {points} 分",
  },
  en: {
    title: "Performance score (suggested)",
    loading: "Scoring…",
    none: "This form has no built-in scoring table.",
    suggested: "suggested {points}",
    entered: "entered {points}",
    notEntered: "not scored",
    panel: "scored by the panel",
    reference: "for reference, no points",
    rollUp: "Overall score",
    ceiling: "at most {points} suggested",
    score: "{points} suggested",
  },
};

const useStyles = makeStyles({
  list: { listStyleType: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  item: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXXS, fontSize: tokens.fontSizeBase200 },
  head: { display: "flex", flexWrap: "wrap", alignItems: "baseline", gap: tokens.spacingHorizontalS, fontSize: tokens.fontSizeBase300 },
  name: { fontWeight: tokens.fontWeightSemibold },
  detail: { margin: 0, color: tokens.colorNeutralForeground3 },
  difference: { margin: 0, color: tokens.colorPaletteDarkOrangeForeground1 },
  rollUp: { margin: 0, fontSize: tokens.fontSizeBase300 },
});

type Loaded = { scoreView: typeof import("../adapters/score").scoreView };

export interface ScorePanelProps {
  form: FormSpec;
  data: ReportData;
}

export function ScorePanel({ form, data }: ScorePanelProps) {
  const styles = useStyles();
  const s = STRINGS[useLanguage().lang];
  const [open, setOpen] = useState(false);
  const [loaded, setLoaded] = useState<Loaded>();
  useEffect(() => {
    if (!open || loaded) return;
    let cancelled = false;
    void import(/* webpackChunkName: "pane-score" */ "../adapters/score").then((m) => {
      if (!cancelled) setLoaded({ scoreView: m.scoreView });
    });
    return () => {
      cancelled = true;
    };
  }, [open, loaded]);
  // Worked out again only when the values read change (each live pass gives a new data object).
  const view = useMemo(() => (open && loaded ? (loaded.scoreView(form, data) ?? null) : undefined), [open, loaded, form, data]);

  return (
    <section data-testid="score-panel" aria-label={s.title}>
      <Disclosure level={2} open={open} onToggle={() => setOpen((o) => !o)} title={<span>{s.title}</span>}>
        {view === undefined ? <p className={styles.detail}>{s.loading}</p> : view === null ? <p className={styles.detail}>{s.none}</p> : <ScoreBody view={view} s={s} />}
      </Disclosure>
    </section>
  );
}

function ScoreBody({ view, s }: { view: ScoreView; s: (typeof STRINGS)["zh"] }) {
  const styles = useStyles();
  return (
    <>
      <ul className={styles.list}>
        {view.indicators.map((r) => (
          <IndicatorItem key={r.id} r={r} s={s} />
        ))}
      </ul>
      <p className={styles.rollUp} data-testid="score-rollup">
        <strong>{s.rollUp}</strong> {fill(view.ceiling ? s.ceiling : s.score, { points: view.suggested })}
        {view.grade ? `（${view.grade}）` : ""}
      </p>
      <p className={styles.detail} data-testid="score-explanation">
        {view.explanation}
      </p>
    </>
  );
}

function IndicatorItem({ r, s }: { r: IndicatorView; s: (typeof STRINGS)["zh"] }) {
  const styles = useStyles();
  const verdict =
    r.status === "scored"
      ? fill(s.suggested, { points: r.suggested ?? "" })
      : r.status === "reference"
        ? s.reference
        : s.panel;
  return (
    <li className={styles.item} data-testid="score-indicator" data-id={r.id}>
      <span className={styles.head}>
        <span className={styles.name}>
          {r.name}（{r.points}分）
        </span>
        {r.value && <span>{r.value}</span>}
        <Pill tone={r.difference ? "warning" : "neutral"}>{verdict}</Pill>
        {r.status !== "reference" && <span>{r.entered !== undefined ? fill(s.entered, { points: r.entered }) : s.notEntered}</span>}
      </span>
      {r.working && <p className={styles.detail}>{r.working}</p>}
      {r.rule && <p className={styles.detail}>{r.rule}</p>}
      {!r.rule && r.reason && <p className={styles.detail}>{r.reason}</p>}
      {r.difference && <p className={styles.difference}>{r.difference}</p>}
    </li>
  );
}
