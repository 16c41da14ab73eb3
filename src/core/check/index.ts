import { cellIndex } from "../plan/placement";
import { sheetAddress } from "../plan/address";
import type { ReportData } from "../spec/data";
import type { FormSpec } from "../spec/types";
import { blankFindings, invalidFindings } from "./cells";
import { evaluateRule, type Locate, type RuleResult } from "./evaluate";
import { sortFindings, type Finding } from "./finding";
import { expandRules } from "./rules";
import { readValues, type ReadValues } from "./values";

export type { Finding, FindingKind } from "./finding";
export type { RuleResult, RuleStatus, Locate } from "./evaluate";
export type { Rule } from "./rules";
export type { CellState, ReadValues } from "./values";
export { expandRules, ruleFields } from "./rules";
export { readValues, readCell } from "./values";
export { gradeFor } from "./evaluate";

export interface CheckReport {
  findings: Finding[];
  /** Every rule with its verdict, for the 校验 sheet and the CLI's JSON. */
  results: RuleResult[];
  values: ReadValues;
}

/** Cell addresses of the template as ZiPing lays it out for these lists. */
export function templateLocator(form: FormSpec, data: Pick<ReportData, "lists">): Locate {
  const index = cellIndex(form, data.lists);
  return (id) => {
    const p = index.get(id);
    return p ? sheetAddress(p.sheet, p.row, p.column) : id;
  };
}

/**
 * Evaluate every relation of the form over the values. Pure: the caller supplies where cells
 * are (a host that found a table moved passes its own locator).
 */
export function checkReport(form: FormSpec, data: ReportData, locate: Locate = templateLocator(form, data)): CheckReport {
  const values = readValues(form, data);
  const results = expandRules(form, data.lists).map((rule) => evaluateRule(values, locate, rule));
  const order = new Map([...values.fields.keys()].map((id, i) => [id, i]));
  const findings = sortFindings(
    [
      ...invalidFindings(values, locate),
      ...results.flatMap((r) => (r.finding ? [r.finding] : [])),
      ...blankFindings(values, locate),
    ],
    order,
  );
  return { findings, results, values };
}
