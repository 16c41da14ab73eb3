import { Dec } from "../../money";
import { OPTIONAL, matchKey, simplify } from "./chars";
import type { Concept } from "./vocabulary";

/**
 * Reading an officer's paragraph: sentences, the figures in them and the labels they name.
 * Offsets always refer to the text as given (normalising keeps every character in place).
 */

export interface Span {
  start: number;
  end: number;
}

/**
 * Traditional characters as simplified, full-width forms as ASCII, one character for one, so
 * offsets hold.
 */
export function normalize(text: string): string {
  return simplify(text);
}

/** Sentences end at 。！？ and at line breaks (a table pasted as text has one cell per line). */
export function sentenceSpans(text: string): Span[] {
  const spans: Span[] = [];
  let start = 0;
  for (let i = 0; i <= text.length; i++) {
    if (i === text.length || /[。！？!?\n]/.test(text[i])) {
      if (i > start) spans.push({ start, end: i });
      start = i + 1;
    }
  }
  return spans;
}

export type FigureUnit = "万元" | "元" | "万" | "亿元" | "%" | "人" | "台" | "个" | "家" | "项" | "分" | "万元/台" | "万元/人";

export interface FigureToken extends Span {
  /** The digits as written ("1,234.50"). */
  digits: string;
  value: Dec;
  /** Decimals as written: "0.049" has 3, "129" has 0. */
  decimals: number;
  /** Null for a bare number: a table cell, an ordinal, or a percentage written without %. */
  unit: FigureUnit | null;
  /** A year, month or day ("2020年", "12月"): never a claim, but it ends a phrase. */
  calendar: boolean;
}

const FIGURE = /(\d+(?:,\d{3})*(?:\.\d+)?)(?:\s?(万元\/台|万元\/人|万元|亿元|元|万|%|人|台|个|家|项|分))?/g;
const CALENDAR_AFTER = /^(?:年|月|日|号|季度|周|届|期|次|批|条|章|节|款|部分)/;

export function figuresIn(text: string, span: Span, labels: LabelHit[]): FigureToken[] {
  const out: FigureToken[] = [];
  const body = text.slice(span.start, span.end);
  for (const m of body.matchAll(FIGURE)) {
    const start = span.start + (m.index ?? 0);
    const end = start + m[0].length;
    const before = text[start - 1] ?? "";
    // Part of a longer token (a code like A12, a version 1.2.3) or inside a label's own words.
    if (/[A-Za-z.]/.test(before) || labels.some((l) => start < l.end && end > l.start)) continue;
    const digits = m[1];
    const unit = (m[2] as FigureUnit | undefined) ?? null;
    // "2023 年度": a PDF's text layer puts blanks between a year and 年.
    const after = text.slice(end, end + 3).replace(/^\s/, "");
    out.push({
      start,
      end,
      digits,
      value: new Dec(digits.replace(/,/g, "")),
      decimals: digits.includes(".") ? digits.length - digits.indexOf(".") - 1 : 0,
      unit,
      calendar: unit === null && CALENDAR_AFTER.test(after),
    });
  }
  return out;
}

export interface LabelHit extends Span {
  concept: Concept;
  term: string;
}

/**
 * Finds terms by longest match, left to right, without overlaps. A term matches with or without
 * 的/之/费, blanks and quotes inside it ("对个人和家庭补助" is 对个人和家庭的补助, "公务接待" is
 * 公务接待费); a 费 right after a match belongs to it.
 */
export class LabelMatcher {
  private readonly byFirst = new Map<string, Array<{ key: string; term: string; concept: Concept }>>();

  constructor(concepts: Concept[]) {
    for (const concept of concepts) {
      for (const term of concept.terms) {
        const key = matchKey(term);
        if (key.length < 2) continue;
        const list = this.byFirst.get(key[0]) ?? [];
        // The first concept to claim a term keeps it (the vocabulary merges concepts sharing one).
        if (!list.some((x) => x.key === key)) list.push({ key, term, concept });
        this.byFirst.set(key[0], list);
      }
    }
    for (const list of this.byFirst.values()) list.sort((a, b) => b.key.length - a.key.length);
  }

  /** Where `key` ends when it matches at `i`, skipping optional characters; -1 when it does not. */
  private static endOf(text: string, i: number, end: number, key: string): number {
    let j = i;
    let k = 0;
    while (k < key.length && j < end) {
      if (text[j] === key[k]) {
        j++;
        k++;
      } else if (OPTIONAL.test(text[j]) && j > i) j++;
      else return -1;
    }
    if (k < key.length) return -1;
    if (j < end && text[j] === "费") j++;
    return j;
  }

  labelsIn(text: string, span: Span): LabelHit[] {
    const hits: LabelHit[] = [];
    let i = span.start;
    while (i < span.end) {
      let best: { end: number; keyLength: number; term: string; concept: Concept } | undefined;
      for (const c of this.byFirst.get(text[i]) ?? []) {
        if (best && c.key.length < best.keyLength) break;
        const end = LabelMatcher.endOf(text, i, span.end, c.key);
        if (end > 0 && (!best || end > best.end)) best = { end, keyLength: c.key.length, term: c.term, concept: c.concept };
      }
      if (best) {
        hits.push({ start: i, end: best.end, concept: best.concept, term: best.term });
        i = best.end;
      } else i++;
    }
    return hits;
  }
}
