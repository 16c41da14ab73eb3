import { evaluateRule, type RuleResult } from "../check/evaluate";
import { contribution, exactAmountState, readCell, type CellState, type ReadValues } from "../check/values";
import { sum, type Dec } from "../money";
import { rawText, type RawValue, type ReportData } from "../spec/data";
import type { IndexedRule } from "../check/compile";
import type { ImportTarget } from "./target";
import type { ImportFinding, ImportTotal, TotalStatus } from "./types";

/**
 * What the plan writes, by position in the target's fields: the raw value, and, where the
 * planner already holds the figure exactly (a value `{ value: text, exact: true }`), that figure.
 */
export interface PlannedCells {
  values: Array<RawValue | undefined>;
  exact: Array<Dec | undefined>;
}

/** The signed sum of a rule's filled parts, for a rule evaluateRule skipped before adding them (a part it could not read). */
function partsSum(rule: Extract<IndexedRule, { kind: "equation" }>, states: CellState[]): Dec | undefined {
  const filled: Dec[] = [];
  for (let k = 0; k < rule.terms.length; k++) {
    const v = contribution(states[rule.ix[k + 1]]);
    if (v !== undefined) filled.push(rule.terms[k].sign === 1 ? v : v.negated());
  }
  return filled.length ? sum(filled) : undefined;
}

const STATUS_OF: Record<RuleResult["status"], TotalStatus> = { pass: "agrees", tail: "tail", fail: "differs", skipped: "unchecked" };
const WORST: TotalStatus[] = ["differs", "tail", "agrees", "unchecked"];
const EMPTY: CellState = { state: "empty" };

/**
 * The export's totals against the template's own sums: with the data as it will be after the
 * import, and each exported total put in its formula cell only for the comparison, each
 * total's sum rule is evaluated by the checks' own evaluateRule, and its verdict is taken. An
 * exact 元 total against exact 元 parts must agree exactly; a 万元 total may differ by rounding
 * (尾差). Only the cells those rules read are parsed: a rule's verdict depends on nothing else,
 * so this is the verdict a check of the whole workbook gives.
 */
export function compareTotals(
  target: ImportTarget,
  reference: ReportData | undefined,
  planned: PlannedCells,
  totals: ImportTotal[],
  locate: (id: string) => string,
): { totals: ImportTotal[]; findings: ImportFinding[] } {
  const templateTotals = totals.filter((t) => t.kind === "template" && t.fieldId);
  if (!templateTotals.length) return { totals, findings: [] };
  // What each field will hold, by position: the writes, and the exported totals in their cells.
  const { compiled } = target;
  const totalAt = new Map<number, RawValue>();
  for (const t of templateTotals) {
    const ix = compiled.indexOf.get(t.fieldId!);
    if (ix !== undefined) totalAt.set(ix, t.conversion === "元→万元" ? { value: t.exported, exact: true } : t.exported);
  }
  const stateOf = (ix: number): CellState => {
    const field = compiled.fields[ix];
    if (totalAt.has(ix)) return readCell(field, totalAt.get(ix));
    const value = planned.values[ix];
    const exact = planned.exact[ix];
    // The state readCell would give, without parsing the figure again.
    if (exact) return exactAmountState(exact, String(rawText(value!)));
    return readCell(field, value !== undefined ? value : reference?.values[field.id]);
  };

  const compared = new Set(templateTotals.map((t) => t.fieldId!));
  const rules = target.totalRules.filter((r) => compared.has(r.target));
  const states = new Array<CellState>(compiled.fields.length).fill(EMPTY);
  const read = new Array<boolean>(compiled.fields.length).fill(false);
  for (const rule of rules) {
    for (const ix of rule.ix) {
      if (read[ix]) continue;
      read[ix] = true;
      states[ix] = stateOf(ix);
    }
  }
  // evaluateRule reads fields and states by position; `cells` is for callers that look up by id.
  const values: ReadValues = { fields: compiled.fieldById, cells: new Map(), states, compiled };
  const byTarget = new Map<string, Array<{ result: RuleResult; rule: (typeof rules)[number] }>>();
  for (const rule of rules) {
    const list = byTarget.get(rule.target) ?? [];
    list.push({ result: evaluateRule(values, locate, rule), rule });
    byTarget.set(rule.target, list);
  }

  const findings: ImportFinding[] = [];
  const checked = totals.map((t): ImportTotal => {
    if (t.kind !== "template" || !t.fieldId) return t;
    const results = byTarget.get(t.fieldId) ?? [];
    if (!results.length) return { ...t, status: "unchecked", message: "模板中此格没有合计公式，未核对" };
    const statuses = results.map((r) => STATUS_OF[r.result.status]);
    const status = WORST.find((s) => statuses.includes(s)) ?? "unchecked";
    const { result: decisive, rule } = results.find((r) => STATUS_OF[r.result.status] === status)!;
    const expected = (decisive.partsSum ?? partsSum(rule, states))?.toFixed();
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
