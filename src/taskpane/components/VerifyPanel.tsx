/**
 * 叙述核对 at the top of the 叙述 tab: its own heading, one line until opened, above the
 * generated paragraphs rather than buried below them. What it does is ./VerifyBody, loaded with
 * the checker (about 10 KB gzipped) when the officer first opens it, not with the pane.
 */
import { makeStyles, tokens } from "@fluentui/react-components";
import { Suspense, lazy, useState } from "react";
import type { ReportData } from "../../core/spec";
import type { PaneBackend } from "../adapters/backend";
import { useStrings } from "../language";
import { Busy } from "./Busy";
import { Disclosure } from "./Disclosure";

const VerifyBody = lazy(() => import(/* webpackChunkName: "pane-verify" */ "./VerifyBody"));

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
});

export interface VerifyPanelProps {
  backend: PaneBackend;
  data: ReportData;
  onSelect(address: string): void;
  announce(text: string): void;
}

export function VerifyPanel(props: VerifyPanelProps) {
  const styles = useStyles();
  const t = useStrings();
  const [open, setOpen] = useState(false);
  // Mounted on the first opening and then kept (hidden when closed), so the text survives.
  const [opened, setOpened] = useState(false);
  return (
    <section className={styles.root} aria-label={t.verifyTitle} data-testid="verify">
      <Disclosure
        level={2}
        title={t.verifyOpen}
        open={open}
        onToggle={() => {
          setOpen(!open);
          setOpened(true);
        }}
      >
        {opened && (
          <Suspense fallback={<Busy label={t.loadingTab} />}>
            <VerifyBody {...props} />
          </Suspense>
        )}
      </Disclosure>
    </section>
  );
}
