/**
 * 叙述核对: reads an officer's paragraph, ties every amount, percentage and direction word it can
 * to a label the form knows, recomputes it from the cells and reports what disagrees.
 */
import { templateLocator, type Finding, type Locate } from "../../check";
import { formatAmount } from "../../money";
import type { ReportData } from "../../spec/data";
import type { FormSpec } from "../../spec/types";
import { createContext } from "../context";
import type { NarrativeOptions } from "../options";
import { normalize, LabelMatcher, type Span } from "./scan";
import type { Slip } from "./slips";
import { buildVocabulary, type Vocabulary } from "./vocabulary";
import type { Checked } from "./outcome";
import { walk } from "./walk";
import { likelySlips, type LikelySlip } from "./likely";

export type NarrativeProblem =
  | "figure" // the figure disagrees with the tables
  | "direction" // 增长/降低/少/多 against the sign
  | "percentSign" // a percentage without %
  | "unit" // 元 for 万元 or the reverse
  | "tail" // 尾差: a difference rounding explains
  | "unitStyle" // "6.45万" without 元
  | "zeroBase" // a percentage change on a prior year of 0, or an execution rate on a budget of 0
  | "emptyPercent" // "%" with no number before it
  | "doubled" // 其中：其中：
  | "flatWording" // "增加0万元" where the two years are equal: the figure is right, 持平 reads better
  | "likely"; // 可能有误: not tied to a label, but one keystroke from a figure of the sentence's tables

/** A check finding about the text: the Finding shape, its kind "narrative", with where in the text. */
export interface NarrativeFinding extends Omit<Finding, "kind"> {
  kind: "narrative";
  problem: NarrativeProblem;
  /** Character offset of the quoted phrase in the text. */
  offset: number;
  /** 1-based line of the text. */
  line: number;
  quote: string;
}

/** A figure ZiPing found and checked: what was stated, what the tables give, from which cells. */
export interface CheckedClaim {
  offset: number;
  line: number;
  quote: string;
  fields: string[];
  stated?: string;
  expected: string;
  /** agrees: nothing to report; tail: only a 尾差 notice; error: at least one error finding. */
  status: "agrees" | "tail" | "error";
}

/** 未核对: a figure ZiPing could not tie to a label (or could not check), quoted, with why. */
export interface UncheckedClaim {
  offset: number;
  line: number;
  quote: string;
  reason: string;
}

export interface VerifyReport {
  findings: NarrativeFinding[];
  checked: CheckedClaim[];
  unchecked: UncheckedClaim[];
  summary: { checked: number; agreed: number; errors: number; notices: number; unchecked: number };
}

const QUOTE_LIMIT = 48;

/** offset -> 1-based line, from the line starts found once. */
function lineFinder(text: string): (offset: number) => number {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === "\n") starts.push(i + 1);
  return (offset) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  };
}

/** The phrase from the label to the figure, trimmed of leading punctuation and shortened from the left. */
function quoteOf(text: string, span: Span): { offset: number; quote: string } {
  let start = span.start;
  while (start < span.end && /[\s，,、；;：:（(）)]/.test(text[start])) start++;
  if (span.end - start > QUOTE_LIMIT) return { offset: span.end - QUOTE_LIMIT, quote: `…${text.slice(span.end - QUOTE_LIMIT, span.end)}` };
  return { offset: start, quote: text.slice(start, span.end) };
}

function realDirection(c: Checked): string {
  const sign = c.expectation.sign ?? 0;
  if (c.qualifier.kind === "headcountGap") return sign === 0 ? "实际人数与编制人数相同" : `实际人数比编制人数${sign < 0 ? "少" : "多"}`;
  return sign === 0 ? "与上年持平" : `比上年${sign < 0 ? "减少" : "增加"}`;
}

