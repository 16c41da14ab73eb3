import { formatAmount } from "../../money";
import { isMissing } from "../context";
import { parseGap } from "./gap";
import type { LabelHit, Span } from "./scan";
import type { Concept } from "./vocabulary";
import type { Outcome, WalkContext } from "./outcome";

const JOINERS = new Set(["和", "、", "及", "与"]);

/** The 本年 figures of a concept: a statement that it has none must find them all zero. */
function checkNone(concept: Concept, span: Span, w: WalkContext): Outcome {
  const readings = concept.values
    .filter((v) => v.role === "actual" && w.ctx.isFilled(v.field))
    .map((v) => w.ctx.read(v.field))
    .flatMap((r) => (isMissing(r) ? [] : [r]));
  if (!readings.length) return { kind: "unchecked", span, reason: `表中${concept.name}本年数未填写` };
  const spent = readings.find((r) => !r.value.isZero());
  const shown = spent ? `${formatAmount(spent.value, 2)}万元` : "无";
  return {
    kind: "checked",
    span,
    subject: concept,
    qualifier: { kind: "plain" },
    statedWord: "无",
    expectation: {
      value: spent?.value ?? readings[0].value,
      fields: readings.map((r) => r.field),
      basis: readings.map((r) => `${r.label}为${r.fact.shown}`).join("、"),
      statement: () => shown,
      quotient: false,
      alternatives: [],
    },
    verdict: spent ? { status: "wrong" } : { status: "ok" },
  };
}

/**
 * "2020年度无因公出国费用和公务用车购置费", "公务接待费本年无此项支出": statements that something
 * was not spent at all, checked against the 本年 cells (which must be 0 or 无).
 */
export function noneClaims(text: string, sentence: Span, labels: LabelHit[], w: WalkContext): Outcome[] {
  const out: Outcome[] = [];
  const amounts = labels.filter((l) => l.concept.measure === "amount" && !l.concept.derived);
  for (let i = 0; i < amounts.length; i++) {
    if (text[amounts[i].start - 1] !== "无") continue;
    const start = amounts[i].start - 1;
    let j = i;
    out.push(checkNone(amounts[i].concept, { start, end: amounts[i].end }, w));
    // 无A和B、C: every label joined to the first by 和/、/及.
    while (j + 1 < amounts.length && amounts[j + 1].start === amounts[j].end + 1 && JOINERS.has(text[amounts[j].end])) {
      j++;
      out.push(checkNone(amounts[j].concept, { start, end: amounts[j].end }, w));
    }
    i = j;
  }
  const body = text.slice(sentence.start, sentence.end);
  for (const m of body.matchAll(/无此项支出|无此项|无支出/g)) {
    const at = sentence.start + (m.index ?? 0);
    const before = amounts.filter((l) => l.end <= at);
    const last = before[before.length - 1];
    if (!last) continue;
    const gap = parseGap([{ text: text.slice(last.end, at) }]);
    if (!gap || gap.qualifier.kind !== "plain" || gap.hint === "prior" || gap.hint === "budget") continue;
    out.push(checkNone(last.concept, { start: last.start, end: at + m[0].length }, w));
  }
  return out;
}
