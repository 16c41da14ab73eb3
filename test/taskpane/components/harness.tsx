/**
 * The pane's components on the in-memory workbook: the same session the preview page uses (the
 * Office host over the memory host), with timers the test fires by hand, and a status line that
 * shows what the component announced, as the pane's own does.
 */
import "../../support/dom";
import { render } from "@testing-library/react";
import { useCallback, useState, type ReactNode } from "react";
import type { ReportData } from "../../../src/core/spec";
import type { FormSpec } from "../../../src/core/spec/types";
import { createMemoryWorkbook, type MemoryWorkbook } from "../../../src/hosts/memory";
import { createZiPingSession, type ExcelRun } from "../../../src/hosts/office";
import type { PaneBackend } from "../../../src/taskpane/adapters/backend";
import { PaneRoot } from "../../../src/taskpane/mount";
import { useLiveReport, type LiveState } from "../../../src/taskpane/useLiveReport";
import { ManualTimers, layOut, seed, typeReport } from "../../hosts/office/helpers";

export { seed };

export interface Env {
  wb: MemoryWorkbook;
  backend: PaneBackend;
  timers: ManualTimers;
}

/** A workbook: blank (no template), the empty template, or the template with a report typed in. */
export async function workbook(content: "blank" | "template" | ReportData = seed, run?: (wb: MemoryWorkbook) => ExcelRun): Promise<Env> {
  const wb = createMemoryWorkbook();
  const timers = new ManualTimers();
  const backendFor = (form?: FormSpec): PaneBackend => ({
    session: createZiPingSession(run ? run(wb) : wb.run, { narrate: null, timers, apiSupport: () => true, form }),
    forForm: backendFor,
  });
  const env = { wb, backend: backendFor(), timers };
  const { session } = env.backend;
  if (content === "blank") return env;
  const data = content === "template" ? { ...seed, values: {} } : content;
  await layOut(session, data.lists);
  if (content !== "template") typeReport(wb, data);
  return env;
}

/** Renders `view` with the live report of the backend's session and the announce line. */
export function renderLive(backend: PaneBackend, view: (live: LiveState, announce: (text: string) => void) => ReactNode) {
  function Harness() {
    const live = useLiveReport(backend.session);
    const [status, setStatus] = useState("");
    const announce = useCallback((text: string) => setStatus(text), []);
    return (
      <>
        {view(live, announce)}
        <p role="status">{status}</p>
      </>
    );
  }
  return render(
    <PaneRoot>
      <Harness />
    </PaneRoot>,
  );
}

/** The officer's edit reaches the pane as Excel's would: the change event, then the debounce elapsing. */
export async function edit(env: Env, sheet: string, address: string, value: string): Promise<void> {
  env.wb.userEdit(sheet, address, [[value]]);
  await env.wb.settle();
  env.timers.fire();
}
