/**
 * The pane opens on the form the workbook's template was laid out with: the first check reads
 * its ZIPING_FORM marker with the sheets and names (no extra sync), and when the marker names
 * another built-in form the session is switched to it. Only the first report decides, so a form
 * the officer then picks in 模板 is theirs.
 */
import { useEffect, useRef, type Dispatch, type SetStateAction } from "react";
import { builtInFormHeadings } from "../core/spec";
import type { PaneBackend } from "./adapters/backend";
import type { PaneReport } from "./useLiveReport";

export function useMarkedForm(report: PaneReport | undefined, backend: PaneBackend, setBackend: Dispatch<SetStateAction<PaneBackend>>): void {
  const decided = useRef(false);
  useEffect(() => {
    if (decided.current || !report) return;
    decided.current = true;
    const id = report.formMarker?.id;
    if (!id || id === backend.session.form.id || !builtInFormHeadings.some((f) => f.id === id)) return;
    // The form's data loads only now, as when the officer picks it (the start-up script carries the default form).
    void import(/* webpackChunkName: "pane-forms" */ "../core/spec/built-in").then(({ findForm }) => {
      const marked = findForm(id);
      // Unless the officer has meanwhile picked a form of their own.
      if (marked) setBackend((current) => (current === backend ? backend.forForm(marked) : current));
    });
  }, [report, backend, setBackend]);
}
