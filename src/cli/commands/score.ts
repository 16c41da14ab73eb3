/**
 * `ziping score WORKBOOK|DATA.json [--json] [--scoring TABLE.json]`: each indicator of the
 * scoring table with its value, formula and inputs, the suggested score with its rule, the
 * roll-up to a suggested 综合得分 and 等次 beside the officer's, the 定量指标 rows' 完成率, and
 * the findings (a 完成率 the rows do not give, a score above what the indicators leave, a 等次
 * that does not match the score). Exit 0 no errors, 1 errors found, 2 unusable input.
 */
import { readFileSync } from "node:fs";
import type { Locate } from "../../core/check";
import { scoreReport, type IndicatorResult, type ScoreReport } from "../../core/score";
import { validateScoringTable, type FormSpec, type ReportData, type ScoringTable } from "../../core/spec";
import { EXIT_FINDINGS, EXIT_OK, UsageError } from "../usage-error";

const SEVERITY_NAMES = { error: "错误", warning: "警告", info: "提示" } as const;

/** A scoring table given as a JSON file, validated against the form it will read. */
export function loadScoringTable(path: string, form: FormSpec): ScoringTable {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, "utf8").replace(/^\uFEFF/, ""));
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new UsageError(code ? `${path}: 无法读取文件 (${code})` : `${path}: 不是有效的 JSON (${(e as Error).message})`);
  }
  const problems = validateScoringTable(json, form);
  if (problems.length) {
    const listed = problems.slice(0, 5).map((p) => `${p.path}：${p.message}`);
    throw new UsageError(`${path}: 评分表有误：${listed.join("；")}${problems.length > 5 ? ` 等 ${problems.length} 处` : ""}`);
  }
  return json as ScoringTable;
}

function indicatorLines(r: IndicatorResult): string[] {
  const own = r.entered !== undefined ? `  自评 ${r.entered}` : "";
  const head = `  ${r.name}（${r.points}分）`;
  const lines: string[] = [];
  switch (r.status) {
    case "scored":
      lines.push(`${head}  ${r.value}  建议得分 ${r.suggested}${own}`);
      break;
    case "reference":
      lines.push(`${head}  ${r.value ?? "未计算"}  不计分，供参考`);
      break;
    case "unavailable":
      lines.push(`${head}  未能计算：${r.reason}；由评价组评分${own}`);
      break;
    case "manual":
      lines.push(`${head}  由评价组评分${r.value ? `（参考值 ${r.value}）` : ""}${own}`);
  }
  if (r.formula) lines.push(`    公式：${r.formula}`);
  if (r.working) lines.push(`    计算：${r.working}`);
  if (r.rule) lines.push(`    评分：${r.rule}`);
  if (r.difference) lines.push(`    对照：${r.difference}`);
  if (r.status === "reference" && r.reason) lines.push(`    说明：${r.reason}`);
  else if (r.note) lines.push(`    说明：${r.note}`);
  return lines;
}

function textReport(report: ScoreReport, source: string): string {
  const lines = [`评分表：${report.table.title}`, `来源：${report.table.source}`];
  let group = "";
  for (const r of report.indicators) {
    const name = `${r.level1}·${r.level2}`;
    if (name !== group) lines.push("", (group = name));
    lines.push(...indicatorLines(r));
  }
  if (report.quantitative.length) {
    lines.push("", "定量指标完成情况");
    for (const q of report.quantitative) {
      const unit = q.unit ?? "";
      const rate = q.working ? `完成率 ${q.working}` : `完成率未能计算：${q.reason}`;
      lines.push(`  ${q.name}  指标值 ${q.target ?? "—"}${unit}  实际完成值 ${q.actual ?? "—"}${unit}  ${rate}${q.entered ? `（填报 ${q.entered}）` : ""}`);
    }
  }
  const u = report.rollUp;
  lines.push("", "综合得分", `  ${u.explanation}`);
  if (u.suggested !== undefined) lines.push(`  建议综合得分 ${u.suggested} 分${u.suggestedGrade ? `，等次：${u.suggestedGrade}` : ""}`);
  else if (u.ceilingGrade) lines.push(`  建议上限 ${u.ceiling} 分对应等次：${u.ceilingGrade}`);
  if (u.enteredScore !== undefined || u.enteredGrade !== undefined) {
    lines.push(`  填报：综合得分 ${u.enteredScore ?? "未填"}，评价等次 ${u.enteredGrade ?? "未填"}${u.enteredScoreGrade ? `（按本评分表，${u.enteredScore} 分为「${u.enteredScoreGrade}」）` : ""}`);
  }
  if (report.findings.length) {
    lines.push("", "发现");
    for (const f of report.findings) lines.push(`${SEVERITY_NAMES[f.severity]}  ${f.cell}  ${f.message}`);
  }
  const errors = report.findings.filter((f) => f.severity === "error").length;
  const warnings = report.findings.filter((f) => f.severity === "warning").length;
  const suggestion = u.suggested !== undefined ? `建议综合得分 ${u.suggested} 分` : `建议综合得分不超过 ${u.ceiling} 分`;
  lines.push("", `${source}: ${errors} 个错误，${warnings} 条警告；${suggestion}`);
  return lines.join("\n");
}

export function scoreCommand(
  form: FormSpec,
  data: ReportData,
  source: string,
  table: ScoringTable,
  json: boolean,
  locate?: Locate,
): { output: string; code: number } {
  const report = scoreReport(form, data, table, locate ? { locate } : {});
  const code = report.findings.some((f) => f.severity === "error") ? EXIT_FINDINGS : EXIT_OK;
  if (json) return { output: JSON.stringify({ file: source, form: form.id, ...report }, null, 2), code };
  return { output: textReport(report, source), code };
}
