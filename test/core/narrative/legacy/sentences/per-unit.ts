import { formatNumber, perCapita } from "../../../../../src/core/money";
import type { NarrativeContext, Reading } from "../../../../../src/core/narrative/context";
import { computed, makeSentence, missing, negatives, whole, zeroDivisor } from "../../../../../src/core/narrative/sentence";
import type { Built, ComputedFact, Fact } from "../types";

/** The headcount 人均 figures divide by: 实有人数 as the table states it (the 2020 report's
 * 0.049 = 1.90 ÷ 39; with 40 实际在职 it would be 0.048). */
export const PER_CAPITA_DIVISOR = "staff.actual";
export const VEHICLES_IN_USE = "vehicles.inUse";

/**
 * An amount divided by a count from the workbook, written with `decimals` places: the figure
 * and its fact (which names the divisor), or what is missing (a blank cell, a negative figure, a
 * zero divisor).
 */
function quotient(
  ctx: NarrativeContext,
  amountField: string,
  divisorField: string,
  decimals: number,
  fact: { kind: "perCapita" | "perItem"; label: string },
): { amount: Reading; divisor: Reading; shown: string; facts: Fact[] } | { missing: Built } {
  const needed = ctx.need([amountField, divisorField]);
  if (!needed.ok) return { missing: missing(needed.missing) };
  const amount = needed.get(amountField);
  const divisor = needed.get(divisorField);
  const negative = negatives([amount, divisor]);
  if (negative.length) return { missing: missing(negative) };
  const value = perCapita(amount.value, divisor.value);
  if (value === null) return { missing: missing([zeroDivisor(divisor)]) };
  const shown = formatNumber(value, decimals);
  const result: ComputedFact = {
    ...computed(fact.kind, fact.label, value, shown, [amount, divisor]),
    divisor: { field: divisor.field, label: divisor.label },
  };
  return { amount, divisor, shown, facts: [amount.fact, divisor.fact, result] };
}

/** "公务接待费本年人均0.049万元": amount ÷ 实有人数, the divisor named in the facts. */
export function buildPerCapita(ctx: NarrativeContext, id: string, name: string, amountField: string): Built {
  const q = quotient(ctx, amountField, PER_CAPITA_DIVISOR, ctx.options.perCapitaDecimals, { kind: "perCapita", label: `${name}人均（÷实有人数）` });
  if ("missing" in q) return q.missing;
  return makeSentence(ctx, id, `${name}本年人均${q.shown}万元`, q.facts);
}

/** "本年在使用公车2台，公车运行维护费平均每台0.06万元/台": amount ÷ vehicles in use. */
export function buildPerVehicle(ctx: NarrativeContext, id: string, name: string, amountField: string): Built {
  const q = quotient(ctx, amountField, VEHICLES_IN_USE, ctx.options.perItemDecimals, { kind: "perItem", label: `${name}平均每台` });
  if ("missing" in q) return q.missing;
  return makeSentence(ctx, id, `本年在使用公车${whole(q.divisor.value)}台，${name}平均每台${q.shown}万元/台`, q.facts);
}
