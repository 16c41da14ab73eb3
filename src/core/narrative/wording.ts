/**
 * What a reader of the narrative (the pane, the CLI) shows beside the text: why an input cannot
 * be used, and a sentence with another direction word. One place, so both say the same.
 */
import { formatNumber, type Dec } from "../money";
import { DECREASE_WORDS, INCREASE_WORDS } from "./options";
import type { MissingField, Sentence, WordingSlot } from "./types";

const MISSING_REASON: Record<MissingField["reason"], string> = {
  empty: "未填写",
  text: "不是数字",
  invalid: "无法识别",
  negative: "为负数",
  zero: "为0，无法相除",
  notInForm: "不在本报表中",
  notGiven: "未计算（需评分表）",
};

/** 「实有人数为0，无法相除（“0”）」: the input's label, what is wrong with it, and what the cell holds. */
export function describeMissing(m: MissingField): string {
  return `${m.label}${MISSING_REASON[m.reason]}${m.written ? `（“${m.written}”）` : ""}`;
}

/** The words a slot may take, the narrative's default first. */
export function wordingOptions(slot: Pick<WordingSlot, "slot" | "options">): readonly string[] {
  if (slot.options) return slot.options;
  return slot.slot === "decrease" ? DECREASE_WORDS : INCREASE_WORDS;
}

/**
 * How a 人均 figure in 万元 may be written: as the narrative writes it (0.049万元, the form's
 * decimals), or in 元 whole (487元) or to the 分 (487.18元), as officers often prefer. Each is
 * the same quotient rounded half up; equal spellings are offered once.
 */
export function perCapitaWordings(valueWan: Dec, shown: string): string[] {
  const yuan = valueWan.times(10000);
  return [...new Set([`${shown}万元`, `${formatNumber(yuan, 0)}元`, `${formatNumber(yuan, 2)}元`])];
}

/**
 * The sentence's text with `word` in its wording slot: what narrate writes with that word as
 * the option. A word outside the slot's set, or a sentence without a slot, leaves the text as is.
 */
export function sentenceWithWord(sentence: Pick<Sentence, "text" | "wording">, word: string | undefined): string {
  const slot = sentence.wording;
  if (!slot || word === undefined || !wordingOptions(slot).includes(word)) return sentence.text;
  return sentence.text.slice(0, slot.at) + word + sentence.text.slice(slot.at + slot.word.length);
}
