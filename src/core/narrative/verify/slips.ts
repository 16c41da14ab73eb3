import type { Span } from "./scan";

/**
 * Slips of the pen that need no table to see: a "%" with no number before it, and a word
 * written twice ("其中：其中：", "万元万元", "的的").
 */
export interface Slip {
  kind: "slip";
  span: Span;
  problem: "emptyPercent" | "doubled";
  /** What was written wrong, quoted in the message. */
  written: string;
  /** How it should read. */
  instead: string;
}

const CLAUSE_START = /[，,；;。：:！？!?\n]/;

/** "占基本支出预算%": a percent sign with no digits before it. */
function emptyPercents(text: string): Slip[] {
  const out: Slip[] = [];
  for (let i = text.indexOf("%"); i >= 0; i = text.indexOf("%", i + 1)) {
    let j = i - 1;
    while (j >= 0 && text[j] === " ") j--;
    if (j >= 0 && /\d/.test(text[j])) continue;
    let start = j + 1;
    while (start > 0 && !CLAUSE_START.test(text[start - 1])) start--;
    out.push({ kind: "slip", span: { start, end: i + 1 }, problem: "emptyPercent", written: text.slice(start, i + 1), instead: "" });
  }
  return out;
}

/**
 * A run of two to eight characters written twice in a row (with its own colon or comma), or a
 * doubled 的/了. Formal prose repeats no such word on purpose; numbers are left alone.
 */
const DOUBLED = /([\u4e00-\u9fa5]{2,8}[:：、，,]?)\1|(的|了)\2/g;

function doubledWords(text: string): Slip[] {
  const out: Slip[] = [];
  for (const m of text.matchAll(DOUBLED)) {
    const once = m[1] ?? m[2];
    const start = m.index ?? 0;
    out.push({ kind: "slip", span: { start, end: start + m[0].length }, problem: "doubled", written: m[0], instead: once });
  }
  return out;
}

export function slipsIn(text: string): Slip[] {
  return [...emptyPercents(text), ...doubledWords(text)];
}
