/**
 * One import measurement in its own process, so its peak memory is its own:
 *   `node --import tsx bench/import-worker.ts LINES cold` times the first import the process
 *   makes (what a one-off `ziping import` pays, compiling the code as it goes);
 *   `node --import tsx bench/import-worker.ts LINES warm` imports the same ledger first, untimed,
 *   at least twice and until 200,000 lines have gone through (so the code is compiled for a
 *   small ledger too), then times five imports and reports their median, as the other sections
 *   measure the code once it is compiled.
 * Prints { lines, mode, ms, cpuMs, linesPerSecond, placed, rejects, rssBeforeMb, maxRssMb, heapAfterMb }.
 */
import { importLedger } from "../src/core/importer";
import { makeLedgerText } from "../test/core/importer/ledger-text";

const lines = Number(process.argv[2]);
const mode = process.argv[3] === "warm" ? "warm" : "cold";
const { text } = makeLedgerText(lines);

const WARM_UPS = Math.max(2, Math.ceil(200_000 / lines));
const TIMED_RUNS = 5;
if (mode === "warm") for (let i = 0; i < WARM_UPS; i++) importLedger(text);

const rssBefore = process.memoryUsage().rss;
const runs: Array<{ ms: number; cpuMs: number; placed: number; rejects: number }> = [];
for (let i = 0; i < (mode === "warm" ? TIMED_RUNS : 1); i++) {
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const plan = importLedger(text);
  const ms = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  // CPU time of all the process's threads (the collector's helpers too), for telling a slow
  // machine from slow code. The plan is let go before the next run.
  runs.push({ ms, cpuMs: (cpu.user + cpu.system) / 1000, placed: plan.writes.length + plan.totals.length + plan.details.length, rejects: plan.rejects.length });
}
runs.sort((a, b) => a.ms - b.ms);
const median = runs[Math.floor(runs.length / 2)];
process.stdout.write(
  JSON.stringify({
    lines,
    mode,
    ms: median.ms,
    cpuMs: median.cpuMs,
    linesPerSecond: (lines / median.ms) * 1000,
    placed: median.placed,
    rejects: median.rejects,
    rssBeforeMb: rssBefore / 2 ** 20,
    maxRssMb: process.resourceUsage().maxRSS / 1024,
    heapAfterMb: process.memoryUsage().heapUsed / 2 ** 20,
  }),
);
