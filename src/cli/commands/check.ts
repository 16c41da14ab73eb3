import { checkReport, type Finding, type Locate } from "../../core/check";
import type { FormSpec, ReportData } from "../../core/spec";
import { shown } from "../shown";
import { EXIT_FINDINGS, EXIT_OK } from "../usage-error";

const SEVERITY_NAMES = { error: "错误", warning: "超支", info: "提示" } as const;

export function summarize(findings: Finding[]) {
  return {
    errors: findings.filter((f) => f.severity === "error").length,
    warnings: findings.filter((f) => f.severity === "warning").length,
    notices: findings.filter((f) => f.severity === "info").length,
  };
}

/** Where a workbook's cells were actually read, and what did not match the template. */
export interface ReadContext {
  locate?: Locate;
  notes?: string[];
  /** Findings from outside the form's rules (check --prior: against last year's workbook). */
  extra?: Finding[];
}

/** The findings of one report, as text or JSON, and the exit code (1 when any error). */
export function checkCommand(form: FormSpec, data: ReportData, source: string, json: boolean, context: ReadContext = {}): { output: string; code: number } {
  const checked = context.locate ? checkReport(form, data, context.locate) : checkReport(form, data);
  const report = context.extra?.length ? { ...checked, findings: [...checked.findings, ...context.extra] } : checked;
  const notes = context.notes ?? [];
  const summary = summarize(report.findings);
  const code = summary.errors > 0 ? EXIT_FINDINGS : EXIT_OK;
  if (json) {
    const out = {
      file: source,
      form: form.id,
      state: report.state,
      summary,
      ...(notes.length ? { notes } : {}),
      findings: report.findings,
      rules: report.results.map((r) => ({ id: r.rule.id, status: r.status, ...(r.reason ? { reason: r.reason } : {}) })),
    };
    return { output: JSON.stringify(out, null, 2), code };
  }
  // Messages quote what the cells hold, and notes name the sheets: both come from the file.
  const lines = [...notes.map((n) => `注意  ${shown(n, 1000)}`), ...report.findings.map((f) => `${SEVERITY_NAMES[f.severity]}  ${shown(f.cell)}  ${shown(f.message, 1000)}`)];
  // An empty template has passed nothing: say so rather than count zero errors.
  const verdict =
    report.state === "unfilled"
      ? `尚未填写（${report.results.length} 条规则都还没有可校验的数字）`
      : `${summary.errors} 个错误，${summary.warnings} 处超支，${summary.notices} 条提示` +
        `（${report.results.filter((r) => r.status === "pass").length}/${report.results.length} 条规则通过）`;
  lines.push("", `${shown(source)}: ${verdict}`);
  return { output: lines.join("\n"), code };
}
