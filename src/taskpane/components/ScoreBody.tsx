/**
 * The body of the 绩效评分 panel (ScorePanel.tsx), loaded with the scoring code when the panel is
 * first opened: each indicator with its value, working, rule, the suggestion beside the officer's
 * score and what differs, then the roll-up.
 */
import { makeStyles, tokens } from "@fluentui/react-components";
import { useMemo } from "react";
import type { FormSpec, ReportData } from "../../core/spec";
import { scoreView, type IndicatorView, type ScoreView } from "../adapters/score";
import { fill, type Lang } from "../i18n";
import { useLanguage } from "../language";
import { Pill } from "./Pill";

/** The panel's own words (core's explanations are Chinese in both languages: the report's words). */
const STRINGS: Record<Lang, Record<"none" | "suggested" | "entered" | "notEntered" | "panel" | "reference" | "rollUp" | "ceiling" | "score", string>> = {
  zh: {
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

type Words = (typeof STRINGS)["zh"];

const useStyles = makeStyles({
  list: { listStyleType: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  item: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXXS, fontSize: tokens.fontSizeBase200 },
  head: { display: "flex", flexWrap: "wrap", alignItems: "baseline", gap: tokens.spacingHorizontalS, fontSize: tokens.fontSizeBase300 },
  name: { fontWeight: tokens.fontWeightSemibold },
  detail: { margin: 0, color: tokens.colorNeutralForeground3 },
  difference: { margin: 0, color: tokens.colorPaletteDarkOrangeForeground1 },
  rollUp: { margin: 0, fontSize: tokens.fontSizeBase300 },
});

export default function ScoreBody({ form, data }: { form: FormSpec; data: ReportData }) {
  const styles = useStyles();
  const s = STRINGS[useLanguage().lang];
  // Worked out again only when the values read change (each live pass gives a new data object).
  const view: ScoreView | undefined = useMemo(() => scoreView(form, data), [form, data]);
  if (!view) return <p className={styles.detail}>{s.none}</p>;
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

function IndicatorItem({ r, s }: { r: IndicatorView; s: Words }) {
  const styles = useStyles();
  const verdict = r.status === "scored" ? fill(s.suggested, { points: r.suggested ?? "" }) : r.status === "reference" ? s.reference : s.panel;
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
