import { largestRemainderShares, roundHalfUp, shiftDecimalPoint, share, sum, type Dec } from "../../money";
import type { SharesBinding } from "../../spec/types";
import type { NarrativeContext } from "../context";
import { computed, makeSentence, missing, negatives, zeroDivisor } from "../sentence";
import { printed } from "../template";
import type { Built, ComputedFact, Fact } from "../types";


/**
 * "支出预算中基本支出507.32万元，占支出预算总额的97.17%，项目支出14.76万元，占支出预算的2.83%".
 *
 * With sharesTo100 the shares are rounded by largest remainder so they add up to exactly
 * 100.00%; when that changes any share from plain rounding, the sentence says so. It needs the
 * parts to add up to the total exactly, otherwise no rounding can make the shares add up and the
 * sentence keeps plain rounding and notes why.
 */
export function buildShares(ctx: NarrativeContext, binding: SharesBinding): Built {
  const { id, lead, parts, total } = binding;
  const needed = ctx.need([...parts.map((p) => p.field), total.field]);
  if (!needed.ok) return missing(needed.missing);
  const partReadings = parts.map((p) => needed.get(p.field));
  const totalReading = needed.get(total.field);
  const negative = negatives([...partReadings, totalReading]);
  if (negative.length) return missing(negative);
  if (totalReading.value.isZero()) return missing([zeroDivisor(totalReading)]);

  const places = ctx.options.percentDecimals;
  const exact = partReadings.map((r) => share(r.value, totalReading.value) as Dec);
  const halfUp = exact.map((ratio) => roundHalfUp(shiftDecimalPoint(ratio, 2), places));
  let shown = halfUp;
  let rounding: ComputedFact["rounding"] = "halfUp";
  const notes: string[] = [];
  let adjusted = false;
  if (ctx.options.sharesTo100) {
    const partsSum = sum(partReadings.map((r) => r.value));
    if (partsSum.eq(totalReading.value)) {
      shown = largestRemainderShares(
        partReadings.map((r) => r.value),
        places,
      ) as Dec[];
      rounding = "largestRemainder";
      adjusted = shown.some((s, i) => !s.eq(halfUp[i]));
    } else {
      notes.push(`${parts.map((p) => p.name).join("、")}之和${printed(ctx, totalReading, partsSum)}与${total.name}${printed(ctx, totalReading)}不等，占比未调整为合计100%。`);
    }
  }

  const clauses = parts.map((p, i) => {
    const totalName = i === 0 ? total.name : (total.shortName ?? total.name);
    return `${p.name}${printed(ctx, partReadings[i])}，占${totalName}的${shown[i].toFixed(places)}%`;
  });
  const hundred = (100).toFixed(places);
  const note = adjusted ? `（各项占比按最大余数法取整，合计为${hundred}%）` : "";
  const facts: Fact[] = [...partReadings.map((r) => r.fact), totalReading.fact];
  parts.forEach((p, i) => {
    facts.push(computed("share", `${p.name}占${total.name}的比重`, exact[i], `${shown[i].toFixed(places)}%`, [partReadings[i], totalReading], rounding));
  });
  return makeSentence(ctx, id, `${lead}${clauses.join("，")}${note}`, facts, notes);
}
