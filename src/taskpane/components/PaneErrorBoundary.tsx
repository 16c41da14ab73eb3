/**
 * The pane's last line of defence. A rendering error anywhere below would otherwise leave the
 * officer a blank pane; this shows what happened in Chinese, that the workbook is untouched, and
 * a way to reload (React itself logs the error for the webview's developer tools). A promise
 * that fails with nobody awaiting it (an action's unexpected Office.js error) is shown the same
 * way, without unmounting the pane.
 */
import { Button } from "@fluentui/react-components";
import { Component, useEffect, useState, type ReactNode } from "react";
import { fill } from "../i18n";
import { useStrings } from "../language";
import { Notice, NoticeActions, NoticeBody, NoticeTitle } from "./Notice";

function reasonOf(error: unknown): string {
  if (error instanceof Error) return error.message || error.name;
  return typeof error === "string" && error ? error : String(error);
}

function reloadPage(): void {
  window.location.reload();
}

export interface PaneErrorBoundaryProps {
  children: ReactNode;
  /** How to reload (the page by default; tests pass a spy). */
  reload?: () => void;
}

/** `reason` is set once something below threw while rendering (even `throw undefined`). */
interface BoundaryState {
  reason?: string;
}

export class PaneErrorBoundary extends Component<PaneErrorBoundaryProps, BoundaryState> {
  override state: BoundaryState = {};

  static getDerivedStateFromError(error: unknown): BoundaryState {
    return { reason: reasonOf(error) };
  }

  override render(): ReactNode {
    if (this.state.reason === undefined) return this.props.children;
    return <PaneCrashed reason={this.state.reason} reload={this.props.reload ?? reloadPage} />;
  }
}

function PaneCrashed({ reason, reload }: { reason: string; reload: () => void }) {
  const t = useStrings();
  return (
    <Notice intent="error" role="alert" data-testid="pane-crashed">
      <NoticeBody>
        <NoticeTitle>{t.crashTitle}</NoticeTitle>
        <p>{t.crashBody}</p>
        <p>{fill(t.crashDetail, { reason })}</p>
      </NoticeBody>
      <NoticeActions>
        <Button appearance="primary" onClick={reload}>
          {t.reload}
        </Button>
      </NoticeActions>
    </Notice>
  );
}

/** The latest promise rejection nobody handled, shown above the pane until dismissed. */
export function UnhandledRejections({ reload = reloadPage }: { reload?: () => void }) {
  const t = useStrings();
  const [reason, setReason] = useState<string>();
  useEffect(() => {
    const onRejection = (event: PromiseRejectionEvent) => setReason(reasonOf(event.reason));
    window.addEventListener("unhandledrejection", onRejection);
    return () => window.removeEventListener("unhandledrejection", onRejection);
  }, []);
  if (reason === undefined) return null;
  return (
    <Notice intent="error" role="alert" data-testid="unhandled-rejection">
      <NoticeBody>
        <NoticeTitle>{t.rejectionTitle}</NoticeTitle>
        {fill(t.rejectionBody, { reason })}
      </NoticeBody>
      <NoticeActions>
        <Button onClick={() => setReason(undefined)}>{t.dismiss}</Button>
        <Button appearance="primary" onClick={reload}>
          {t.reload}
        </Button>
      </NoticeActions>
    </Notice>
  );
}
