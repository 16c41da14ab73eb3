import { DIRECTION_PATTERN, lastRoleHint, parseGap, type Direction, type GapPiece, type Qualifier } from "./gap";
import { judge, wrongUnit, type Verdict } from "./judge";
import { measure, type Expectation, type MeasureInput } from "./measures";
import { figuresIn, sentenceSpans, type FigureToken, type LabelHit, type Span } from "./scan";
import type { Concept, Role } from "./vocabulary";
import { noneClaims } from "./none";
import type { Checked, Outcome, WalkContext } from "./outcome";

interface Carried {
  subject: Concept;
  anchor: number;
  /** Cells the previous figure about this subject matched: the numerator of a following 占…. */
  fields?: string[];
}

type FigureKind = MeasureInput["figureKind"];

const AMOUNT_UNITS = new Set(["万元", "元", "万", "亿元"]);
const COUNT_UNITS = new Set(["人", "台", "个", "家", "项"]);
const PERCENT_QUALIFIERS = new Set(["change", "share", "executionRate"]);

/** What kind of figure a claim states, or null when the unit does not fit what the words say. */
function figureKind(figure: FigureToken, subject: Concept, q: Qualifier): { kind: FigureKind; missingPercent: boolean } | null {
  const unit = figure.unit;
  if (unit === null) return PERCENT_QUALIFIERS.has(q.kind) ? { kind: "percent", missingPercent: true } : null;
  if (unit === "%") return PERCENT_QUALIFIERS.has(q.kind) ? { kind: "percent", missingPercent: false } : null;
  switch (q.kind) {
    case "plain":
      if (subject.measure === "amount" && AMOUNT_UNITS.has(unit)) return { kind: "amount", missingPercent: false };
      if (subject.measure === "count" && COUNT_UNITS.has(unit)) return { kind: "count", missingPercent: false };
      if (subject.measure === "score" && unit === "分") return { kind: "score", missingPercent: false };
      return null;
    case "change":
    case "overspend":
      return AMOUNT_UNITS.has(unit) && subject.measure === "amount" ? { kind: "amount", missingPercent: false } : null;
    case "perCapita":
      return AMOUNT_UNITS.has(unit) || unit === "万元/人" ? { kind: "amount", missingPercent: false } : null;
    case "perItem":
      return AMOUNT_UNITS.has(unit) || unit === "万元/台" ? { kind: "amount", missingPercent: false } : null;
    case "headcountGap":
      return subject.derived === "staffGap" && unit === "人" ? { kind: "count", missingPercent: false } : null;
    default:
      return null;
  }
}

/** The subject label of a figure: the last label before it that is not the whole of a 占…. */
function subjectLabel(text: string, labels: LabelHit[]): { hit: LabelHit; absorbed?: LabelHit } | undefined {
  const own = labels.filter((l) => text[l.start - 1] !== "占");
  const last = own[own.length - 1];
  if (!last) return undefined;
  const before = own[own.length - 2];
  // "公务用车运行维护费实际使用": the generic 实际使用 belongs to the label before it.
  if (last.concept.weak && before && before.end === last.start && !before.concept.weak) return { hit: before, absorbed: last };
  return { hit: last };
}

/**
 * A generic label (结余, 实际使用) names its concept only at the head of a clause: "，结余129万元"
 * is the 结余, "结余项目合计结余金额129万元" is some other 结余 the tables do not have.
 */
