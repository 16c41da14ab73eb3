/**
 * `ziping check FILE.xlsx|FILE.json|DIR/`: one report, or every report in a folder with one
 * summary table for the 财政局 reviewer. A bad file in a folder is listed with its problem and
 * the others are still checked.
 */
import { readdirSync, statSync } from "node:fs";
import { extname } from "node:path";
import type { FormSpec } from "../../core/spec";
import { loadSource, type ReportSource } from "../source";
import { templateLocator, type Finding } from "../../core/check";
import { priorFindings } from "../../core/prior/check";
import { shown } from "../shown";
import { EXIT_FINDINGS, EXIT_OK, EXIT_UNUSABLE, UsageError } from "../usage-error";
import { checkCommand } from "./check";
import { checkInWorkers, type PoolOptions } from "./folder-pool";
import { displayWidth } from "../../core/plan/widths";

/** Files a folder check reads: workbooks (old formats too, to say what to do with them) and JSON. */
const REPORT_EXTENSIONS = new Set([".xlsx", ".xlsm", ".xls", ".et", ".json"]);

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

export async function checkPath(path: string, extraForms: FormSpec[], json: boolean, pool: PoolOptions = {}, prior?: string): Promise<{ output: string; code: number }> {
  if (isDirectory(path)) {
    if (prior !== undefined) throw new UsageError("check --prior: 一次核对一个文件与其上年文件");
    return checkFolder(path, extraForms, json, pool);
  }
  const source = await loadSource(path, extraForms);
  const extra = prior === undefined ? [] : await againstPrior(source, prior, extraForms);
  return checkCommand(source.form, source.data, path, json, { locate: source.locate, notes: source.notes, extra });
}

/** check --prior: this year's 上年 figures against last year's 本年 ones. */
async function againstPrior(source: ReportSource, prior: string, extraForms: FormSpec[]): Promise<Finding[]> {
  const last = await loadSource(prior, extraForms);
  if (last.form.id !== source.form.id) throw new UsageError(`${prior}: 报表「${last.form.id}」与今年的「${source.form.id}」不同，无法核对上年数`);
  const locate = source.locate ?? templateLocator(source.form, source.data);
  return priorFindings(source.form, source.data, last.data, locate, last.locate ?? templateLocator(last.form, last.data), prior);
}

/** Files to check in a folder: Excel's lock files (~$…) and hidden files are not reports. */
export function reportFiles(dir: string): { files: string[]; skipped: number } {
  const entries = readdirSync(dir, { withFileTypes: true }).filter((e) => e.isFile() && !e.name.startsWith("~$") && !e.name.startsWith("."));
  const files = entries
    .filter((e) => REPORT_EXTENSIONS.has(extname(e.name).toLowerCase()))
    .map((e) => e.name)
    .sort((a, b) => a.localeCompare(b, "zh-CN"));
  return { files, skipped: entries.length - files.length };
}

function pad(text: string, width: number, alignRight = false): string {
  const fill = " ".repeat(Math.max(0, width - displayWidth(text)));
  return alignRight ? fill + text : text + fill;
}

/** A plain-text table with columns aligned for Chinese text. */
export function formatTable(header: string[], rows: string[][], numeric: boolean[]): string {
  const widths = header.map((h, j) => Math.max(displayWidth(h), ...rows.map((r) => displayWidth(r[j] ?? ""))));
  const line = (cells: string[]) =>
    cells
      .map((c, j) => (j === cells.length - 1 ? c : pad(c, widths[j], numeric[j])))
      .join("  ")
      .trimEnd();
  // The last column is left ragged, so its rule is as wide as its heading.
  const rule = widths.map((w, j) => "-".repeat(j === widths.length - 1 ? displayWidth(header[j]) : w));
  return [line(header), line(rule), ...rows.map(line)].join("\n");
}

/**
 * Every report in the folder, each read in a worker of its own (folder-pool.ts): the summary is
 * printed whatever any one file does.
 */
async function checkFolder(dir: string, extraForms: FormSpec[], json: boolean, pool: PoolOptions): Promise<{ output: string; code: number }> {
  const { files, skipped } = reportFiles(dir);
  if (files.length === 0) throw new UsageError(`${dir}: 文件夹中没有 .xlsx 或 .json 文件`);
  const { rows } = await checkInWorkers(dir, files, extraForms, pool);
  const unusable = rows.filter((r) => r.problem !== undefined).length;
  const withErrors = rows.filter((r) => (r.errors ?? 0) > 0).length;
  const code = unusable > 0 ? EXIT_UNUSABLE : withErrors > 0 ? EXIT_FINDINGS : EXIT_OK;
  if (json) {
    return { output: JSON.stringify({ folder: dir, files: rows, unusable, withErrors, skipped }, null, 2), code };
  }
  const table = formatTable(
    ["部门", "错误", "超支", "文件", "说明"],
    rows.map((r) =>
      r.problem !== undefined
        ? ["—", "—", "—", shown(r.file), `无法校验：${shown(r.problem, 1000)}`]
        : [
            r.dept === undefined ? "（未填部门）" : shown(r.dept, 40),
            String(r.errors),
            String(r.warnings),
            shown(r.file),
            // An empty template has no errors, and has not passed either.
            [r.state === "unfilled" ? "尚未填写" : "", r.notes?.length ? `${r.notes.length} 条注意事项` : ""].filter(Boolean).join("；"),
          ],
    ),
    [false, true, true, false, false],
  );
  const summary =
    `${shown(dir)}: 共 ${rows.length} 个文件，${withErrors} 个有错误，` +
    `${rows.filter((r) => (r.warnings ?? 0) > 0).length} 个有超支，` +
    `${rows.filter((r) => r.state === "unfilled").length ? `${rows.filter((r) => r.state === "unfilled").length} 个尚未填写，` : ""}${unusable} 个无法校验` +
    (skipped ? `（另有 ${skipped} 个其他文件未校验）` : "") +
    "。逐个查看：ziping check 文件名";
  return { output: `${table}\n\n${summary}`, code };
}
