/**
 * 叙述核对 at the top of the 叙述 tab: its own heading, one line until opened, above the
 * generated paragraphs rather than buried below them. What it does is ./VerifyBody, loaded with
 * the checker (about 10 KB gzipped) when the officer first opens it, not with the pane.
 */
import { lazy } from "react";
import type { ReportData } from "../../core/spec";
import type { PaneBackend } from "../adapters/backend";
import { useStrings } from "../language";
import { LazySection } from "./LazySection";

const VerifyBody = lazy(() => import(/* webpackChunkName: "pane-verify" */ "./VerifyBody"));

export interface VerifyPanelProps {
  backend: PaneBackend;
  data: ReportData;
  onSelect(address: string): void;
  announce(text: string): void;
}

export function VerifyPanel(props: VerifyPanelProps) {
  const t = useStrings();
  return (
    <LazySection label={t.verifyTitle} title={t.verifyOpen} testId="verify">
      <VerifyBody {...props} />
    </LazySection>
  );
}
