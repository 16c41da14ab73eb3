import { execFileSync } from "node:child_process";
import { join } from "node:path";
import { budget, row, type SectionResult } from "../report";

interface Run {
  lines: number;
  ms: number;
  linesPerSecond: number;
  placed: number;
  rejects: number;
  rssBeforeMb: number;
  maxRssMb: number;
}

/** Each size in a fresh process (median of three for the smaller sizes), so memory is not shared. */
function measure(lines: number, repeats: number): Run {
  const runs: Run[] = [];
  for (let i = 0; i < repeats; i++) {
    const out = execFileSync(process.execPath, ["--import", "tsx", join(__dirname, "../import-worker.ts"), String(lines)], {
      cwd: join(__dirname, "../.."),
      maxBuffer: 1 << 20,
    });
    runs.push(JSON.parse(out.toString()) as Run);
  }
  runs.sort((a, b) => a.ms - b.ms);
  return runs[Math.floor(runs.length / 2)];
}

export function importSection(): SectionResult {
  const rows = [];
  let at100k: Run | undefined;
  for (const lines of [1_000, 10_000, 100_000]) {
    const r = measure(lines, lines >= 100_000 ? 1 : 3);
    if (lines === 100_000) at100k = r;
    rows.push(
      row("import", `${lines} ledger lines: plan (parse, normalise, map)`, r.ms, "ms", `${r.placed} cells placed, ${r.rejects} rejected`),
      row("import", `${lines} ledger lines: throughput`, r.linesPerSecond, "lines/s"),
      row("import", `${lines} ledger lines: peak RSS of the process`, r.maxRssMb, "MB", `${r.rssBeforeMb.toFixed(0)} MB before planning`),
    );
  }
  return {
    rows,
    budgets: [budget("import ≥ 100,000 lines per second (100,000-line ledger)", at100k!.linesPerSecond >= 100_000, `${at100k!.linesPerSecond.toFixed(0)} lines/s`)],
  };
}
