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

/** The sentence (or table line) around `at`: a header cell such as 占比% is a line without figures. */
function sentenceAround(text: string, at: number): string {
  let start = at;
  while (start > 0 && !/[。！？!?\n]/.test(text[start - 1])) start--;
  let end = at;
  while (end < text.length && !/[。！？!?\n]/.test(text[end])) end++;
  return text.slice(start, end);
}

/** Words of a clause that states a percentage: a share, a change, a rate. */
const PERCENT_CLAUSE = /占|比上年|较上年|同比|增长|降低|下降|减少|增加|执行率|完成/;

/**
 * "占基本支出预算%": a percent sign right after words, in a clause that states a percentage.
 * A header's "（%）" or "单位：%" is not a slip.
 */
function emptyPercents(text: string): Slip[] {
  const out: Slip[] = [];
  for (let i = text.indexOf("%"); i >= 0; i = text.indexOf("%", i + 1)) {
    let j = i - 1;
    while (j >= 0 && text[j] === " ") j--;
    if (j < 0 || !/[\u4e00-\u9fa5]/.test(text[j])) continue;
    let start = j + 1;
    while (start > 0 && !CLAUSE_START.test(text[start - 1])) start--;
    if (!PERCENT_CLAUSE.test(text.slice(start, i)) || !/\d/.test(sentenceAround(text, i))) continue;
    out.push({ kind: "slip", span: { start, end: i + 1 }, problem: "emptyPercent", written: text.slice(start, i + 1), instead: "" });
  }
  return out;
}

/**
 * A run of two to eight characters written twice in a row (with its own colon or comma), or a
 * doubled 的/了 (not 的的确确). Formal prose repeats no such word on purpose; numbers are left alone.
 */
const DOUBLED = /([\u4e00-\u9fa5]{2,8}[:：、，,]?)\1|的的(?!确)|了了/g;

function doubledWords(text: string): Slip[] {
  const out: Slip[] = [];
  for (const m of text.matchAll(DOUBLED)) {
    const once = m[1] ?? m[0][0];
    const start = m.index ?? 0;
    out.push({ kind: "slip", span: { start, end: start + m[0].length }, problem: "doubled", written: m[0], instead: once });
  }
  return out;
}

export function slipsIn(text: string): Slip[] {
  return [...emptyPercents(text), ...doubledWords(text)];
}
