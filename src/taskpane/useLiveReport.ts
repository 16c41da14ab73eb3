/** The latest live validation report of the session (undefined until the first one). */
import { useEffect, useState } from "react";
import type { ValidationReport } from "../hosts/office";
import type { PaneSession } from "./adapters/backend";

export type PaneReport = ValidationReport<unknown>;

export interface LiveState {
  report?: PaneReport;
  /** Live validation could not start (a programming error: workbook problems come in reports). */
  failure?: string;
}

export function useLiveReport(session: PaneSession): LiveState {
  const [state, setState] = useState<LiveState>({});
  useEffect(() => {
    let stopped = false;
    let stop: (() => Promise<void>) | undefined;
    session
      .startLiveValidation((report) => {
        if (!stopped) setState({ report });
      })
      .then((live) => {
        stop = () => live.stop();
        if (stopped) void live.stop();
      })
      .catch((error: unknown) => {
        if (!stopped) setState({ failure: error instanceof Error ? error.message : String(error) });
      });
    return () => {
      stopped = true;
      void stop?.();
    };
  }, [session]);
  return state;
}
