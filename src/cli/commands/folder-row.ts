/**
 * One report of a folder check: read and checked, its counts for the summary table, or why it
 * could not be checked. Runs inside a folder worker (folder-worker.ts), one file at a time.
 */
import { join } from "node:path";
import { checkReport, type CheckState } from "../../core/check";
import { rawText, type FormSpec } from "../../core/spec";
import { loadSource } from "../source";
import { summarize } from "./check";

export interface FolderRow {
  file: string;
  dept?: string;
  errors?: number;
  warnings?: number;
  notices?: number;
  /** 尚未填写 and the like, from the core (absent when the file could not be read). */
  state?: CheckState;
  /** Why the file could not be checked. */
  problem?: string;
  notes?: string[];
}

export async function checkOne(dir: string, name: string, extraForms: FormSpec[]): Promise<FolderRow> {
  const path = join(dir, name);
  try {
    const source = await loadSource(path, extraForms);
    const report = checkReport(source.form, source.data, ...(source.locate ? [source.locate] : []));
    const dept = rawText(source.data.values["report.dept"]);
    return {
      file: name,
      dept: dept === null ? undefined : String(dept).trim() || undefined,
      state: report.state,
      ...summarize(report.findings),
      ...(source.notes.length ? { notes: source.notes } : {}),
    };
  } catch (e) {
    // The message names the path; in the table the file is its own column.
    const message = (e as Error).message;
    return { file: name, problem: message.startsWith(`${path}: `) ? message.slice(path.length + 2) : message };
  }
}
