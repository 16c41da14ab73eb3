/**
 * One import measurement in its own process, so its peak memory is its own:
 * `node --import tsx bench/import-worker.ts LINES` prints { lines, ms, linesPerSecond, maxRssMb, heapAfterMb }.
 */
import { importLedger } from "../src/core/importer";
import { makeLedgerText } from "../test/core/importer/ledger-text";

const lines = Number(process.argv[2]);
const { text } = makeLedgerText(lines);
const rssBefore = process.memoryUsage().rss;
const t0 = performance.now();
const plan = importLedger(text);
const ms = performance.now() - t0;
const placed = plan.writes.length + plan.totals.length + plan.details.length;
process.stdout.write(
  JSON.stringify({
    lines,
    ms,
    linesPerSecond: (lines / ms) * 1000,
    placed,
    rejects: plan.rejects.length,
    rssBeforeMb: rssBefore / 2 ** 20,
    maxRssMb: process.resourceUsage().maxRSS / 1024,
    heapAfterMb: process.memoryUsage().heapUsed / 2 ** 20,
  }),
);
