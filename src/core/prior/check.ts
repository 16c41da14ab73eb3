/**
 * check --prior: this year's 上年 figures against last year's 本年 figures, pair by pair (the
 * form's prior-year links), compared at the precision the form prints. The same figure in two
 * places, as a `same` relation: a difference is an error naming both cells (a figure restated
 * since last year's report is explained in the report).
 */
import type { Finding } from "../check/finding";
import { showFigure, withUnit } from "../check/finding";
import { parseAmount, roundHalfUp } from "../money";
import { rawText, type ReportData } from "../spec/data";
import { expandFields, shownDecimals } from "../spec/instances";
import type { FormSpec } from "../spec/types";
import { priorPairs } from "./pairs";

type Locate = (fieldId: string) => string;

export function priorFindings(form: FormSpec, current: ReportData, last: ReportData, locate: Locate, locateLast: Locate, lastName: string): Finding[] {
  const fields = new Map(expandFields(form, current.lists).map((f) => [f.id, f]));
  const out: Finding[] = [];
  for (const pair of priorPairs(form, current.lists, last.lists)) {
    const field = fields.get(pair.prior);
    const a = parseAmount(rawText(current.values[pair.prior] ?? null));
    const b = parseAmount(rawText(last.values[pair.current] ?? null));
    if (!field || a.kind !== "amount" || b.kind !== "amount" || a.unitHint || b.unitHint) continue;
    const places = shownDecimals(field.kind);
    const [mine, theirs] = [roundHalfUp(a.value, places), roundHalfUp(b.value, places)];
    if (mine.eq(theirs)) continue;
    const [here, there] = [locate(pair.prior), `${lastName} ${locateLast(pair.current)}`];
    const show = (v: typeof mine) => withUnit(field, showFigure(field, v));
    out.push({
      ruleId: pair.id,
      relationId: pair.link.id,
      kind: "prior",
      severity: "error",
      fields: [pair.prior],
      cell: here,
      cells: [here, there],
      expected: theirs.toString(),
      actual: mine.toString(),
      difference: mine.minus(theirs).toString(),
      message: `${field.table.title}·${[field.row.label, field.column?.label].filter(Boolean).join("·")}填${show(mine)}，上年报告 ${there} 为${show(theirs)}，相差${show(mine.minus(theirs).abs())}；如上年数已调整请在报告中说明`,
    });
  }
  return out;
}
