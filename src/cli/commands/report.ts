import { existsSync, statSync } from "node:fs";
import { dirname, extname } from "node:path";
import { checkReport, type Locate } from "../../core/check";
import { scoredNarrative } from "../scored-narrative";
import { buildDocumentPlan, reportDate } from "../../core/plan/document";
import { chooseOutline } from "../../core/plan/outline";
import type { FormSpec, ReportData } from "../../core/spec";
import { documentBytes } from "../../hosts/docx/write";
import { writeFileAtomically } from "../atomic-write";
import { UsageError } from "../usage-error";

export interface ReportRequest {
  out: string;
  /** Leave out the last page 校验提示 (errors still open). */
  noFindings: boolean;
  /** 报告日期 on the cover; default the cover's date cell, else today. */
  date?: string;
  /** The outline to follow (2020, 2025, 湖南…); default what the 报告格式 cell says. */
  outline?: string;
  force: boolean;
  locate?: Locate;
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
  const chosen = chooseOutline(form, data, request.outline);
  if (chosen && "unknown" in chosen) {
    const where = chosen.from === "asked" ? "--outline" : `${request.locate?.(form.reportChoice!.field) ?? form.reportChoice!.field} 报告格式`;
    throw new UsageError(`${where}：“${chosen.unknown}”不是本表的报告格式，可选 ${chosen.choices.join("、")}`);
  }
  const plan = buildDocumentPlan({
    form,
    data,
    narrative: scoredNarrative(form, data),
    today: reportDate(),
    ...(request.date !== undefined ? { date: request.date } : {}),
    ...(chosen ? { outline: chosen.outline } : {}),
    ...(findings ? { findings } : {}),
  });
  await writeFileAtomically(request.out, await documentBytes(plan));
  const tables = plan.blocks.filter((b) => b.kind === "table").length;
  const open = plan.findings?.length ? `，末页“校验提示”列出 ${plan.findings.length} 个未解决的错误` : "";
  const outline = plan.outline ? `按 ${plan.outline} 格式，` : "";
  return `已生成报告 ${request.out}（${outline}${tables} 张表${open}）。`;
}
