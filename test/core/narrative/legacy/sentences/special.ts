import { formatAmount } from "../../../../../src/core/money";
import type { NarrativeContext } from "../../../../../src/core/narrative/context";
import { computed, makeSentence, missing, wan } from "../../../../../src/core/narrative/sentence";
import type { Built } from "../types";

/** "本年预算投入14.76万元，实际投入544.56万元". */
export function buildSpecialInput(ctx: NarrativeContext, id: string): Built {
  const needed = ctx.need(["special.budget", "special.actual"]);
  if (!needed.ok) return missing(needed.missing);
  const budget = needed.get("special.budget");
  const actual = needed.get("special.actual");
  return makeSentence(ctx, id, `本年预算投入${wan(budget.value)}，实际投入${wan(actual.value)}`, [budget.fact, actual.fact]);
}

/**
 * "本年追加专项280.51万元，实际使用415.56万元，结余129.00万元". The 结余 is computed
 * (实际投入 − 实际使用), so the sentence agrees with the figures it sits next to.
 */
export function buildSpecialUse(ctx: NarrativeContext, id: string): Built {
  const needed = ctx.need(["special.added", "special.actual", "special.used"]);
  if (!needed.ok) return missing(needed.missing);
  const added = needed.get("special.added");
  const actual = needed.get("special.actual");
  const used = needed.get("special.used");
  const balance = actual.value.minus(used.value);
  const phrase = balance.isNegative() ? `超出实际投入${wan(balance.negated())}` : `结余${wan(balance)}`;
  const text = `本年追加专项${wan(added.value)}，实际使用${wan(used.value)}，${phrase}`;
  const fact = computed("difference", "专项结余（实际投入 − 实际使用）", balance, formatAmount(balance, 2), [actual, used], "exact");
  return makeSentence(ctx, id, text, [added.fact, actual.fact, used.fact, fact]);
}