function findingsOf(original: string, c: Checked, locate: Locate, lineOf: (offset: number) => number): { findings: NarrativeFinding[]; claim: CheckedClaim } {
  const { offset, quote } = quoteOf(original, c.span);
  const line = lineOf(offset);
  const where = `第${line}行「${quote}」`;
  const fields = c.expectation.fields;
  const stated = c.figure ? original.slice(c.figure.start, c.figure.end) : c.statedWord;
  const expected = c.expectation.statement(c.figure?.decimals ?? 2);
  const base = { fields, cell: locate(fields[0]), cells: fields.map(locate), offset, line, quote };
  const make = (problem: NarrativeProblem, severity: Finding["severity"], message: string, figures: { expected?: string; actual?: string; difference?: string } = {}): NarrativeFinding => ({
    // The figure's end is unique per claim (two claims may quote from the same label).
    ruleId: `narrative.${problem}@${c.span.end}`,
    relationId: `narrative.${c.qualifier.kind}`,
    kind: "narrative",
    problem,
    severity,
    ...base,
    ...figures,
    message,
  });

  const findings: NarrativeFinding[] = [];
  if (c.zeroBase) {
    const instead = c.expectation.statement(2);
    const message =
      c.qualifier.kind === "executionRate"
        ? `${where}：${c.subject.name}预算为0（${c.expectation.basis}），没有执行率可言，不宜写“${c.figure?.digits ?? ""}%”；应写作“${instead}”。`
        : `${where}：${c.subject.name}上年为0（${c.expectation.basis}），没有可比的百分比，不宜写“${c.qualifier.kind === "change" ? c.qualifier.word : "增长"}${c.figure?.digits ?? ""}%”；应写作“${instead}”。`;
    findings.push(make("zeroBase", "error", message, { expected: instead, ...(stated ? { actual: stated } : {}) }));
    return { findings, claim: { offset, line, quote, fields, ...(stated ? { stated } : {}), expected: instead, status: "error" } };
  }
  // "增加0万元"/"增长0%" on two equal years states the figure rightly; only the word is odd.
  const flatButWorded = c.direction && !c.direction.agrees && c.expectation.sign === 0 && c.figure?.value.isZero() && c.verdict.status === "ok";
  if (c.direction && flatButWorded) {
    findings.push(make("flatWording", "info", `${where}：${c.subject.name}${c.expectation.basis}，与上年持平；数字无误，宜写作“与上年持平”，不写“${c.direction.word}0”。`, { expected: "与上年持平", actual: c.direction.word }));
  } else if (c.direction && !c.direction.agrees) {
    findings.push(make("direction", "error", `${where}：${c.subject.name}${c.expectation.basis}，${realDirection(c)}，文中却用“${c.direction.word}”。`, { expected: realDirection(c), actual: c.direction.word }));
  }
  if (c.missingPercent && c.figure) {
    findings.push(make("percentSign", "error", `${where}：百分数“${c.figure.digits}”后缺少“%”。`, { actual: stated }));
  }
  const v = c.verdict;
  if (v.status === "wrong" && c.wrongUnit && c.figure) {
    const proper = c.wrongUnit === "万元" ? `${c.figure.digits}万元` : `${c.figure.digits}元（${formatAmount(c.expectation.value, 2)}万元）`;
    findings.push(make("unit", "error", `${where}：单位有误，${c.subject.name}${c.expectation.basis}，应写作${proper}，文中为“${stated}”。`, { expected: proper, actual: stated }));
  } else if (v.status === "wrong" && !c.figure) {
    findings.push(make("figure", "error", `${where}：文中称“${stated ?? ""}”，按表${c.expectation.basis}。`, { expected, ...(stated ? { actual: stated } : {}) }));
  } else if (v.status === "wrong") {
    const difference = c.qualifier.kind === "plain" || c.qualifier.kind === "overspend" ? c.figure?.value.minus(c.expectation.value) : undefined;
    const by = difference && c.figure?.unit && c.figure.unit.startsWith("万") ? `，相差${formatAmount(difference.abs(), 2)}万元` : "";
    findings.push(
      make("figure", "error", `${where}：按表应为${expected}（${c.expectation.basis}），文中为“${stated}”${by}${v.why ? `；${v.why}` : ""}。`, {
        expected,
        actual: stated,
        ...(difference && by ? { difference: formatAmount(difference, 2) } : {}),
      }),
    );
  } else if (v.status === "tail") {
    findings.push(make("tail", "info", `${where}：按表计算为${expected}（${c.expectation.basis}），文中为“${stated}”；属尾差：${v.why}。`, { expected, actual: stated }));
  }
  if (c.wanWithoutYuan) findings.push(make("unitStyle", "info", `${where}：金额单位写作“万”，报告中应写“万元”。`, { actual: stated }));
  const status = findings.some((f) => f.severity === "error") ? "error" : v.status === "tail" ? "tail" : "agrees";
  return { findings, claim: { offset, line, quote, fields, ...(stated ? { stated } : {}), expected, status } };
}

