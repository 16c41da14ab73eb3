/**
 * One import measurement in its own process, so its peak memory is its own:
 * `node --import tsx bench/import-worker.ts LINES` prints { lines, ms, cpuMs, linesPerSecond, maxRssMb, heapAfterMb }.
 */
import { importLedger } from "../src/core/importer";
import { makeLedgerText } from "../test/core/importer/ledger-text";

const lines = Number(process.argv[2]);
const { text } = makeLedgerText(lines);
const rssBefore = process.memoryUsage().rss;
const cpu0 = process.cpuUsage();
const t0 = performance.now();
const plan = importLedger(text);
const ms = performance.now() - t0;
const cpu = process.cpuUsage(cpu0);
const placed = plan.writes.length + plan.totals.length + plan.details.length;
process.stdout.write(
  JSON.stringify({
    lines,
    ms,
    /** CPU time of all the process's threads (the collector's helpers too), for telling a slow machine from slow code. */
    cpuMs: (cpu.user + cpu.system) / 1000,
    linesPerSecond: (lines / ms) * 1000,
    placed,
    rejects: plan.rejects.length,
    rssBeforeMb: rssBefore / 2 ** 20,
    maxRssMb: process.resourceUsage().maxRSS / 1024,
    heapAfterMb: process.memoryUsage().heapUsed / 2 ** 20,
  }),
);
