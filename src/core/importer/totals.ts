import { checkReport, type RuleResult } from "../check";
import { contribution } from "../check/values";
import { sum } from "../money";
import type { Rule } from "../check/rules";
import type { ListEntry, RawValue, ReportData } from "../spec/data";
import type { FormSpec } from "../spec/types";
import type { ImportFinding, ImportTotal, ImportWrite, TotalStatus } from "./types";

/** Fields of the table that the template computes with a formula (totals): never written by an import. */
export function formulaTargets(rules: Rule[], tableId: string): Set<string> {
  const out = new Set<string>();
  for (const rule of rules) {
    if (rule.kind === "equation" && rule.relation.formula && rule.target.startsWith(`${tableId}.`)) out.add(rule.target);
  }
  return out;
}

const STATUS_OF: Record<RuleResult["status"], TotalStatus> = { pass: "agrees", tail: "tail", fail: "differs", skipped: "unchecked" };
const WORST: TotalStatus[] = ["differs", "tail", "agrees", "unchecked"];

/**
 * The export's totals against the template's own sums: the data as it will be after the
 * import, with each exported total put in its formula cell only for the comparison, is run
 * through checkReport, and the verdict of each total's sum rule is taken. An exact 元 total
 * against exact 元 parts must agree exactly; a 万元 total may differ by rounding (尾差).
 */
export function compareTotals(
  form: FormSpec,
  reference: ReportData | undefined,
  lists: Record<string, ListEntry[]>,
  writes: ImportWrite[],
  totals: ImportTotal[],
  locate: (id: string) => string,
): { totals: ImportTotal[]; findings: ImportFinding[] } {
  const templateTotals = totals.filter((t) => t.kind === "template" && t.fieldId);
  if (!templateTotals.length) return { totals, findings: [] };
  const values: Record<string, RawValue> = { ...(reference?.values ?? {}) };
  for (const w of writes) values[w.fieldId] = w.value;
  for (const t of templateTotals) values[t.fieldId!] = t.conversion === "元→万元" ? { value: t.exported, exact: true } : t.exported;
  const probe: ReportData = { form: form.id, lists, values };
  const report = checkReport(form, probe, locate);
  const byTarget = new Map<string, RuleResult[]>();
  for (const r of report.results) {
    if (r.rule.kind !== "equation" || !r.rule.relation.formula) continue;
    const list = byTarget.get(r.rule.target) ?? [];
    list.push(r);
    byTarget.set(r.rule.target, list);
  }
  const findings: ImportFinding[] = [];
  const checked = totals.map((t): ImportTotal => {
    if (t.kind !== "template" || !t.fieldId) return t;
    const results = byTarget.get(t.fieldId) ?? [];
    if (!results.length) return { ...t, status: "unchecked", message: "模板中此格没有合计公式，未核对" };
    const statuses = results.map((r) => STATUS_OF[r.status]);
    const status = WORST.find((s) => statuses.includes(s)) ?? "unchecked";
    const decisive = results.find((r) => STATUS_OF[r.status] === status)!;
    const rule = decisive.rule as Extract<RuleResult["rule"], { kind: "equation" }>;
    const filled = rule.terms.flatMap((term) => {
      const v = contribution(report.values.cells.get(term.field) ?? { state: "empty" });
      return v === undefined ? [] : [v.times(term.sign)];
    });
    const expected = filled.length ? sum(filled).toFixed() : undefined;
    const message =
      decisive.finding?.message ??
      (status === "unchecked" ? `未核对：${decisive.reason ?? "分项未填写"}` : status === "agrees" ? `与模板合计 ${expected} 一致` : undefined);
    if (status === "differs" || status === "tail") {
      findings.push({
        severity: status === "differs" ? "error" : "info",
        line: t.line,
        column: t.column,
        ...(t.cell ? { cell: t.cell } : {}),
        message: `导出表第${t.line}行第${t.column}列的合计“${t.text.trim()}”：${decisive.finding?.message ?? ""}`,
      });
    }
    return { ...t, ...(expected !== undefined ? { expected } : {}), status, ...(message ? { message } : {}) };
  });
  return { totals: checked, findings };
}
