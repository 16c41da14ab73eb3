/**
 * 报告正文 in the 叙述 tab, below 叙述核对: one line until opened, like it. The editor itself
 * (./ReportTextBody) loads on the first opening, apart from the pane's start-up script, and is
 * then kept (hidden when closed) so unsaved text survives closing it.
 */
import { makeStyles, tokens } from "@fluentui/react-components";
import { Suspense, lazy, useState } from "react";
import type { ReportData } from "../../core/spec";
import type { PaneBackend } from "../adapters/backend";
import { useStrings } from "../language";
import { Busy } from "./Busy";
import { Disclosure } from "./Disclosure";

const ReportTextBody = lazy(() => import(/* webpackChunkName: "pane-report-text" */ "./ReportTextBody"));

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
});

export interface ReportTextPanelProps {
  backend: PaneBackend;
  data: ReportData;
  announce(text: string): void;
}

export function ReportTextPanel(props: ReportTextPanelProps) {
  const styles = useStyles();
  const t = useStrings();
  const [open, setOpen] = useState(false);
  const [opened, setOpened] = useState(false);
  return (
    <section className={styles.root} aria-label={t.reportTextTitle} data-testid="report-text-panel">
      <Disclosure
        level={2}
        title={t.reportTextTitle}
        open={open}
        onToggle={() => {
          setOpen(!open);
          setOpened(true);
        }}
      >
        {opened && (
          <Suspense fallback={<Busy label={t.loadingTab} />}>
            <ReportTextBody {...props} />
          </Suspense>
        )}
      </Disclosure>
    </section>
  );
}
