/**
 * A section of a tab that is one line until opened (its heading a disclosure button), whose body
 * is a lazily loaded component: fetched on the first opening, not with the pane, then kept
 * (hidden when closed) so what was typed in it survives closing. 叙述核对 and 报告正文 are two.
 */
import { makeStyles, tokens } from "@fluentui/react-components";
import { Suspense, useState, type ReactNode } from "react";
import { useStrings } from "../language";
import { Busy } from "./Busy";
import { Disclosure } from "./Disclosure";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
});

export interface LazySectionProps {
  /** The section's name for assistive technology. */
  label: string;
  /** The disclosure heading's text. */
  title: string;
  testId: string;
  /** The body: a React.lazy component's element, rendered (and so loaded) on the first opening. */
  children: ReactNode;
}

export function LazySection({ label, title, testId, children }: LazySectionProps) {
  const styles = useStyles();
  const t = useStrings();
  const [open, setOpen] = useState(false);
  const [opened, setOpened] = useState(false);
  return (
    <section className={styles.root} aria-label={label} data-testid={testId}>
      <Disclosure
        level={2}
        title={title}
        open={open}
        onToggle={() => {
          setOpen(!open);
          setOpened(true);
        }}
      >
        {opened && <Suspense fallback={<Busy label={t.loadingTab} />}>{children}</Suspense>}
      </Disclosure>
    </section>
  );
}
