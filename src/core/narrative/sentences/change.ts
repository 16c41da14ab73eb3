import { Dec, percentChange, roundHalfUp, shiftDecimalPoint } from "../../money";
import type { ChangeItemBinding, ChangesBinding } from "../../spec/types";
import { isMissing, type NarrativeContext } from "../context";
import type { NarrativeOptions } from "../options";
import { computed, joinNames, makeSentence, missing, negatives, percentOfMagnitude } from "../sentence";
import { needAll, printed, templateFields, Writer } from "../template";
import type { Built, Fact, WordingSlot } from "../types";

/** One row compared with the prior year: its name in the sentences and its two cells. */
export type ChangeItem = ChangeItemBinding;

const AFTER = "比上年";

/**
 * "比上年降低44.77%" for a ratio of change, and where its direction word sits (none for
 * 与上年持平). The word follows the sign of the exact ratio; a change too small to show at the
 * chosen decimals says so instead of printing 0.00%.
 */
export function changePhrase(ratio: Dec, options: NarrativeOptions): { text: string; wording?: WordingSlot } {
  if (ratio.isZero()) return { text: "与上年持平" };
  const slot = ratio.isNegative() ? "decrease" : "increase";
  const word = slot === "decrease" ? options.decreaseWord : options.increaseWord;
  const wording: WordingSlot = { slot, word, at: AFTER.length };
  const places = options.percentDecimals;
  if (roundHalfUp(shiftDecimalPoint(ratio.abs(), 2), places).isZero()) {
    return { text: `${AFTER}${word}不足${new Dec(1).div(new Dec(10).pow(places)).toFixed(places)}%`, wording };
  }
  return { text: `${AFTER}${word}${percentOfMagnitude(ratio, places)}`, wording };
}

/**
 * Change on the prior year of one row.
 * - amountAs "实际支出": "公务接待费实际支出1.90万元，比上年降低44.77%";
 * - no amountAs:        "公务接待费比上年降低44.77%".
 * Prior 0 and current > 0: "…上年无此项支出，本年新增…万元"; both 0: "…本年无此项支出".
 */
export function buildChange(ctx: NarrativeContext, id: string, item: ChangeItem, amountAs: string | undefined): Built {
  const needed = ctx.need([item.prior, item.current]);
  if (!needed.ok) return missing(needed.missing);
  const prior = needed.get(item.prior);
  const current = needed.get(item.current);
  const negative = negatives([prior, current]);
  if (negative.length) return missing(negative);
  const facts: Fact[] = [prior.fact, current.fact];
  const amount = printed(ctx, current);

  if (prior.value.isZero()) {
    if (current.value.isZero()) return makeSentence(ctx, id, `${item.name}本年无此项支出`, facts);
    const text = `${item.name}上年无此项支出，本年新增${amount}`;
    const added = computed("difference", `${item.name}本年新增`, current.value.minus(prior.value), amount, [current, prior], "exact");
    return makeSentence(ctx, id, text, [...facts, added]);
  }
  const ratio = percentChange(prior.value, current.value);
  if (ratio === null) throw new Error("a non-zero prior always gives a ratio");
  const phrase = changePhrase(ratio, ctx.options);
  const lead = amountAs !== undefined ? `${item.name}${amountAs}${amount}，` : item.name;
  const change = computed("percentChange", `${item.name}比上年变动`, ratio, percentOfMagnitude(ratio, ctx.options.percentDecimals), [current, prior]);
  const built = makeSentence(ctx, id, `${lead}${phrase.text}`, [...facts, change]);
  if (built.ok && phrase.wording) built.sentence.wording = { ...phrase.wording, at: lead.length + phrase.wording.at };
  return built;
}

/** True when both years are filled and zero: the row belongs in the grouped "无…" clause. */
export function isNoneInBothYears(ctx: NarrativeContext, item: ChangeItem): boolean {
  const prior = ctx.read(item.prior);
  const current = ctx.read(item.current);
  return !isMissing(prior) && !isMissing(current) && prior.value.isZero() && current.value.isZero();
}

/** "2020年度无因公出国费用和公务用车购置费": the rows with nothing in either year, in one clause. */
export function buildNoneGroup(ctx: NarrativeContext, none: NonNullable<ChangesBinding["none"]>, items: ChangeItem[], key: string): Built {
  const writer = new Writer(ctx, key);
  const absent = needAll(ctx, templateFields(ctx, none.text, undefined, "with", ["names"]));
  if (absent.length) return missing(absent);
  const text = writer.write(none.text, undefined, { names: joinNames(items.map((i) => i.name)) });
  for (const item of items) {
    for (const fieldId of [item.prior, item.current]) {
      const r = ctx.read(fieldId);
      if (!isMissing(r)) writer.facts.push(r.fact);
    }
  }
  return makeSentence(ctx, none.id, text, writer.facts);
}

/** The items a changes binding states for this workbook, in item order, and those it groups as 无. */
export function changeItems(ctx: NarrativeContext, binding: ChangesBinding): { stated: ChangeItem[]; none: ChangeItem[] } {
  const none = binding.none ? binding.items.filter((item) => isNoneInBothYears(ctx, item)) : [];
  const stated = binding.items.filter((item) => {
    if (none.includes(item)) return false;
    if (!binding.onlyPriorPositive) return true;
    const prior = ctx.read(item.prior);
    return !isMissing(prior) && prior.value.gt(0);
  });
  return { stated, none };
}
