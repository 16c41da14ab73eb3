import { existsSync, statSync } from "node:fs";
import { dirname, extname } from "node:path";
import { checkReport, type Locate } from "../../core/check";
import { scoredNarrative } from "../scored-narrative";
import { buildDocumentPlan } from "../../core/plan/document";
import type { FormSpec, ReportData } from "../../core/spec";
import { documentBytes } from "../../hosts/docx/write";
import { writeFileAtomically } from "../atomic-write";
import { UsageError } from "../usage-error";

export interface ReportRequest {
  out: string;
  /** Leave out the last page 校验提示 (errors still open). */
  noFindings: boolean;
  /** 报告日期 on the cover; default today. */
  date?: string;
  force: boolean;
  locate?: Locate;
}

/** Today as a report date is written: 2021年3月10日. */
export function reportDate(now = new Date()): string {
  return `${now.getFullYear()}年${now.getMonth() + 1}月${now.getDate()}日`;
}

function checkOut(out: string, force: boolean): void {
  if (extname(out).toLowerCase() !== ".docx") throw new UsageError(`${out}: 报告文件名应以 .docx 结尾`);
  const dir = dirname(out);
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new UsageError(`${out}: 文件夹 ${dir} 不存在`);
  if (existsSync(out) && !force) throw new UsageError(`${out}: 文件已存在，未覆盖；换一个文件名，或加 --force 覆盖`);
}

/** Writes the whole 自评报告 as a Word document; returns the line to print. */
export async function reportCommand(form: FormSpec, data: ReportData, request: ReportRequest): Promise<string> {
  checkOut(request.out, request.force);
  const findings = request.noFindings ? undefined : (request.locate ? checkReport(form, data, request.locate) : checkReport(form, data)).findings;
  const plan = buildDocumentPlan({ form, data, narrative: scoredNarrative(form, data), date: request.date ?? reportDate(), ...(findings ? { findings } : {}) });
  await writeFileAtomically(request.out, await documentBytes(plan));
  const tables = plan.blocks.filter((b) => b.kind === "table").length;
  const open = plan.findings?.length ? `，末页“校验提示”列出 ${plan.findings.length} 个未解决的错误` : "";
  return `已生成报告 ${request.out}（${tables} 张表${open}）。`;
}
