import { lastRoleHint, type Qualifier } from "./gap";
import type { Checked } from "./outcome";
import type { LabelMatcher, Span } from "./scan";
import type { Concept } from "./vocabulary";

/**
 * "“三公”经费支出决算中，因公出国（境）费12.02万元，占19.4%" and "本单位收入为1687.45万元，其中：
 * 财政拨款收入1516.64万元，占89.88%": a share whose whole is not named after 占 but heads the
 * list the part is in — the clause ending in 中, or the clause just before 其中 (in the sentence
 * before, when the sentence starts with 其中). The whole is that clause's last label; when a
 * figure of that clause was checked against a cell, the share is of that cell.
 */
export function wholeOfList(text: string, sentence: Span, previous: Span | undefined, anchor: number, part: Concept, matcher: LabelMatcher, earlier: Checked[]): Extract<Qualifier, { kind: "share" }> | undefined {
  const clause = headClause(text, sentence, previous, anchor);
  if (!clause) return undefined;
  const labels = matcher.labelsIn(text, clause).filter((l) => !l.concept.weak && text[l.start - 1] !== "占");
  const whole = labels[labels.length - 1];
  if (!whole || whole.concept === part) return undefined;
  const stated = earlier.filter((c) => c.subject === whole.concept && c.qualifier.kind === "plain" && c.span.end > whole.end && c.span.end <= clause.end && c.expectation.fields.length === 1);
  if (stated.length > 1) return undefined;
  if (stated.length === 1) return { kind: "share", denominator: whole.concept, denominatorFields: stated[0].expectation.fields };
  const role = lastRoleHint(text.slice(whole.end, clause.end));
  return { kind: "share", denominator: whole.concept, ...(role ? { denominatorRole: role } : {}) };
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
  const among = [...head.matchAll(/其中/g)].pop();
  if (within && (!among || within.index > among.index)) return clauseBefore(text, sentence.start, sentence.start + within.index);
  if (!among) return undefined;
  let end = sentence.start + among.index;
  while (end > sentence.start && /[\s，,；;：:]/.test(text[end - 1])) end--;
  if (end > sentence.start) return clauseBefore(text, sentence.start, end);
  // The sentence starts with 其中: the whole is the last clause of the sentence before.
  if (!previous || previous.end === previous.start) return undefined;
  return clauseBefore(text, previous.start, previous.end);
}
