/**
 * 导出报告（Word）: the whole 自评报告 as `ziping report` writes it, built in the pane and saved
 * by the browser. Everything but the button is fetched on the first click (adapters/report-docx:
 * the docx library, the writer, the download), so the pane's start-up script does not carry it.
 */
import { Button } from "@fluentui/react-components";
import { useState } from "react";
import { fill } from "../i18n";
import { useStrings } from "../language";
import type { PaneExport } from "../adapters/report-docx";

export default function ExportReport(props: PaneExport) {
  const t = useStrings();
  const [busy, setBusy] = useState(false);
  const run = () => {
    setBusy(true);
    import(/* webpackChunkName: "pane-report" */ "../adapters/report-docx")
      .then((m) => m.exportInPane(props, t))
      .catch((e: unknown) => props.announce(fill(t.reportExportFailed, { reason: e instanceof Error ? e.message : String(e) })))
      .finally(() => setBusy(false));
  };
  return (
    <Button onClick={run} disabled={busy}>
      {t.exportReport}
    </Button>
  );
}
