import { existsSync, statSync } from "node:fs";
import { dirname, extname } from "node:path";
import { buildLayoutPlan } from "../../core/plan/layout";
import { builtInScoringLayout } from "../../core/plan/built-in-scoring";
import type { FormSpec, ListEntry, ReportData } from "../../core/spec";
import { scoredNarrative } from "../scored-narrative";
import { narrativeLines } from "../../core/plan/narrative-lines";
import { fillNarrative, fillValues, plannedFieldCells } from "../../hosts/xlsx/fill";
import { buildWorkbook, cacheFormulaResults, fitWrappedRows, plannedNames, workbookBytes } from "../../hosts/xlsx/write";
import { carriedLists, carryForward } from "../../core/prior/carry";
import { writeFileAtomically } from "../atomic-write";
import { UsageError } from "../usage-error";

export interface TemplateOptions {
  out: string;
  year?: string;
  dept?: string;
  /** Names of the reporting units (局机关, 二级机构…), one row each in every per-unit table. */
  units?: string[];
  /** Lay out for these lists and fill in these values (a data file exported as a workbook). */
  data?: ReportData;
  force?: boolean;
}

/**
 * template --prior: this year's data from last year's — its lists (units, budget units) unless a
 * data file gives them, the 上年 figures, copied fields and prose drafts (carryForward).
 */
export function priorTemplateData(form: FormSpec, last: ReportData, data?: ReportData): ReportData {
  const current: ReportData = { form: form.id, lists: data?.lists ?? carriedLists(form, last), values: { ...data?.values } };
  for (const c of carryForward(form, last, current)) current.values[c.fieldId] = c.value;
  return current;
}

/** The year after last year's report year, when it has one. */
export function nextYear(last: ReportData): string | undefined {
  const year = String(last.values["report.year"] ?? "");
  return /^\d{4}$/.test(year) ? String(Number(year) + 1) : undefined;
}

/** "局机关,科技信息管理办公室" or with Chinese commas/顿号; blanks dropped, repeats refused. */
export function parseUnits(text: string): string[] {
  const units = text
    .split(/[,，、;；]/)
    .map((u) => u.trim())
    .filter(Boolean);
  const seen = new Set<string>();
  for (const u of units) {
    if (seen.has(u)) throw new UsageError(`--units: 单位“${u}”重复`);
    seen.add(u);
  }
  if (units.length === 0) throw new UsageError("--units: 至少给出一个单位名称，如 --units 局机关,二级机构");
  return units;
}

function checkOut(out: string, force: boolean): void {
  if (extname(out).toLowerCase() !== ".xlsx") throw new UsageError(`${out}: 模板文件名应以 .xlsx 结尾`);
  const dir = dirname(out);
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new UsageError(`${out}: 文件夹 ${dir} 不存在`);
  if (existsSync(out) && !force) {
    throw new UsageError(`${out}: 文件已存在，未覆盖（可能是已填写的自评表）；换一个文件名，或加 --force 覆盖`);
  }
}

/** Lays out the form as an .xlsx template that checks itself with its own formulas. */
export async function templateCommand(form: FormSpec, options: TemplateOptions): Promise<string> {
  checkOut(options.out, options.force ?? false);
  if (options.year !== undefined && !/^\d{4}$/.test(options.year)) throw new UsageError(`--year: 应为四位年份，如 2025（得到“${options.year}”）`);
  if (options.units && options.data) throw new UsageError("template: --units 与 --data 只能给一个（单位取自数据文件的 lists.units）");
  const lists: Record<string, ListEntry[]> = { ...options.data?.lists };
  if (options.units) lists.units = options.units.map((name) => ({ name }));
  const scoring = builtInScoringLayout(form.id);
  const plan = buildLayoutPlan(form, lists, {
    ...(options.year !== undefined ? { year: options.year } : {}),
    ...(options.dept !== undefined ? { dept: options.dept } : {}),
    ...(scoring ? { scoring } : {}),
  });
  const workbook = buildWorkbook(plan);
  if (options.data) {
    const data = { ...options.data, lists };
    fillValues(workbook, form, data, plannedFieldCells(plan));
    fillNarrative(workbook, plan, narrativeLines(scoredNarrative(form, data)));
  }
  cacheFormulaResults(workbook);
  fitWrappedRows(workbook, plan);
  const bytes = await workbookBytes(workbook, plannedNames(plan));
  await writeFileAtomically(options.out, bytes);
  const units = lists.units?.length ? `，${lists.units.length} 个单位` : "";
  return `已生成模板 ${options.out}（${form.title}，${plan.sheets.length} 张工作表${units}）。黄色格为填报格，蓝色格为公式；填好后用 ziping check ${options.out} 校验。`;
}
