import { execFileSync } from "node:child_process";
import { join } from "node:path";
import { budget, row, type SectionResult } from "../report";

interface Run {
  lines: number;
  mode: "cold" | "warm";
  ms: number;
  cpuMs: number;
  linesPerSecond: number;
  placed: number;
  rejects: number;
  rssBeforeMb: number;
  maxRssMb: number;
}

/** One worker process (see import-worker.ts); cold runs of the smaller sizes take the median of three processes. */
function measure(lines: number, mode: Run["mode"], processes: number): Run {
  const runs: Run[] = [];
  for (let i = 0; i < processes; i++) {
    const out = execFileSync(process.execPath, ["--import", "tsx", join(__dirname, "../import-worker.ts"), String(lines), mode], {
      cwd: join(__dirname, "../.."),
      maxBuffer: 1 << 20,
    });
    runs.push(JSON.parse(out.toString()) as Run);
  }
  runs.sort((a, b) => a.ms - b.ms);
  return runs[Math.floor(runs.length / 2)];
}

/**
 * Throughput is measured as the other sections measure: on compiled code (warm: untimed imports
 * of the same ledger first, then the median of five). The first import of a fresh process,
 * which also compiles the code, is reported beside it (cold), and its process gives the peak
 * memory.
 */
export function importSection(): SectionResult {
  const rows = [];
  let warm100k: Run | undefined;
  for (const lines of [1_000, 10_000, 100_000]) {
    const cold = measure(lines, "cold", lines >= 100_000 ? 1 : 3);
    const warm = measure(lines, "warm", 1);
    if (lines === 100_000) warm100k = warm;
    rows.push(
      row("import", `${lines} ledger lines: plan (parse, normalise, map), warm`, warm.ms, "ms", `${warm.placed} cells placed, ${warm.rejects} rejected; CPU ${warm.cpuMs.toFixed(0)} ms`),
      row("import", `${lines} ledger lines: throughput, warm`, warm.linesPerSecond, "lines/s"),
      row("import", `${lines} ledger lines: throughput, cold (first import of a process)`, cold.linesPerSecond, "lines/s", `${cold.ms.toFixed(0)} ms; CPU ${cold.cpuMs.toFixed(0)} ms`),
      row("import", `${lines} ledger lines: peak RSS of the cold process`, cold.maxRssMb, "MB", `${cold.rssBeforeMb.toFixed(0)} MB before planning`),
    );
  }
  return {
    rows,
    budgets: [budget("import ≥ 100,000 lines per second (100,000-line ledger, warm)", warm100k!.linesPerSecond >= 100_000, `${warm100k!.linesPerSecond.toFixed(0)} lines/s`)],
  };
}
