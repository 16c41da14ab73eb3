/** Reading the seed reports' own sentences, so expected text is the seed's, not a copy of ZiPing's output. */
import { Dec } from "../../../src/core/money";
import type { Narrative, Sentence } from "../../../src/core/narrative";

/** The seed's text from `start` up to (not including) the first `end` after it. */
export function seedClause(seed: string, start: string, end: string): string {
  const from = seed.indexOf(start);
  if (from < 0) throw new Error(`the seed has no «${start}»`);
  const to = seed.indexOf(end, from + start.length);
  if (to < 0) throw new Error(`the seed has no «${end}» after «${start}»`);
  return seed.slice(from, to);
}

/**
 * Every amount in 万元 rewritten as ZiPing prints amounts: 2 decimals and the unit in full
 * ("105万元" -> "105.00万元", "6.45万" -> "6.45万元"). The seeds have at most 2 decimals, so this
 * only pads; it never rounds.
 */
export function asZiPingAmounts(text: string): string {
  return text.replace(/(\d+(?:\.\d+)?)万元?/g, (_, n: string) => {
    const value = new Dec(n);
    expect(value.decimalPlaces()).toBeLessThanOrEqual(2);
    return `${value.toFixed(2)}万元`;
  });
}

export function sentence(narrative: Narrative, id: string): Sentence {
  for (const p of narrative.paragraphs) {
    const s = p.sentences.find((x) => x.id === id);
    if (s) return s;
  }
  throw new Error(`no sentence ${id}`);
}

export function paragraphText(narrative: Narrative, id: string): string {
  const p = narrative.paragraphs.find((x) => x.id === id);
  if (!p) throw new Error(`no paragraph ${id}`);
  return p.text;
}

/** a − b, exactly, as text with 2 decimals. */
export function minus(a: string, b: string): string {
  return new Dec(a).minus(new Dec(b)).toFixed(2);
}

/** Σ values, exactly, as text with 2 decimals. */
export function total(values: string[]): string {
  return values.reduce((acc, v) => acc.plus(new Dec(v)), new Dec(0)).toFixed(2);
}
