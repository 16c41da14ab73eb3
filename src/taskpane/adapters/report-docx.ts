/**
 * 导出报告（Word）in the pane: the same document plan `ziping report` writes (core/plan/document),
 * rendered by the same .docx writer, as a Blob the browser saves. Loaded only when the officer
 * asks for it (the docx library stays out of the pane's start-up script).
 */
import type { Finding } from "../../core/check";
import { narrate } from "../../core/narrative";
import { builtInFigures } from "../../core/score";
import { buildDocumentPlan, reportDate } from "../../core/plan/document";
import type { FormSpec, ReportData } from "../../core/spec";
import { documentArray } from "../../hosts/docx/write";
import { fill, type Strings } from "../i18n";

export const DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

export interface ExportedReport {
  blob: Blob;
  fileName: string;
  /** Section headings, in order (what the pane announces). */
  headings: string[];
}

export async function exportReport(form: FormSpec, data: ReportData, findings: readonly Finding[], today = reportDate()): Promise<ExportedReport> {
  // The 绩效 sentences with the scoring table's figures, as the 叙述 tab and `ziping report` write them.
  const figures = builtInFigures(form, data);
  const plan = buildDocumentPlan({ form, data, narrative: narrate(form, data, figures ? { figures } : {}), today, findings: [...findings] });
  const bytes = await documentArray(plan);
  const name = [plan.cover.dept, plan.cover.year ? `${plan.cover.year}年度` : undefined, plan.cover.title].filter(Boolean).join("");
  return {
    blob: new Blob([new Uint8Array(bytes)], { type: DOCX_TYPE }),
    fileName: `${name.replace(/[\\/:*?"<>|]/g, "")}.docx`,
    headings: plan.blocks.flatMap((b) => (b.kind === "heading" && b.level === 1 ? [b.text] : [])),
  };
}

/** What the 叙述 tab hands the export button. */
export interface PaneExport {
  form: FormSpec;
  data: ReportData;
  findings: readonly Finding[];
  announce(text: string): void;
  /** Hands the finished file to the browser (a download link by default; tests watch it). */
  save?(blob: Blob, fileName: string): void;
}

function download(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = fileName;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** The button's work: build, save, and say what was saved. */
export async function exportInPane({ form, data, findings, announce, save = download }: PaneExport, t: Strings): Promise<void> {
  const report = await exportReport(form, data, findings);
  save(report.blob, report.fileName);
  announce(fill(t.reportExported, { file: report.fileName, sections: report.headings.length }));
}
