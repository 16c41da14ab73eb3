/**
 * Everything the pane talks to: the Office host's session (Excel.run inside Excel, the
 * in-memory workbook's run in the preview), 报告综述 included. The pane's components receive it
 * as a prop and never reach Office.js or the hosts themselves.
 *
 * The narrative is not built by the session (`SessionOptions.narrate`): the 叙述 tab builds it
 * from each report's values with the officer's wording choices, which change without a new read.
 */
import type { FormSpec } from "../../core/spec/types";
import { createZiPingSession, type ExcelRun, type ZiPingSession } from "../../hosts/office";

/** The pane reads no narrative from the session's reports, so it is agnostic of their type. */
export type PaneSession = ZiPingSession<unknown>;

export interface PaneBackend {
  session: PaneSession;
  /** The same workbook with a session for another form (the 模板 tab's form picker). */
  forForm(form: FormSpec): PaneBackend;
}

export function createBackend(run: ExcelRun, form?: FormSpec): PaneBackend {
  return { session: createZiPingSession(run, { narrate: null, form }), forForm: (other) => createBackend(run, other) };
}
