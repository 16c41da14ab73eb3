import { formatAmount, sum } from "../../money";
import type { BreakdownBinding } from "../../spec/types";
import { isMissing, type NarrativeContext, type Reading } from "../context";
import { computed, makeSentence, missing } from "../sentence";
import { fieldFor, needAll, printed, templateFields, Writer } from "../template";
import type { Built, Fact, MissingField } from "../types";

/**
 * The entries of an open list with their amounts. An entry whose amount is blank is missing,
 * not skipped: a listing that silently leaves out a line would not add up to its total.
 */
function listAmounts(ctx: NarrativeContext, binding: BreakdownBinding): { clauses: string[]; readings: Reading[] } | MissingField[] {
  const entries = ctx.entries(binding.list);
  const readings: Reading[] = [];
  const absent: MissingField[] = [];
  entries.forEach((e, i) => {
    const r = ctx.read(fieldFor(binding.amount, { n: i + 1, name: e.name }));
    if (isMissing(r)) absent.push(r);
    else readings.push(r);
  });
  if (absent.length) return absent;
  return { clauses: readings.map((r, i) => `${entries[i].name}${printed(ctx, r)}`), readings };
}

/**
 * "2025年度我部门基本支出1200.53万元，其中：行政运行支出960.47万元；行政单位离退休支出89.77万元；…".
 * The total printed is the sum of the entries, so the sentence always adds up; a total cell that
 * disagrees is named in a note (the checks report it as a finding too). The lead is wording: its
 * cells must be usable, but the facts are the list's.
 */
export function buildBreakdown(ctx: NarrativeContext, binding: BreakdownBinding, key: string): Built {
  const lead = needAll(ctx, templateFields(ctx, binding.lead, undefined, "with"));
  if (lead.length) return missing(lead);
  if (ctx.entries(binding.list).length === 0) {
    return missing([{ field: fieldFor(binding.amount, { n: 1, name: "" }), label: binding.listLabel, reason: "empty" }]);
  }
  const listed = listAmounts(ctx, binding);
  if (Array.isArray(listed)) return missing(listed);
  const total = sum(listed.readings.map((r) => r.value));
  const facts: Fact[] = listed.readings.map((r) => r.fact);
  facts.push(computed("sum", `${binding.listLabel}合计`, total, formatAmount(total, 2), listed.readings, "exact"));
  const notes: string[] = [];
  const stated = printed(ctx, listed.readings[0], total);
  if (binding.total && ctx.isFilled(binding.total)) {
    const cell = ctx.read(binding.total);
    if (!isMissing(cell)) {
      facts.push(cell.fact);
      if (!cell.value.eq(total)) notes.push(`${cell.label}为${printed(ctx, cell)}，各项之和为${stated}，句中按各项之和。`);
    }
  }
  const leadText = new Writer(ctx, key).write(binding.lead);
  return makeSentence(ctx, binding.id, `${leadText}${stated}，其中：${listed.clauses.join(binding.separator)}`, facts, notes);
}
