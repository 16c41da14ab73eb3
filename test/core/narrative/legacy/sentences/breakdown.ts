import { formatAmount, sum } from "../../../../../src/core/money";
import { isMissing, type NarrativeContext, type Reading } from "../../../../../src/core/narrative/context";
import { computed, makeSentence, missing, wan } from "../../../../../src/core/narrative/sentence";
import type { Built, Fact, MissingField } from "../types";

export interface ListSource {
  listId: string;
  /** Field id of entry n's amount (n counts from 1), e.g. n => `funcBasic.item[${n}].amount`. */
  amountField: (n: number) => string;
}

export interface ListedAmounts {
  /** "行政运行支出960.47万元", one per entry in list order. */
  clauses: string[];
  readings: Reading[];
}

/**
 * The entries of an open list with their amounts. An entry whose amount is blank is missing,
 * not skipped: a listing that silently leaves out a line would not add up to its total.
 */
export function listAmounts(ctx: NarrativeContext, source: ListSource): ListedAmounts | MissingField[] {
  const entries = ctx.entries(source.listId);
  const readings: Reading[] = [];
  const absent: MissingField[] = [];
  for (let n = 1; n <= entries.length; n++) {
    const r = ctx.read(source.amountField(n));
    if (isMissing(r)) absent.push(r);
    else readings.push(r);
  }
  if (absent.length) return absent;
  return { clauses: readings.map((r, i) => `${entries[i].name}${wan(r.value)}`), readings };
}

export interface BreakdownSpec extends ListSource {
  /** What the list is, for the "missing" entry when it has no entries (基本支出功能科目). */
  listLabel: string;
  /** "2025年度我部门基本支出": the amount follows. */
  lead: string;
  /** The total cell, when the table has one: stated only if it agrees with the parts. */
  totalField?: string;
  separator: string;
}

/**
 * "2025年度我部门基本支出1200.53万元，其中：行政运行支出960.47万元；行政单位离退休支出89.77万元；…".
 * The total printed is the sum of the entries, so the sentence always adds up; a total cell that
 * disagrees is named in a note (the checks report it as a finding too).
 */
export function buildBreakdown(ctx: NarrativeContext, id: string, spec: BreakdownSpec): Built {
  if (ctx.entries(spec.listId).length === 0) {
    return missing([{ field: spec.amountField(1), label: spec.listLabel, reason: "empty" }]);
  }
  const listed = listAmounts(ctx, spec);
  if (Array.isArray(listed)) return missing(listed);
  const total = sum(listed.readings.map((r) => r.value));
  const facts: Fact[] = listed.readings.map((r) => r.fact);
  facts.push(computed("sum", `${spec.listLabel}合计`, total, formatAmount(total, 2), listed.readings, "exact"));
  const notes: string[] = [];
  if (spec.totalField && ctx.isFilled(spec.totalField)) {
    const cell = ctx.read(spec.totalField);
    if (!isMissing(cell)) {
      facts.push(cell.fact);
      if (!cell.value.eq(total)) notes.push(`${cell.label}为${wan(cell.value)}，各项之和为${wan(total)}，句中按各项之和。`);
    }
  }
  return makeSentence(ctx, id, `${spec.lead}${wan(total)}，其中：${listed.clauses.join(spec.separator)}`, facts, notes);
}
