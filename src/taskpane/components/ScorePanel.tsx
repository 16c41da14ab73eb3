/**
 * 绩效评分 on the 校验 tab: each indicator's suggested score (by the form's scoring table) beside
 * the score the officer entered, with the rule that gave it and what differs, and the roll-up to
 * 综合得分 and 等次 (ScoreBody.tsx). Closed at first; opening it loads the body with the scoring
 * code (its own chunk), so the pane's start-up script carries only this heading. The score stays
 * the officer's: the panel only explains.
 */
import { lazy, Suspense, useState } from "react";
import type { FormSpec, ReportData } from "../../core/spec";
import type { Lang } from "../i18n";
import { useLanguage } from "../language";
import { Disclosure } from "./Disclosure";

const ScoreBody = lazy(() => import(/* webpackChunkName: "pane-score" */ "./ScoreBody"));

const TITLE: Record<Lang, { title: string; loading: string }> = {
  zh: { title: "绩效评分（建议）", loading: "正在计算…" },
  en: { title: "Performance score (suggested)", loading: "Scoring…" },
};

export interface ScorePanelProps {
  form: FormSpec;
  data: ReportData;
}

export function ScorePanel({ form, data }: ScorePanelProps) {
  const words = TITLE[useLanguage().lang];
  const [open, setOpen] = useState(false);
  return (
    <section data-testid="score-panel" aria-label={words.title}>
      <Disclosure level={2} open={open} onToggle={() => setOpen((o) => !o)} title={<span>{words.title}</span>}>
        {open && (
          <Suspense fallback={<p>{words.loading}</p>}>
            <ScoreBody form={form} data={data} />
          </Suspense>
        )}
      </Disclosure>
    </section>
  );
}
