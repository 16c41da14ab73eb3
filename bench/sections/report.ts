import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { main } from "../../src/cli/main";
import { bootPreview } from "../../src/preview/boot";
import { exportInPane } from "../../src/taskpane/adapters/report-docx";
import { DICTIONARY } from "../../src/taskpane/i18n";
import { medianMsAsync } from "../measure";
import { budget, row, type SectionResult } from "../report";

const SEED = join(__dirname, "..", "..", "test", "fixtures", "seed-2020.json");
const quiet = { stdout: () => {}, stderr: () => {} };

/** `ziping report` on the 2020 seed workbook, read to written .docx (issue 15: under 1 s). */
export async function reportSection(): Promise<SectionResult> {
  const dir = mkdtempSync(join(tmpdir(), "ziping-bench-report-"));
  try {
    const workbook = join(dir, "seed-2020.xlsx");
    if ((await main(["template", "--data", SEED, "--out", workbook], quiet)) !== 0) throw new Error("template --data failed");
    let n = 0;
    const ms = await medianMsAsync(async () => {
      const code = await main(["report", workbook, "--out", join(dir, `报告${n++}.docx`), "--date", "2021年3月10日"], quiet);
      if (code !== 0) throw new Error("report failed");
    });
    const pane = await paneExportMs();
    return {
      rows: [
        row("report", "ziping report, 2020 seed workbook → .docx", ms, "ms", "read, check, narrate, document plan, docx, write"),
        row("report", "pane 导出报告（Word）, seed on the memory host", pane, "ms", "exportInPane: scored narrative, document plan, docx Blob"),
      ],
      budgets: [
        budget("report for the seed workbook < 1 s", ms < 1000, `${ms.toFixed(0)} ms`),
        budget("the pane's export of the seed report < 2 s", pane < 2000, `${pane.toFixed(0)} ms`),
      ],
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * The pane's 导出报告（Word）: the preview's workbook (the template laid out on the memory host by
 * the add-in's session, the 2020 seed typed in), its live report read once as the pane has it,
 * then what the button runs (exportInPane), the file handed to a save that keeps nothing.
 */
async function paneExportMs(): Promise<number> {
  const { backend } = await bootPreview();
  const report = await backend.session.validate();
  let saved = 0;
  const ms = await medianMsAsync(() =>
    exportInPane({ form: backend.session.form, data: report.data, findings: report.findings, announce: () => {}, save: (blob) => (saved += blob.size) }, DICTIONARY.zh),
  );
  if (saved === 0) throw new Error("the pane's export saved nothing");
  return ms;
}
