import { lastRoleHint, type Qualifier } from "./gap";
import type { Checked } from "./outcome";
import type { LabelHit, LabelMatcher, Span } from "./scan";
import type { Concept, Role } from "./vocabulary";

/**
 * "“三公”经费支出决算中，因公出国（境）费12.02万元，占19.4%" and "本单位收入为1687.45万元，其中：
 * 财政拨款收入1516.64万元，占89.88%": a share whose whole is not named after 占 but heads the
 * list the part is in — the clause ending in 中, or the clause just before 其中 (the sentence
 * before, when the sentence starts with 其中). The whole is that stretch's last label; when a
 * figure stated after it was checked against a cell, the share is of that cell.
 */
export function wholeOfList(text: string, sentence: Span, previous: Span | undefined, anchor: number, part: Concept, matcher: LabelMatcher, earlier: Checked[], named?: Role): Extract<Qualifier, { kind: "share" }> | undefined {
  const head = listHead(text, sentence, previous, anchor, matcher, earlier, named);
  if (!head || head.whole.concept === part) return undefined;
  const { whole, stated, clause } = head;
  if (stated.length > 1) return undefined;
  if (stated.length === 1) return { kind: "share", denominator: whole.concept, denominatorFields: stated[0].expectation.fields };
  const role = named ?? lastRoleHint(text.slice(whole.end, clause.end));
  return { kind: "share", denominator: whole.concept, ...(role ? { denominatorRole: role } : {}) };
}

/** The label heading the list the text at `anchor` is in, and its figures stated after it (its 预算 and its 决算 may both be; 占总支出决算的 names which). */
function listHead(text: string, sentence: Span, previous: Span | undefined, anchor: number, matcher: LabelMatcher, earlier: Checked[], named?: Role): { whole: LabelHit; stated: Checked[]; clause: Span } | undefined {
  const clause = headClause(text, sentence, previous, anchor);
  if (!clause) return undefined;
  const labels = matcher.labelsIn(text, clause).filter((l) => !l.concept.weak && text[l.start - 1] !== "占");
  const whole = labels[labels.length - 1];
  if (!whole) return undefined;
  const stated = earlier.filter((c) => c.subject === whole.concept && c.qualifier.kind === "plain" && c.span.end > whole.end && c.span.end <= clause.end && c.expectation.fields.length === 1 && (!named || c.expectation.role === named));
  return { whole, stated, clause };
}

/**
 * The table of the cell the list's head figure matched: "一般公共预算财政拨款支出2940.05万元，主要用于
 * 以下方面：卫生健康支出（类）60.99万元" lists that table's rows, not the 收入支出决算总表's
 * (the two may differ by a misprint). Undefined when the head's figure was not checked against one cell.
 */
export function tableOfListHead(text: string, sentence: Span, previous: Span | undefined, anchor: number, matcher: LabelMatcher, earlier: Checked[]): string | undefined {
  const head = listHead(text, sentence, previous, anchor, matcher, earlier);
  if (!head || head.stated.length !== 1) return undefined;
  const field = head.stated[0].expectation.fields[0];
  return head.whole.concept.values.find((v) => v.field === field)?.table;
}

/**
 * "，占3.5%" or "，占总支出决算的22.10%": a share with no label after 占, and the role its words
 * name (决算/预算), or null when the words are something else.
 */
export function bareShare(words: string): { role?: Role } | null {
  const m = /^[，,；;\s]*占(?:(?:总支出|支出总额|总额|总数)(决算|预算)?数?的)?\s*$/.exec(words);
  if (!m) return null;
  return m[1] ? { role: m[1] === "预算" ? "budget" : "actual" } : {};
}

const CLAUSE_END = /[，,；;：:]/;

function clauseBefore(text: string, from: number, end: number): Span {
  let start = end;
  while (start > from && !CLAUSE_END.test(text[start - 1])) start--;
  return { start, end };
}

/** The clause that heads the list the text at `anchor` is in, or undefined when none does. */
function headClause(text: string, sentence: Span, previous: Span | undefined, anchor: number): Span | undefined {
  const head = text.slice(sentence.start, anchor);
  // "…支出决算中，": the last clause before the anchor ending in 中 (not 其中).
  const within = [...head.matchAll(/(?<!其)中[，,：:]/g)].pop();
  // "…为1687.45万元，其中：": the clause before the last 其中.
  // "…支出2940.05万元，主要用于以下方面：" heads its list as 其中 does.
  const among = [...head.matchAll(/其中|主要用于(?:以下(?:几个)?方面)?(?=[：:])/g)].pop();
  if (within && (!among || within.index > among.index)) return clauseBefore(text, sentence.start, sentence.start + within.index);
  if (!among) return undefined;
  let end = sentence.start + among.index;
  while (end > sentence.start && /[\s，,；;：:]/.test(text[end - 1])) end--;
  if (end > sentence.start) return clauseBefore(text, sentence.start, end);
  // The sentence starts with 其中: the whole is the last item the sentence before names.
  if (!previous || previous.end === previous.start) return undefined;
  return previous;
}
