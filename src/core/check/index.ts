import type { ReportData } from "../spec/data";
import type { FormSpec } from "../spec/types";
import { blankFindings, invalidFindings } from "./cells";
import { evaluateRule, type Locate, type RuleResult } from "./evaluate";
import { sortFindings, type Finding } from "./finding";
import { compileForm, type CompiledForm } from "./compile";
import { readValues, type CellState, type ReadValues } from "./values";

export type { Finding, FindingKind } from "./finding";
export type { RuleResult, RuleStatus, Locate } from "./evaluate";
export type { CellState, ReadValues } from "./values";
export { compileForm, type CompiledForm } from "./compile";
export { readValues, readCell } from "./values";
export { gradeFor } from "./evaluate";
export { crossCheck, type CrossCheck, type CrossSide } from "./cross";

/**
 * A rule's verdict depends only on its cells' states and the locator, and readValues keeps the
 * state object of every unchanged cell, so after an edit only the rules that read an edited
 * cell are evaluated again.
 */
function evaluateAll(compiled: CompiledForm, values: ReadValues, locate: Locate): RuleResult[] {
  const memo = compiled.ruleMemo as { locate?: Locate; inputs: CellState[][]; results: RuleResult[] };
  if (memo.locate !== locate) {
    memo.locate = locate;
    memo.inputs = [];
    memo.results = [];
  }
  const { states } = values;
  return compiled.rules.map((rule, r) => {
    const previous = memo.inputs[r];
    if (previous && rule.ix.every((ix, k) => states[ix] === previous[k])) return memo.results[r];
    memo.inputs[r] = rule.ix.map((ix) => states[ix]);
    return (memo.results[r] = evaluateRule(values, locate, rule));
  });
}

/**
 * What the report as a whole says. "unfilled" (尚未填写) when no rule had figures to check and
 * nothing typed is wrong: an empty template has not passed anything, whatever its zero findings.
 */
export type CheckState = "unfilled" | "clean" | "findings";

export function checkState(results: RuleResult[], findings: Finding[]): CheckState {
  const nothingChecked = results.every((r) => r.status === "skipped" && r.reason === "未填写");
  if (nothingChecked && findings.every((f) => f.severity === "info")) return "unfilled";
  return findings.length === 0 ? "clean" : "findings";
}

export interface CheckReport {
  state: CheckState;
  findings: Finding[];
  /** Every rule with its verdict, for the 校验 sheet and the CLI's JSON. */
  results: RuleResult[];
  values: ReadValues;
}

/** Cell addresses of the template as ZiPing lays it out for these lists. */
export function templateLocator(form: FormSpec, data: Pick<ReportData, "lists">): Locate {
  return compileForm(form, data.lists).templateAddress;
}

/**
 * Evaluate every relation of the form over the values. Pure: the caller supplies where cells
 * are (a host that found a table moved passes its own locator).
 */
export function checkReport(form: FormSpec, data: ReportData, locate: Locate = templateLocator(form, data)): CheckReport {
  const compiled = compileForm(form, data.lists);
  const values = readValues(form, data);
  const results = evaluateAll(compiled, values, locate);
  const { order } = compiled;
  const findings = sortFindings(
    [
      ...invalidFindings(values, locate),
      ...results.flatMap((r) => (r.finding ? [r.finding] : [])),
      ...blankFindings(values, locate),
    ],
    order,
  );
  return { state: checkState(results, findings), findings, results, values };
}