function standsAlone(text: string, from: number, hit: LabelHit): boolean {
  let start = hit.start;
  while (start > from && !/[，,；;：:（(\n]/.test(text[start - 1])) start--;
  const gap = parseGap([{ text: text.slice(start, hit.start) }]);
  return gap !== null && gap.qualifier.kind === "plain";
}

/** The pieces between `from` and `to`: text, and labels (allowed only as the whole of 占…). */
function gapPieces(text: string, from: number, to: number, labels: LabelHit[], absorbed?: LabelHit): GapPiece[] {
  const pieces: GapPiece[] = [];
  let at = from;
  for (const l of labels) {
    if (l.start < from || l.end > to || l === absorbed) continue;
    if (l.start > at) pieces.push({ text: text.slice(at, l.start) });
    pieces.push({ concept: l.concept });
    at = l.end;
  }
  if (to > at) pieces.push({ text: text.slice(at, to) });
  return pieces;
}

interface Choice {
  expectation: Expectation;
  verdict: Verdict;
}

/**
 * Picks the candidate the figure is about. A candidate the figure agrees with wins; then one
 * rounding explains; otherwise, if the sentence's words narrow the candidates to one figure, the
 * statement is wrong against it; if several different figures remain, it cannot be told which.
 */
function choose(figure: FigureToken, candidates: Expectation[], magnitude: boolean, hint: Role | undefined): Choice | Expectation[] {
  const judged = candidates.map((expectation) => ({ expectation, verdict: judge(figure, expectation, magnitude) }));
  const ok = judged.find((j) => j.verdict.status === "ok") ?? judged.find((j) => j.verdict.status === "tail");
  if (ok) return ok;
  // The sentence's own words (预算…, 实际…) narrow the candidates; if they rule all of them out,
  // the figure is about something the tables do not hold, and nothing is asserted.
  const pool = hint ? candidates.filter((c) => c.role === undefined || c.role === hint) : candidates;
  if (pool.length === 0) return [];
  const distinct = new Map(pool.map((c) => [(magnitude ? c.value.abs() : c.value).toString(), c]));
  if (distinct.size === 1) return { expectation: pool[0], verdict: { status: "wrong" } };
  return [...distinct.values()];
}

function directionAgrees(direction: Direction | "less" | "more", sign: number | undefined): boolean {
  if (sign === undefined) return true;
  if (direction === "flat") return sign === 0;
  if (direction === "decrease" || direction === "less") return sign < 0;
  return sign > 0;
}

/** Every figure and direction word of the text, tied and checked where possible. */
export function walk(text: string, w: WalkContext): Outcome[] {
  const out: Outcome[] = [];
  for (const sentence of sentenceSpans(text)) out.push(...walkSentence(text, sentence, w));
  return out;
}

function walkSentence(text: string, sentence: Span, w: WalkContext): Outcome[] {
  const out: Outcome[] = [];
  const labels = w.matcher.labelsIn(text, sentence);
  const figures = figuresIn(text, sentence, labels).filter((f) => !f.calendar);
  // The sentence with labels blanked out, for role words outside labels (支出预算中 is a label, not a hint).
  const masked = [...text.slice(sentence.start, sentence.end)];
  for (const l of labels) for (let i = l.start; i < l.end; i++) masked[i - sentence.start] = " ";
  const consumed: Span[] = [];
  let segmentStart = sentence.start;
  let carried: Carried | undefined;
  // Whether the last figure with a unit was tied to a label. In "局机关收入…，支出…，结余…" the
  // first figure is about something ZiPing does not know, so the generic 结余 after it is too.
  let lastTied: boolean | undefined;

  for (const figure of figures) {
    const from = segmentStart;
    segmentStart = figure.end;
    const inSegment = labels.filter((l) => l.start >= from && l.end <= figure.start);
    const picked = subjectLabel(text, inSegment);
    const subject = picked?.hit.concept ?? carried?.subject;
    const anchor = picked?.hit.start ?? carried?.anchor ?? from;
    const span = { start: anchor, end: figure.end };
    const untied = (reason: string) => {
      if (figure.unit !== null) {
        out.push({ kind: "unchecked", span: { start: from, end: figure.end }, reason });
        lastTied = false;
      }
      carried = undefined;
    };
    if (!subject) {
      untied("未找到对应的表格栏目");
      continue;
    }
    if (picked && !picked.absorbed && picked.hit.concept.weak && (lastTied === false || !standsAlone(text, from, picked.hit))) {
      untied(`无法确定「${picked.hit.term}」所指`);
      continue;
    }
    const gap = parseGap(gapPieces(text, picked ? picked.hit.end : from, figure.start, inSegment, picked?.absorbed));
    if (!gap) {
      untied("与栏目名之间有其他内容，无法确定所指");
      continue;
    }
    const kind = figureKind(figure, subject, gap.qualifier);
    if (!kind) {
      untied(`单位或说法与「${subject.name}」不符`);
      continue;
    }
    consumed.push({ start: from, end: figure.end });
    lastTied = true;
    const inherited = !picked && carried?.subject === subject ? carried.fields : undefined;
    const measured = measure(w.ctx, w.other, { subject, qualifier: gap.qualifier, figureKind: kind.kind, ...(inherited ? { inherited } : {}) });
    if (!measured.ok) {
      const reason = "reason" in measured ? measured.reason : `表中未填：${measured.missing.map((m) => m.label).join("、")}`;
      out.push({ kind: "unchecked", span, reason });
      carried = { subject, anchor };
      continue;
    }
    const magnitude = gap.qualifier.kind === "change" || gap.qualifier.kind === "headcountGap";
    const hint = gap.hint ?? lastRoleHint(masked.slice(0, figure.start - sentence.start).join(""));
    const choice = choose(figure, measured.candidates, magnitude, hint);
    if (Array.isArray(choice)) {
      const options = choice.map((c) => c.basis).join("；");
      const reason = choice.length
        ? `可能对应多个栏目（${options}），与文中数均不一致，无法确定所指`
        : `文中所说（${hint === "budget" ? "预算" : hint === "prior" ? "上年" : "决算"}）在表中没有对应的「${subject.name}」数`;
      out.push({ kind: "unchecked", span, reason });
      carried = { subject, anchor };
      continue;
    }
    const checked: Checked = { kind: "checked", span, subject, qualifier: gap.qualifier, figure, ...choice };
    const q = gap.qualifier;
    if (q.kind === "change" || q.kind === "headcountGap") {
      checked.direction = { word: q.word, agrees: directionAgrees(q.direction, choice.expectation.sign) };
    }
    if (kind.missingPercent) checked.missingPercent = true;
    if (choice.verdict.status === "wrong" && kind.kind === "amount") {
      const unit = wrongUnit(figure, choice.expectation);
      if (unit) checked.wrongUnit = unit;
    }
    if (figure.unit === "万") checked.wanWithoutYuan = true;
    out.push(checked);
    carried = { subject, anchor, fields: choice.expectation.fields };
  }

  out.push(...directionOnly(text, sentence, labels, consumed, w));
  out.push(...noneClaims(text, sentence, labels, w));
  return out;
}

/**
 * "三公经费较上年减少", "公务接待费与上年持平": a direction word after a label, with no figure.
 * Only with a comparison (比上年, 较上年, 同比, 与上年) so that 减少 in other senses is left alone.
 */
function directionOnly(text: string, sentence: Span, labels: LabelHit[], consumed: Span[], w: WalkContext): Outcome[] {
  const out: Outcome[] = [];
  const re = new RegExp(DIRECTION_PATTERN.source, "g");
  const body = text.slice(sentence.start, sentence.end);
  for (const m of body.matchAll(re)) {
    if (!m[1]) continue;
    const start = sentence.start + (m.index ?? 0);
    if (consumed.some((c) => start >= c.start && start < c.end)) continue;
    const before = labels.filter((l) => l.end <= start);
    const picked = subjectLabel(text, before);
    if (!picked) continue;
    const span = { start: picked.hit.start, end: start + m[0].length };
    const gap = parseGap(gapPieces(text, picked.hit.end, start, before, picked.absorbed));
    if (!gap || gap.qualifier.kind !== "plain") continue;
    const subject = picked.hit.concept;
    if (!subject.pair) continue;
    if (gap.hint === "budget") {
      out.push({ kind: "unchecked", span, reason: `表中没有${subject.name}预算的上年数` });
      continue;
    }
    const direction = m[2] === "持平" || m[2] === "基本持平" ? "flat" : /降|减/.test(m[2]) ? "decrease" : "increase";
    const qualifier: Qualifier = { kind: "change", direction, word: m[2], comparison: true };
    const measured = measure(w.ctx, w.other, { subject, qualifier, figureKind: "amount" });
    if (!measured.ok) {
      out.push({ kind: "unchecked", span, reason: "reason" in measured ? measured.reason : `表中未填：${measured.missing.map((x) => x.label).join("、")}` });
      continue;
    }
    const expectation = measured.candidates[0];
    out.push({
      kind: "checked",
      span,
      subject,
      qualifier,
      expectation,
      verdict: { status: "ok" },
      direction: { word: m[2], agrees: directionAgrees(direction, expectation.sign) },
    });
  }
  return out;
}
