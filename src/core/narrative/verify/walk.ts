import { isMissing } from "../context";
import { DIRECTION_PATTERN, baseOf, lastRoleHint, parseGap, type Direction, type Gap, type GapPiece, type Qualifier } from "./gap";
import { judge, wrongUnit, type Verdict } from "./judge";
import { measure, type Expectation, type MeasureInput } from "./measures";
import { figuresIn, sentenceSpans, type FigureToken, type LabelHit, type LabelMatcher, type Span } from "./scan";
import type { Base, Concept, Role } from "./vocabulary";
import { noneClaims } from "./none";
import { slipsIn } from "./slips";
import { bareShare, tableOfListHead, wholeOfList } from "./share-whole";
import type { Checked, Outcome, WalkContext } from "./outcome";

interface Carried {
  subject: Concept;
  anchor: number;
  /** Cells the previous figure about this subject matched: the numerator of a following 占…. */
  fields?: string[];
  /** The previous figure about it could not be checked: what it meant is unknown, so nothing is carried. */
  unchecked?: boolean;
  /** The previous figure was the budget inside a rate ("完成预算84.82万元"): "的73.2%" is the rate. */
  budgetStated?: boolean;
  /** The previous figure was a change on this base (比上年预算减少…): a percentage after it is too. */
  base?: Base;
}

/**
 * "完成全年预算84.82万元的73.2%": the budget written inside the execution rate. The amount after
 * 完成预算 is the 预算 figure (a plain one, its role 预算), and a percentage after it with only 的
 * between is the execution rate. `words` is the text between the label (or the figure before) and
 * this figure; `afterBudget` says the figure before was such a budget amount.
 */
function rateReading(gap: Gap | null, figure: FigureToken, words: string, afterBudget: boolean): (Gap & { budgetStated?: boolean }) | null {
  if (afterBudget && figure.unit === "%" && words === "的") return { qualifier: { kind: "executionRate" } };
  // Only right after 完成…预算: in "完成预算支出62.07万元" the amount is what was spent.
  const budgetAmount = gap?.qualifier.kind === "executionRate" && figure.unit !== null && AMOUNT_UNITS.has(figure.unit) && /完成了?(?:全年|年初|年度)?预算数?$/.test(words);
  return budgetAmount ? { qualifier: { kind: "plain" }, hint: "budget", budgetStated: true } : gap;
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
  // The number of exactly one figure, written in the other unit (1.90元 for 1.90万元): a unit slip.
  const slipped = new Map(candidates.filter((c) => wrongUnit(figure, c)).map((c) => [c.value.toString(), c]));
  if (slipped.size === 1) return { expectation: [...slipped.values()][0], verdict: { status: "wrong" } };
  // The sentence's own words (预算…, 实际…) narrow the candidates; if they rule all of them out,
  // the figure is about something the tables do not hold, and nothing is asserted.
  const named = candidates.filter((c) => c.role === undefined || c.role === (hint ?? c.role));
  // Without a role word, a figure is this year's (last year's is said with 上年), unless the label has only last year's.
  const current = named.filter((c) => c.role !== "prior");
  const pool = hint === undefined && current.length ? current : named;
  if (pool.length === 0) return [];
  const distinct = new Map(pool.map((c) => [(magnitude ? c.value.abs() : c.value).toString(), c]));
  // Its own verdict: "wrong", with why when the figure is that one cut off instead of rounded.
  if (distinct.size === 1) return judged.find((j) => j.expectation === pool[0])!;
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
  let previous: Span | undefined;
  for (const sentence of sentenceSpans(text)) {
    out.push(...walkSentence(text, sentence, w, previous, out));
    previous = sentence;
  }
  out.push(...slipsIn(text));
  return out;
}

const DIRECTION_GLOBAL = new RegExp(DIRECTION_PATTERN.source, "g");
/** A quick test before the full pattern: every direction word has one of these characters. */
const DIRECTION_WORD = /[持降下减压增上提]/;

/** Clause ends: a figure is tied only to a label of its own clause ("公务接待费：1.90万元" is one clause). */
const CLAUSE_END = /[，,；;]/;

function clauseStart(text: string, from: number, at: number): number {
  let i = at;
  while (i > from && !CLAUSE_END.test(text[i - 1])) i--;
  return i;
}

/**
 * The concept a clause is about when it names a part (基本支出, 项目支出 …): the nearest scope
 * label at or before `at`, in the same clause or in the clause a "其中" clause belongs to.
 */
