/**
 * `npm run bench`: ZiPing's performance measurements and budgets (issue 8). Prints a table of
 * medians and whether each budget holds, writes bench/results.json, and exits 1 when a budget
 * is missed. Never part of `npm test`: tests do not time anything.
 *
 *   npm run bench                 every section
 *   npm run bench -- core live    only the named sections (import, core, live, bundle, preview, province, report)
 */
import { writeFileSync } from "node:fs";
import { cpus, loadavg } from "node:os";
import { join } from "node:path";
import { formatTable, type SectionResult } from "./report";
import { bundleSection } from "./sections/bundle";
import { coreSection } from "./sections/core";
import { importSection } from "./sections/import";
import { liveSection } from "./sections/live";
import { previewSection } from "./sections/preview";
import { provinceSection } from "./sections/province";
import { reportSection } from "./sections/report";

/**
 * Import runs first: its worker processes share the machine's cores with this process, whose
 * collector would otherwise still be sweeping the heap the live section grew (a 2,000-unit
 * workbook) while they are timed.
 */
const SECTIONS: Record<string, () => SectionResult | Promise<SectionResult>> = {
  import: importSection,
  core: coreSection,
  live: () => liveSection([2, 20, 200, 2000]),
  bundle: bundleSection,
  preview: previewSection,
  province: provinceSection,
  report: reportSection,
};

async function main(): Promise<number> {
  const asked = process.argv.slice(2).filter((a) => !a.startsWith("-"));
  const unknown = asked.filter((a) => !(a in SECTIONS));
  if (unknown.length) {
    process.stderr.write(`bench: unknown section ${unknown.join(", ")}; choose from ${Object.keys(SECTIONS).join(", ")}\n`);
    return 2;
  }
  const names = asked.length ? asked : Object.keys(SECTIONS);
  const machine = `${cpus().length} × ${cpus()[0]?.model ?? "cpu"}, node ${process.version}, load ${loadavg().map((l) => l.toFixed(2)).join(" ")}`;
  process.stdout.write(`ZiPing benchmark — ${machine}\n\n`);
  const results: Record<string, SectionResult> = {};
  for (const name of names) {
    const started = performance.now();
    process.stdout.write(`running ${name}…\n`);
    results[name] = await SECTIONS[name]();
    process.stdout.write(`  ${name} took ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
  }
  const rows = Object.values(results).flatMap((r) => r.rows);
  const budgets = Object.values(results).flatMap((r) => r.budgets);
  process.stdout.write(`\n${formatTable(rows)}\n\nBudgets:\n`);
  for (const b of budgets) process.stdout.write(`  ${b.holds ? "HOLDS " : "MISSED"}  ${b.name}: ${b.detail}\n`);
  writeFileSync(join(__dirname, "results.json"), JSON.stringify({ machine, date: new Date().toISOString(), rows, budgets }, null, 2));
  process.stdout.write(`\nwritten to bench/results.json\n`);
  const missed = budgets.filter((b) => !b.holds);
  if (missed.length) process.stdout.write(`${missed.length} budget(s) missed: ${missed.map((b) => b.name).join("; ")}\n`);
  return missed.length ? 1 : 0;
}

main().then(
  (code) => (process.exitCode = code),
  (e) => {
    process.stderr.write(`bench: ${(e as Error).stack ?? e}\n`);
    process.exitCode = 2;
  },
);
