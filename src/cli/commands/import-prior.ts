/**
 * `ziping import 去年.xlsx --prior --into 今年.xlsx|今年.json [--apply]`: carries last year's
 * workbook into this year's — the 上年 figures from last year's 本年 ones, the fields copied as
 * they were, last year's prose as drafts marked 沿用上年 — into cells this year's leaves empty.
 * Without --apply it lists what would be written, from which cell of last year's workbook.
 */
import { existsSync } from "node:fs";
import { cellInput, inputValue } from "../../core/excel/cell-input";
import { templateLocator } from "../../core/check";
import { carryForward, type CarriedValue } from "../../core/prior/carry";
import { expandFields, type FormSpec, type ReportData } from "../../core/spec";
import type { CellWrite } from "../../hosts/xlsx/patch";
import { writeFileAtomically } from "../atomic-write";
import { loadReportData } from "../load-data";
import { shown } from "../shown";
import { loadSource } from "../source";
import { EXIT_OK, UsageError } from "../usage-error";
import { openTarget, workbookWith } from "./import-workbook";

export interface PriorImportArgs {
  /** Last year's workbook or data file. */
  from: string;
  into: string;
  apply: boolean;
  json: boolean;
  forms: FormSpec[];
}

const WHY = { prior: "上年数", copy: "沿用", draft: "草稿（沿用上年）" } as const;

function printed(carried: CarriedValue[], args: PriorImportArgs, where: (id: string) => string, fromWhere: (id: string) => string, applied: boolean): string {
  const lines = [`上年导入：${shown(args.from)} → ${shown(args.into)}`];
  for (const c of carried) {
    const text = String(c.value).split(/\r?\n/)[0];
    lines.push(`${where(c.fieldId)}  ${WHY[c.why]}  ${shown(text.length > 30 ? `${text.slice(0, 30)}…` : text)}  ← ${fromWhere(c.from)}`);
  }
  if (carried.length === 0) lines.push("没有可导入的内容（上年数与文字在今年的表中均已填写，或上年的表中为空）。");
  const drafts = carried.filter((c) => c.why === "draft").length;
  lines.push(
    applied
      ? `已写入 ${shown(args.into)}：${carried.length} 格${drafts ? `，其中 ${drafts} 段文字以“【沿用上年】”开头，修改后请删去此标记` : ""}。`
      : `共 ${carried.length} 格；加 --apply 写入（今年已填的格不会被改动）。`,
  );
  return lines.join("\n");
}

export async function importPriorCommand(args: PriorImportArgs): Promise<{ output: string; code: number }> {
  const last = await loadSource(args.from, args.forms);
  const fromWhere = (id: string) => `${args.from} ${(last.locate ?? templateLocator(last.form, last.data))(id)}`;
  if (/\.xlsx$/i.test(args.into)) {
    const { book, report } = await openTarget(args.into, args.forms);
    if (report.form.id !== last.form.id) throw new UsageError(`${args.from}: 报表「${last.form.id}」与 ${args.into} 的「${report.form.id}」不同，无法导入上年数`);
    const carried = carryForward(report.form, last.data, report.data).filter((c) => report.addresses.has(c.fieldId));
    if (args.apply && carried.length) {
      const fields = new Map(expandFields(report.form, report.data.lists).map((f) => [f.id, f]));
      const writes: CellWrite[] = carried.map((c) => ({ address: report.addresses.get(c.fieldId)!, content: inputValue(cellInput(fields.get(c.fieldId), c.value)) }));
      await writeFileAtomically(args.into, await workbookWith(book, writes));
    }
    return result(carried, args, (id) => report.addresses.get(id)!, fromWhere);
  }
  if (!/\.json$/i.test(args.into)) throw new UsageError(`import --prior: --into 应为 .xlsx 工作簿或 .json 数据文件，收到“${args.into}”`);
  const current: { form: FormSpec; data: ReportData } = existsSync(args.into)
    ? loadReportData(args.into, args.forms)
    : { form: last.form, data: { form: last.form.id, lists: structuredClone(last.data.lists), values: {} } };
  const carried = carryForward(current.form, last.data, current.data);
  if (args.apply) {
    const values = { ...current.data.values, ...Object.fromEntries(carried.map((c) => [c.fieldId, c.value])) };
    await writeFileAtomically(args.into, `${JSON.stringify({ ...current.data, values }, null, 2)}\n`);
  }
  return result(carried, args, templateLocator(current.form, current.data), fromWhere);
}

function result(carried: CarriedValue[], args: PriorImportArgs, where: (id: string) => string, fromWhere: (id: string) => string): { output: string; code: number } {
  if (args.json) return { output: JSON.stringify({ from: args.from, into: args.into, applied: args.apply, carried }, null, 2), code: EXIT_OK };
  return { output: printed(carried, args, where, fromWhere, args.apply), code: EXIT_OK };
}