function likelyFinding(original: string, span: Span, slip: LikelySlip, locate: Locate, lineOf: (offset: number) => number): NarrativeFinding {
  const { offset, quote } = quoteOf(original, span);
  const line = lineOf(offset);
  const stated = original.slice(slip.figure.start, slip.figure.end);
  const table = `${slip.tableValue}万元`;
  const cell = locate(slip.field);
  return {
    ruleId: `narrative.likely@${span.end}`,
    relationId: "narrative.likely",
    kind: "narrative",
    problem: "likely",
    severity: "info",
    fields: [slip.field],
    cell,
    cells: [cell],
    offset,
    line,
    quote,
    expected: table,
    actual: stated,
    message: `第${line}行「${quote}」：未能确定所指；同句所涉表中“${slip.tableLabel}”为${table}，文中为“${stated}”，可能有误，请核对。`,
  };
}

function slipFinding(original: string, s: Slip, lineOf: (offset: number) => number): NarrativeFinding {
  const { offset, quote } = quoteOf(original, s.span);
  const line = lineOf(offset);
  const where = `第${line}行「${quote}」`;
  const once = original.slice(s.span.start, s.span.start + s.instead.length);
  const message = s.problem === "emptyPercent" ? `${where}：“%”前没有数字，百分比漏写。` : `${where}：“${once}”重复写了两次，应只写一次。`;
  return {
    ruleId: `narrative.${s.problem}@${s.span.end}`,
    relationId: `narrative.${s.problem}`,
    kind: "narrative",
    problem: s.problem,
    severity: s.problem === "emptyPercent" ? "error" : "warning",
    fields: [],
    cell: "",
    cells: [],
    offset,
    line,
    quote,
    actual: original.slice(s.span.start, s.span.end),
    ...(s.instead ? { expected: once } : {}),
    message,
  };
}

/**
 * The vocabulary and its matcher per form and lists: a form is fixed data and lists change
 * rarely, so checking the text again after an edit of a figure builds neither.
 */
const vocabularies = new WeakMap<FormSpec, { listsKey: string; vocabulary: Vocabulary; matcher: LabelMatcher }>();
function vocabularyFor(form: FormSpec, lists: ReportData["lists"]): { vocabulary: Vocabulary; matcher: LabelMatcher } {
  const listsKey = JSON.stringify(lists);
  const known = vocabularies.get(form);
  if (known && known.listsKey === listsKey) return known;
  const vocabulary = buildVocabulary(form, lists);
  const built = { listsKey, vocabulary, matcher: new LabelMatcher(vocabulary.concepts) };
  vocabularies.set(form, built);
  return built;
}

/** Checks `text` (the officer's paragraphs) against the cells of `data`. Pure. */
export function verifyNarrative(form: FormSpec, data: ReportData, text: string, options: Partial<NarrativeOptions> = {}, locate: Locate = templateLocator(form, data)): VerifyReport {
  const ctx = createContext(form, data, options);
  const other = createContext(form, data, { ...options, precision: ctx.options.precision === "shown" ? "full" : "shown" });
  const { vocabulary, matcher } = vocabularyFor(form, data.lists);
  const normalized = normalize(text);
  const outcomes = walk(normalized, { ctx, other, matcher, derived: vocabulary.derived, scopes: vocabulary.scopes }).sort((a, b) => a.span.start - b.span.start);
  const lineOf = lineFinder(text);
  const likely = likelySlips(
    normalized,
    outcomes.filter((o) => o.kind === "unchecked").map((o) => o.span),
    outcomes.flatMap((o) => (o.kind === "checked" ? [{ end: o.span.end, fields: o.expectation.fields }] : [])),
    form,
    data,
  );

  const findings: NarrativeFinding[] = [];
  const checked: CheckedClaim[] = [];
  const unchecked: UncheckedClaim[] = [];
  for (const o of outcomes) {
    if (o.kind === "slip") {
      findings.push(slipFinding(text, o, lineOf));
      continue;
    }
    const slip = o.kind === "unchecked" ? likely.get(o.span) : undefined;
    if (slip) {
      findings.push(likelyFinding(text, o.span, slip, locate, lineOf));
      continue;
    }
    if (o.kind === "unchecked") {
      const { offset, quote } = quoteOf(text, o.span);
      unchecked.push({ offset, line: lineOf(offset), quote, reason: o.reason });
      continue;
    }
    const r = findingsOf(text, o, locate, lineOf);
    findings.push(...r.findings);
    checked.push(r.claim);
  }
  const errors = findings.filter((f) => f.severity === "error").length;
  return {
    findings,
    checked,
    unchecked,
    summary: {
      checked: checked.length,
      agreed: checked.filter((c) => c.status === "agrees").length,
      errors,
      notices: findings.length - errors,
      unchecked: unchecked.length,
    },
  };
}
