/**
 * The reference the province figures are stated against, measured in the same run:
 *   `node --import tsx bench/province-reference.ts DIR FILES` reads and checks the first FILES
 *   reports of DIR in this one process twice over, file by file in turn — once as `check` reads a
 *   workbook now (its cells straight from the package), once as it read one before (loaded into
 *   ExcelJS) — so both meet the same machine at the same moments.
 * Prints { files, packageCpuMs, excelJsCpuMs } (CPU per workbook, after a warm-up).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { checkReport, templateLocator } from "../src/core/check";
import { FORM_MARKER_NAME } from "../src/core/plan/names";
import { builtInForms } from "../src/core/spec/built-in";
import { loadIntoExcelJs, openWorkbook } from "../src/hosts/xlsx/open";
import type { WorkbookCells } from "../src/hosts/xlsx/package-cells";
import { readReport, recogniseForm } from "../src/hosts/xlsx/report";
import { reportFiles } from "../src/cli/commands/workbook";
import { excelJsCells } from "../test/hosts/xlsx/exceljs-cells";

async function checkFile(path: string, exceljs: boolean): Promise<number> {
  const bytes = readFileSync(path);
  const book = await openWorkbook(path, FORM_MARKER_NAME, bytes);
  const form = recogniseForm(book, builtInForms);
  const cells: WorkbookCells = exceljs ? excelJsCells(await loadIntoExcelJs(book, bytes)) : book.cells;
  const report = readReport(book, form, cells);
  const laidOut = templateLocator(form, report.data);
  return checkReport(form, report.data, (id) => report.addresses.get(id) ?? laidOut(id)).findings.length;
}

const cpuMs = () => {
  const c = process.cpuUsage();
  return (c.user + c.system) / 1000;
};

async function main(): Promise<void> {
  const [dir, limitText] = process.argv.slice(2);
  const files = reportFiles(dir).files.filter((f) => f.endsWith(".xlsx") && !f.includes("坏")).slice(0, Number(limitText));
  for (const f of files.slice(0, 10)) for (const exceljs of [false, true]) await checkFile(join(dir, f), exceljs);
  let ours = 0;
  let theirs = 0;
  for (const f of files) {
    let t = cpuMs();
    const a = await checkFile(join(dir, f), false);
    ours += cpuMs() - t;
    t = cpuMs();
    const b = await checkFile(join(dir, f), true);
    theirs += cpuMs() - t;
    if (a !== b) throw new Error(`${f}: ${a} findings read from the package, ${b} through ExcelJS`);
  }
  process.stdout.write(JSON.stringify({ files: files.length, packageCpuMs: ours / files.length, excelJsCpuMs: theirs / files.length }));
}

void main();
