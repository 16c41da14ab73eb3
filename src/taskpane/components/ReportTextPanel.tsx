/**
 * 报告正文 in the 叙述 tab, below 叙述核对: one line until opened, like it. The editor itself
 * (./ReportTextBody) loads on the first opening, apart from the pane's start-up script, and is
 * then kept (hidden when closed) so unsaved text survives closing it.
 */
import { lazy } from "react";
import type { ReportData } from "../../core/spec";
import type { PaneBackend } from "../adapters/backend";
import { useStrings } from "../language";
import { LazySection } from "./LazySection";

const ReportTextBody = lazy(() => import(/* webpackChunkName: "pane-report-text" */ "./ReportTextBody"));

export interface ReportTextPanelProps {
  backend: PaneBackend;
  data: ReportData;
  announce(text: string): void;
}

export function ReportTextPanel(props: ReportTextPanelProps) {
  const t = useStrings();
  return (
    <LazySection label={t.reportTextTitle} title={t.reportTextTitle} testId="report-text-panel">
      <ReportTextBody {...props} />
    </LazySection>
  );
}