function scopeAt(text: string, sentence: Span, labels: LabelHit[], at: number, scopes: Set<string>): Concept | undefined {
  let limit = clauseStart(text, sentence.start, at);
  for (let k = labels.length - 1; k >= 0; k--) {
    const l = labels[k];
    if (l.start > at || text[l.start - 1] === "占") continue;
    while (l.start < limit) {
      // A "其中" clause belongs to the clause before it.
      if (!/^其中/.test(text.slice(limit, limit + 2))) return undefined;
      limit = clauseStart(text, sentence.start, limit - 1);
    }
    if (scopes.has(l.concept.id)) return l.concept;
  }
  return undefined;
}

/** The subject's cells that fit the clause's scope, or why none does. */
function scoped(subject: Concept, scope: Concept | undefined): Concept | string {
  if (!scope || scope === subject) return subject;
  const values = subject.values.filter((v) => !v.scope || v.scope === scope.id);
  if (values.length === subject.values.length) return subject;
  if (!values.length && subject.values.length) {
    const owner = subject.values[0].scope ?? "";
    return `表中的「${subject.name}」是${owner}的数，文中说的是${scope.name}`;
  }
  return { ...subject, values };
}

/** An item of a list whose head matched a cell of `table`: its cells in that table, when it has any there. */
function ofListTable(subject: Concept | string, table: string | undefined): Concept | string {
  if (typeof subject === "string" || !table) return subject;
  const values = subject.values.filter((v) => v.table === table);
  return values.length && values.length < subject.values.length ? { ...subject, values } : subject;
}

/** A plain figure tied to its label: a comparison right after it ("，较上年持平") is about the same label. */
interface TiedFigure extends Span {
  subject: Concept;
  hint?: Role;
}

interface Tie {
  figure: FigureToken;
  subject: Concept;
  /** Where the quote starts. */
  anchor: number;
  gap: Gap;
  /** Cells an earlier figure about the same subject matched. */
  inherited?: string[];
  /** The sentence before the figure with labels blanked, for role words. */
  before: string;
}

/** The year before the report's (比2019年度 in a 2020 report). */
function isPriorYear(w: WalkContext, year: number): boolean {
  const report = w.ctx.year();
  return !isMissing(report) && report.value.minus(1).eq(year);
}

/** A figure tied to a subject and its qualifier, measured and judged. */
function checkTie(t: Tie, w: WalkContext): Outcome {
  const { figure, subject, gap } = t;
  const span = { start: t.anchor, end: figure.end };
  // "三公经费预算比上年减少…": a change of the 预算 is on the prior year's 预算.
  const q: Qualifier = gap.qualifier.kind === "change" && !gap.qualifier.base && gap.hint === "budget" ? { ...gap.qualifier, base: "budget" } : gap.qualifier;
  const kind = figureKind(figure, subject, q);
  if (!kind) return { kind: "unchecked", span, reason: `单位或说法与「${subject.name}」不符` };
  const named = q.kind === "change" ? q.year : gap.year;
  if (named !== undefined) {
    const year = w.ctx.year();
    if (isMissing(year)) return { kind: "unchecked", span, reason: `文中与${named}年比较，表中未填评价年度` };
    if (!year.value.minus(1).eq(named)) return { kind: "unchecked", span, reason: `文中与${named}年比较，表中只有上年（${year.value.minus(1).toFixed(0)}年）的数` };
  }
  const measured = measure(w.ctx, w.other, { subject, qualifier: q, figureKind: kind.kind, derived: w.derived, ...(t.inherited ? { inherited: t.inherited } : {}) });
  if (!measured.ok) {
    if ("zeroBase" in measured && measured.zeroBase && kind.kind === "percent" && (q.kind === "change" || q.kind === "executionRate")) {
      return { kind: "checked", span, subject, qualifier: q, figure, expectation: measured.zeroBase, verdict: { status: "wrong" }, zeroBase: true };
    }
    const reason = "reason" in measured ? measured.reason : `表中未填：${measured.missing.map((m) => m.label).join("、")}`;
    return { kind: "unchecked", span, reason };
  }
  const magnitude = q.kind === "change" || q.kind === "headcountGap";
  const hint = gap.hint ?? lastRoleHint(t.before);
  const choice = choose(figure, measured.candidates, magnitude, hint);
  if (Array.isArray(choice)) {
    const options = choice.map((c) => c.basis).join("；");
    const reason = choice.length
      ? `可能对应多个栏目（${options}），与文中数均不一致，无法确定所指`
      : `文中所说（${hint === "budget" ? "预算" : hint === "prior" ? "上年" : "决算"}）在表中没有对应的「${subject.name}」数`;
    return { kind: "unchecked", span, reason };
  }
  const checked: Checked = { kind: "checked", span, subject, qualifier: q, figure, ...choice };
  // With both words of a template left ("下降（增长）") only the figure is checked, not a direction.
  if ((q.kind === "change" && !q.alternative) || q.kind === "headcountGap") {
    checked.direction = { word: q.word, agrees: directionAgrees(q.direction, choice.expectation.sign) };
  }
  if (kind.missingPercent) checked.missingPercent = true;
  if (choice.verdict.status === "wrong" && kind.kind === "amount") {
    const unit = wrongUnit(figure, choice.expectation);
    if (unit) checked.wrongUnit = unit;
  }
  if (figure.unit === "万") checked.wanWithoutYuan = true;
  return checked;
}

