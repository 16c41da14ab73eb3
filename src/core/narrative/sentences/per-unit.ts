import { formatNumber, perCapita } from "../../money";
import type { QuotientBinding } from "../../spec/types";
import type { NarrativeContext } from "../context";
import { computed, makeSentence, missing, negatives, zeroDivisor } from "../sentence";
import { needAll, templateFields, Writer } from "../template";
import type { Built, ComputedFact } from "../types";
import { perCapitaWordings } from "../wording";

/** A 人均 written in 万元 right after the quotient: the slot the officer may re-word in 元. */
const QUOTIENT_IN_WAN = "{quotient}万元";

/**
 * An amount divided by a count from the workbook: "公务接待费本年人均0.049万元" (÷ 实有人数),
 * "本年在使用公车2台，公车运行维护费平均每台0.06万元/台". The divisor is named in the facts; a blank
 * cell, a negative figure or a zero divisor is missing, not guessed.
 */
export function buildQuotient(ctx: NarrativeContext, binding: QuotientBinding, key: string): Built {
  const needed = ctx.need([binding.amount, binding.divisor]);
  if (!needed.ok) return missing(needed.missing);
  const amount = needed.get(binding.amount);
  const divisor = needed.get(binding.divisor);
  const negative = negatives([amount, divisor]);
  if (negative.length) return missing(negative);
  const value = perCapita(amount.value, divisor.value);
  if (value === null) return missing([zeroDivisor(divisor)]);
  const others = needAll(ctx, templateFields(ctx, binding.text, undefined, "with", ["quotient"]));
  if (others.length) return missing(others);
  const decimals = binding.decimals ?? (binding.per === "capita" ? ctx.options.perCapitaDecimals : ctx.options.perItemDecimals);
  const shown = formatNumber(value, decimals);
  const writer = new Writer(ctx, key);
  writer.cell(binding.amount);
  writer.cell(binding.divisor);
  const text = writer.write(binding.text, undefined, { quotient: shown });
  const result: ComputedFact = {
    ...computed(binding.per === "capita" ? "perCapita" : "perItem", binding.label, value, shown, [amount, divisor]),
    divisor: { field: divisor.field, label: divisor.label },
  };
  const built = makeSentence(ctx, binding.id, text, [...writer.facts, result]);
  if (built.ok && binding.per === "capita" && binding.text.endsWith(QUOTIENT_IN_WAN)) {
    // The template ends with the quotient, so the written figure ends the text.
    const word = `${shown}万元`;
    built.sentence.wording = { slot: "perCapita", word, at: text.length - word.length, options: perCapitaWordings(value, shown) };
  }
  return built;
}
