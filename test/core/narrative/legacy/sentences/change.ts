import { Dec, percentChange, roundHalfUp, shiftDecimalPoint } from "../../../../../src/core/money";
import type { NarrativeContext, Reading } from "../../../../../src/core/narrative/context";
import type { NarrativeOptions } from "../../../../../src/core/narrative/options";
import { computed, joinNames, makeSentence, missing, negatives, percentOfMagnitude, wan } from "../../../../../src/core/narrative/sentence";
import type { Built, Fact } from "../types";

/** One row compared with the prior year: its name in the sentences and its two cells. */
export interface ChangeItem {
  key: string;
  name: string;
  prior: string;
  current: string;
}

/**
 * "比上年降低44.77%" for a ratio of change. The word follows the sign of the exact ratio; a
 * change too small to show at the chosen decimals says so instead of printing 0.00%.
 */
export function changePhrase(ratio: Dec, options: NarrativeOptions): string {
  if (ratio.isZero()) return "与上年持平";
  const word = ratio.isNegative() ? options.decreaseWord : options.increaseWord;
  const places = options.percentDecimals;
  if (roundHalfUp(shiftDecimalPoint(ratio.abs(), 2), places).isZero()) {
    return `比上年${word}不足${new Dec(1).div(new Dec(10).pow(places)).toFixed(places)}%`;
  }
  return `比上年${word}${percentOfMagnitude(ratio, places)}`;
}

/**
 * Change on the prior year of one row.
 * - withAmount: "公务接待费实际支出1.90万元，比上年降低44.77%" (the 预算执行 sentence);
 * - otherwise:  "公务接待费比上年降低44.77%" (the 与上年比较 sentence).
 * Prior 0 and current > 0: "…上年无此项支出，本年新增…万元"; both 0: "…本年无此项支出".
 */
export function buildChange(ctx: NarrativeContext, id: string, item: ChangeItem, withAmount: boolean): Built {
  const needed = ctx.need([item.prior, item.current]);
  if (!needed.ok) return missing(needed.missing);
  const prior = needed.get(item.prior);
  const current = needed.get(item.current);
  const negative = negatives([prior, current]);
  if (negative.length) return missing(negative);
  const facts: Fact[] = [prior.fact, current.fact];

  if (prior.value.isZero()) {
    if (current.value.isZero()) return makeSentence(ctx, id, `${item.name}本年无此项支出`, facts);
    const text = `${item.name}上年无此项支出，本年新增${wan(current.value)}`;
    const added = computed("difference", `${item.name}本年新增`, current.value.minus(prior.value), wan(current.value), [current, prior], "exact");
    return makeSentence(ctx, id, text, [...facts, added]);
  }
  const ratio = percentChange(prior.value, current.value);
  if (ratio === null) throw new Error("a non-zero prior always gives a ratio");
  const phrase = changePhrase(ratio, ctx.options);
  const text = withAmount ? `${item.name}实际支出${wan(current.value)}，${phrase}` : `${item.name}${phrase}`;
  const change = computed("percentChange", `${item.name}比上年变动`, ratio, percentOfMagnitude(ratio, ctx.options.percentDecimals), [current, prior]);
  return makeSentence(ctx, id, text, [...facts, change]);
}

/** True when both years are filled and zero: the row belongs in the grouped "无…" sentence. */
export function isNoneInBothYears(ctx: NarrativeContext, item: ChangeItem): boolean {
  const prior = ctx.read(item.prior);
  const current = ctx.read(item.current);
  return "value" in prior && "value" in current && prior.value.isZero() && current.value.isZero();
}

/** "2020年度无因公出国费用和公务用车购置费": the rows with nothing in either year, in one clause. */
export function buildNoneGroup(ctx: NarrativeContext, id: string, items: ChangeItem[], year: Reading): Built {
  const facts: Fact[] = [year.fact];
  for (const item of items) {
    for (const fieldId of [item.prior, item.current]) {
      const r = ctx.read(fieldId);
      if ("value" in r) facts.push(r.fact);
    }
  }
  return makeSentence(ctx, id, `${year.fact.shown}年度无${joinNames(items.map((i) => i.name))}`, facts);
}