/** Two labels written together ("三公经费支出预算"): a compound the tables have no one cell for. */
function compoundWith(text: string, labels: LabelHit[], hit: LabelHit): LabelHit | undefined {
  return labels.find((l) => l !== hit && l.end <= hit.start && /^[“”"‘’的\s]*$/.test(text.slice(l.end, hit.start)) && !l.concept.weak && !hit.concept.weak);
}

function walkSentence(text: string, sentence: Span, w: WalkContext, previous?: Span, before: Outcome[] = []): Outcome[] {
  const out: Outcome[] = [];
  const checkedSoFar = (): Checked[] => [...before, ...out].filter((o): o is Checked => o.kind === "checked");
  const labels = w.matcher.labelsIn(text, sentence);
  const listed = listClaims(text, sentence, labels, w);
  const figures = figuresIn(text, sentence, labels).filter((f) => !f.calendar && !listed.figures.has(f.start));
  out.push(...listed.outcomes);
  // The sentence with labels blanked out, for role words outside labels (支出预算中 is a label, not a hint).
  let masked: string[] | undefined;
  const maskedBefore = (end: number): string => {
    if (!masked) {
      masked = [...text.slice(sentence.start, sentence.end)];
      for (const l of labels) for (let i = l.start; i < l.end; i++) masked[i - sentence.start] = " ";
    }
    return masked.slice(0, end - sentence.start).join("");
  };
  const consumed: Span[] = [];
  const tied: TiedFigure[] = [];
  let segmentStart = sentence.start;
  let carried: Carried | undefined;
  // Whether the last figure with a unit was tied to a label. In "局机关收入…，支出…，结余…" the
  // first figure is about something ZiPing does not know, so the generic 结余 after it is too.
  let lastTied: boolean | undefined;

  for (const figure of figures) {
    const from = segmentStart;
    segmentStart = figure.end;
    const clause = Math.max(from, clauseStart(text, sentence.start, figure.start));
    const inSegment = labels.filter((l) => l.start >= clause && l.end <= figure.start);
    const picked = subjectLabel(text, inSegment);
    const subject0 = picked?.hit.concept ?? carried?.subject;
    const anchor = picked?.hit.start ?? carried?.anchor ?? from;
    const untied = (reason: string) => {
      if (figure.unit !== null) {
        out.push({ kind: "unchecked", span: { start: Math.min(clause, anchor), end: figure.end }, reason });
        lastTied = false;
      }
      carried = undefined;
    };
    if (!picked && carried?.unchecked) {
      untied(`前面所说的「${carried.subject.name}」未能核对，此数无法确定所指`);
      continue;
    }
    if (!subject0) {
      untied("未找到对应的表格栏目");
      continue;
    }
    if (picked && !picked.absorbed && picked.hit.concept.weak && (lastTied === false || !standsAlone(text, clause, picked.hit))) {
      untied(`无法确定「${picked.hit.term}」所指`);
      continue;
    }
    const share = picked ? /占([\u4e00-\u9fa5]+)$/.exec(text.slice(clause, picked.hit.start)) : null;
    if (share && picked) {
      untied(`「${share[1]}${text.slice(picked.hit.start, picked.hit.end)}」在表中没有对应的栏目`);
      continue;
    }
    const joined = picked && !picked.absorbed ? compoundWith(text, inSegment, picked.hit) : undefined;
    if (joined) {
      untied(`「${text.slice(joined.start, picked!.hit.end)}」是两个栏目名连写，无法确定所指`);
      continue;
    }
    const subject = ofListTable(scoped(subject0, scopeAt(text, sentence, labels, anchor, w.scopes)), picked ? tableOfListHead(text, sentence, previous, anchor, w.matcher, checkedSoFar()) : undefined);
    if (typeof subject === "string") {
      untied(subject);
      continue;
    }
    // "…0.12万元，占3.5%": the share of the figure just stated, in the whole the list is headed by.
    const bare = !picked && carried?.fields?.length === 1 && figure.unit === "%" ? bareShare(text.slice(from, figure.start)) : null;
    const listShare = bare && carried ? wholeOfList(text, sentence, previous, carried.anchor, subject0, w.matcher, checkedSoFar(), bare.role) : undefined;
    const gapStart = picked ? picked.hit.end : from;
    const read = listShare ? { qualifier: listShare } : rateReading(parseGap(gapPieces(text, gapStart, figure.start, inSegment, picked?.absorbed)), figure, text.slice(gapStart, figure.start), !picked && carried?.budgetStated === true);
    // "比上年预算减少49万元，下降38.28%": the percentage is on the base the amount named.
    const gap = read && !picked && carried?.base && read.qualifier.kind === "change" && !read.qualifier.comparison && !read.qualifier.base ? { ...read, qualifier: { ...read.qualifier, base: carried.base } } : read;
    if (!gap) {
      untied("与栏目名之间有其他内容，无法确定所指");
      continue;
    }
    if (!figureKind(figure, subject, gap.qualifier)) {
      untied(`单位或说法与「${subject.name}」不符`);
      continue;
    }
    // The gap this figure read (a direction word in it is this figure's), not the text before its label.
    consumed.push({ start: picked ? picked.hit.end : from, end: figure.end });
    lastTied = true;
    const inherited = !picked && carried?.subject === subject0 ? carried.fields : undefined;
    const before = maskedBefore(figure.start);
    const outcome = checkTie({ figure, subject, anchor, gap, before, ...(inherited ? { inherited } : {}) }, w);
    out.push(outcome);
    if (outcome.kind === "checked" && gap.qualifier.kind === "plain") tied.push({ subject: subject0, start: anchor, end: figure.end, ...(gap.hint ? { hint: gap.hint } : {}) });
    const base = gap.qualifier.kind === "change" ? gap.qualifier.base ?? (gap.hint === "budget" ? "budget" : undefined) : undefined;
    carried = { subject: subject0, anchor, ...(outcome.kind === "checked" ? { fields: outcome.expectation.fields } : { unchecked: true }), ...(gap.budgetStated ? { budgetStated: true } : {}), ...(base ? { base } : {}) };
  }

  out.push(...directionOnly(text, sentence, labels, consumed, tied, w));
  out.push(...noneClaims(text, sentence, labels, w));
  return out;
}

/**
 * "收、支总计分别为1299.77、1112.80万元", "公务接待费、公务用车运行维护费分别为1.90、0.12万元":
 * the subjects before 分别 and the figures after it, paired in order. Figures of a list whose
 * subjects cannot all be told apart are left 未核对.
 */
function listClaims(text: string, sentence: Span, labels: LabelHit[], w: WalkContext): { outcomes: Outcome[]; figures: Set<number> } {
  const outcomes: Outcome[] = [];
  const taken = new Set<number>();
  const body = text.slice(sentence.start, sentence.end);
  if (!body.includes("分别")) return { outcomes, figures: taken };
  for (const m of body.matchAll(/分别(?:为|是|达到|达)?/g)) {
    const at = sentence.start + (m.index ?? 0);
    const after = at + m[0].length;
    const head = clauseStart(text, sentence.start, at);
    const list = figureList(text, after, sentence.end);
    if (list.length < 2) continue;
    const subjects = listSubjects(text.slice(head, at), head, labels, w.matcher);
    for (const f of list) taken.add(f.start);
    if (!subjects || subjects.length !== list.length) {
      outcomes.push({ kind: "unchecked", span: { start: head, end: list[list.length - 1].end }, reason: "“分别”前后的项目与数字个数不一致，无法一一对应" });
      continue;
    }
    list.forEach((figure, i) => {
      const s = subjects[i];
      outcomes.push(checkTie({ figure, subject: s.concept, anchor: s.start, gap: { qualifier: { kind: "plain" } }, before: "" }, w));
    });
  }
  return { outcomes, figures: taken };
}

/** "1299.77、1112.80万元": figures joined by 、/和/及, the last one's unit shared by all. */
function figureList(text: string, from: number, end: number): FigureToken[] {
  const all = figuresIn(text, { start: from, end }, []);
  const list: FigureToken[] = [];
  let at = from;
  for (const f of all) {
    if (!/^[\s、，,和及与]*$/.test(text.slice(at, f.start)) || f.calendar) break;
    list.push(f);
    at = f.end;
    if (f.unit !== null) break;
  }
  const unit = list[list.length - 1]?.unit;
  if (!unit || list.slice(0, -1).some((f) => f.unit !== null && f.unit !== unit)) return [];
  return list.map((f) => (f.unit === null ? { ...f, unit } : f));
}

/** The subjects of a 分别 list: one label per item, or items sharing the last one's ending (收、支总计). */
function listSubjects(head: string, offset: number, labels: LabelHit[], matcher: LabelMatcher): Array<{ concept: Concept; start: number }> | undefined {
  const items: Array<{ text: string; start: number }> = [];
  let start = 0;
  for (let i = 0; i <= head.length; i++) {
    if (i === head.length || /[、和及与]/.test(head[i])) {
      items.push({ text: head.slice(start, i), start: offset + start });
      start = i + 1;
    }
  }
  if (items.length < 2) return undefined;
  const own = items.map((it) => labels.filter((l) => l.start >= it.start && l.end <= it.start + it.text.length));
  if (own.every((ls) => ls.length >= 1)) return own.map((ls) => ({ concept: ls[ls.length - 1].concept, start: ls[ls.length - 1].start }));
  // 收、支总计: each short item takes the last item's ending (收入/支出 written as 收/支).
  const last = items[items.length - 1].text;
  const ELLIPSIS: Record<string, string> = { 收: "收入", 支: "支出" };
  for (let k = 1; k < last.length; k++) {
    const ending = last.slice(k);
    const heads = [...items.slice(0, -1).map((it) => it.text.slice(-1)), last.slice(k - 1, k)];
    const found = heads.map((h, i) => {
      for (const word of [h + ending, (ELLIPSIS[h] ?? h) + ending]) {
        const hits = matcher.labelsIn(word, { start: 0, end: word.length });
        if (hits.length === 1 && hits[0].start === 0 && hits[0].end === word.length) return { concept: hits[0].concept, start: items[i].start };
      }
      return undefined;
    });
    if (found.every((f) => f !== undefined)) return found as Array<{ concept: Concept; start: number }>;
  }
  return undefined;
}

/**
 * "三公经费较上年减少", "公务接待费与上年持平": a direction word after a label, with no figure.
 * Only with a comparison (比上年, 较上年, 同比, 与上年) so that 减少 in other senses is left alone.
 */
function directionOnly(text: string, sentence: Span, labels: LabelHit[], consumed: Span[], tied: TiedFigure[], w: WalkContext): Outcome[] {
  const out: Outcome[] = [];
  const body = text.slice(sentence.start, sentence.end);
  if (!DIRECTION_WORD.test(body)) return out;
  for (const m of body.matchAll(DIRECTION_GLOBAL)) {
    const groups = m.groups as { comparison?: string; year?: string; base?: string; word: string };
    if (!groups.comparison || (groups.year && !isPriorYear(w, Number(groups.year)))) continue;
    const start = sentence.start + (m.index ?? 0);
    if (consumed.some((c) => start >= c.start && start < c.end)) continue;
    const before = labels.filter((l) => l.end <= start);
    const picked = subjectLabel(text, before);
    if (!picked) continue;
    const span = { start: picked.hit.start, end: start + m[0].length };
    // "因公出国（境）费40万元，较上年持平": the label's own figure may stand before the comparison.
    const claim = tied.find((t) => t.subject === picked.hit.concept && t.start >= picked.hit.start && t.end <= start);
    const gap = parseGap(gapPieces(text, claim ? claim.end : picked.hit.end, start, before, picked.absorbed));
    if (!gap || gap.qualifier.kind !== "plain") continue;
    const subject = picked.hit.concept;
    if (!subject.pair) continue;
    const word = groups.word;
    const direction = word === "持平" || word === "基本持平" ? "flat" : /降|减/.test(word) ? "decrease" : "increase";
    // "…预算比上年持平": a change of the 预算, on the prior year's 预算.
    const base = baseOf(groups.base) ?? (gap.hint === "budget" || claim?.hint === "budget" ? "budget" : undefined);
    const qualifier: Qualifier = { kind: "change", direction, word, comparison: true, ...(base ? { base } : {}) };
    const measured = measure(w.ctx, w.other, { subject, qualifier, figureKind: "amount", derived: w.derived });
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
      direction: { word, agrees: directionAgrees(direction, expectation.sign) },
    });
  }
  return out;
}
