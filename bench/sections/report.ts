import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { main } from "../../src/cli/main";
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
    return {
      rows: [row("report", "ziping report, 2020 seed workbook → .docx", ms, "ms", "read, check, narrate, document plan, docx, write")],
      budgets: [budget("report for the seed workbook < 1 s", ms < 1000, `${ms.toFixed(0)} ms`)],
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
