import { formatNumber, perCapita } from "../../money";
import type { NarrativeContext } from "../context";
import { computed, makeSentence, missing, negatives, whole, zeroDivisor } from "../sentence";
import type { Built, ComputedFact } from "../types";

/** The headcount 人均 figures divide by: 实有人数 as the table states it (the 2020 report's
 * 0.049 = 1.90 ÷ 39; with 40 实际在职 it would be 0.048). */
export const PER_CAPITA_DIVISOR = "staff.actual";
export const VEHICLES_IN_USE = "vehicles.inUse";

/** "公务接待费本年人均0.049万元": amount ÷ 实有人数, the divisor named in the facts. */
export function buildPerCapita(ctx: NarrativeContext, id: string, name: string, amountField: string): Built {
  const needed = ctx.need([amountField, PER_CAPITA_DIVISOR]);
  if (!needed.ok) return missing(needed.missing);
  const amount = needed.get(amountField);
  const people = needed.get(PER_CAPITA_DIVISOR);
  const negative = negatives([amount, people]);
  if (negative.length) return missing(negative);
  const value = perCapita(amount.value, people.value);
  if (value === null) return missing([zeroDivisor(people)]);
  const shown = formatNumber(value, ctx.options.perCapitaDecimals);
  const fact: ComputedFact = {
    ...computed("perCapita", `${name}人均（÷实有人数）`, value, shown, [amount, people]),
    divisor: { field: people.field, label: people.label },
  };
  return makeSentence(ctx, id, `${name}本年人均${shown}万元`, [amount.fact, people.fact, fact]);
}

/** "本年在使用公车2台，公车运行维护费平均每台0.06万元/台": amount ÷ vehicles in use. */
export function buildPerVehicle(ctx: NarrativeContext, id: string, name: string, amountField: string): Built {
  const needed = ctx.need([amountField, VEHICLES_IN_USE]);
  if (!needed.ok) return missing(needed.missing);
  const amount = needed.get(amountField);
  const vehicles = needed.get(VEHICLES_IN_USE);
  const negative = negatives([amount, vehicles]);
  if (negative.length) return missing(negative);
  const value = perCapita(amount.value, vehicles.value);
  if (value === null) return missing([zeroDivisor(vehicles)]);
  const shown = formatNumber(value, ctx.options.perItemDecimals);
  const fact: ComputedFact = {
    ...computed("perItem", `${name}平均每台`, value, shown, [amount, vehicles]),
    divisor: { field: vehicles.field, label: vehicles.label },
  };
  const text = `本年在使用公车${whole(vehicles.value)}台，${name}平均每台${shown}万元/台`;
  return makeSentence(ctx, id, text, [amount.fact, vehicles.fact, fact]);
}
