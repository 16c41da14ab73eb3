import { Dec, formatAmount, roundHalfUp, sum } from "../money";
import { shownDecimals, type FieldDef } from "../spec/instances";
import type { Finding, FindingKind } from "./finding";
import { cellList, nameIn, showFigure, subjectOf, withUnit } from "./finding";
import type { IndexedRule } from "./compile";
import type { Rule } from "../spec/rules";
import { ruleFields } from "../spec/rules";
import { contribution, ZERO, type CellState, type ReadValues } from "./values";

export type RuleStatus = "pass" | "fail" | "tail" | "skipped";

export interface RuleResult {
  rule: Rule;
  status: RuleStatus;
  /** Why a skipped rule could not be checked (未填写 / 含无法识别的数值). */
  reason?: string;
  finding?: Finding;
  /** Equations: the signed sum of the parts that are filled, when any is (an import shows it beside the exported total). */
  partsSum?: Dec;
}

/** Turns field ids into sheet-qualified cell addresses. */
export type Locate = (fieldId: string) => string;

interface Context {
  fields: FieldDef[];
  states: CellState[];
  locate: Locate;
}

function finding(
  ctx: Context,
  rule: Rule,
  kind: FindingKind,
  severity: Finding["severity"],
  message: string,
  figures: { expected?: string; actual?: string; difference?: string } = {},
): Finding {
  const fields = ruleFields(rule);
  return {
    ruleId: rule.id,
    relationId: rule.relation.id,
    kind,
    severity,
    fields,
    cell: ctx.locate(fields[0]),
    cells: fields.map(ctx.locate),
    ...figures,
    message,
  };
}

/** Anything unreadable among the rule's fields stops it: the invalid cell has its own finding. */
function unreadable(ctx: Context, rule: IndexedRule): boolean {
  for (const i of rule.ix) {
    const state = ctx.states[i].state;
    if (state === "invalid" || (state === "text" && rule.kind !== "grade")) return true;
  }
  return false;
}

function evaluateEquation(ctx: Context, rule: Extract<IndexedRule, { kind: "equation" }>): RuleResult {
  if (unreadable(ctx, rule)) return { rule, status: "skipped", reason: "含无法识别的数值" };
  const [targetIx, ...termIx] = rule.ix;
  const target = ctx.states[targetIx];
  const actual = contribution(target);
  let expected = ZERO;
  let filled = 0;
  for (let k = 0; k < termIx.length; k++) {
    const v = contribution(ctx.states[termIx[k]]);
    if (v === undefined) continue;
    filled++;
    expected = rule.terms[k].sign === 1 ? expected.plus(v) : expected.minus(v);
  }
  if (filled === 0) return { rule, status: "skipped", reason: "未填写" };
  if (actual === undefined) return { rule, status: "skipped", reason: "未填写", partsSum: expected };
  const diff = actual.minus(expected);
  if (diff.isZero()) return { rule, status: "pass", partsSum: expected };
  return { ...equationFinding(ctx, rule, actual, expected, diff), partsSum: expected };
}

/** The slow path, only for totals that do not add up: tolerance, explanation, largest part. */
function equationFinding(
  ctx: Context,
  rule: Extract<IndexedRule, { kind: "equation" }>,
  actual: Dec,
  expected: Dec,
  diff: Dec,
): RuleResult {
  const [targetIx, ...termIx] = rule.ix;
  const targetField = ctx.fields[targetIx];
  const filledParts = termIx.filter((i) => ctx.states[i].state !== "empty");
  const halfWidth = (i: number) => {
    const c = ctx.states[i];
    return c.state === "number" ? c.halfWidth : ZERO;
  };
  const tolerance = sum([targetIx, ...filledParts].map(halfWidth));
  const figures = {
    expected: showFigure(targetField, expected),
    actual: showFigure(targetField, actual),
    difference: showFigure(targetField, diff),
  };
  const sign = diff.gt(0) ? "多" : "少";
  const base =
    `${rule.relation.label}：${nameIn(targetField)}填报${withUnit(targetField, figures.actual)}，` +
    `各项之和为${withUnit(targetField, figures.expected)}，${sign}${withUnit(targetField, showFigure(targetField, diff.abs()))}`;

  if (diff.abs().lte(tolerance)) {
    const roundedParts = filledParts.filter((i) => !halfWidth(i).isZero()).length;
    const largest = [...filledParts].sort((x, y) => contribution(ctx.states[y])!.abs().comparedTo(contribution(ctx.states[x])!.abs()))[0];
    const message =
      `${base}。属尾差：${roundedParts}个分项和合计都是保留${shownDecimals(targetField.kind)}位小数的四舍五入数，` +
      `最多可相差${withUnit(targetField, formatAmount(tolerance, 3))}。` +
      `可调整最大项「${nameIn(ctx.fields[largest], targetField)}」使合计相符，或保留尾差并在说明中注明。`;
    return { rule, status: "tail", finding: finding(ctx, rule, "tail", "info", message, figures) };
  }
  return { rule, status: "fail", finding: finding(ctx, rule, "sum", "error", `${base}。`, figures) };
}

/** Two places of one figure agree when they show the same number (exactly, when both are known exactly). */
function evaluateSame(ctx: Context, rule: Extract<IndexedRule, { kind: "same" }>): RuleResult {
  if (unreadable(ctx, rule)) return { rule, status: "skipped", reason: "含无法识别的数值" };
  const [ia, ib] = rule.ix;
  const [ca, cb] = [ctx.states[ia], ctx.states[ib]];
  const a = contribution(ca);
  const b = contribution(cb);
  if (a === undefined || b === undefined) return { rule, status: "skipped", reason: "未填写" };
  const [fa, fb] = [ctx.fields[ia], ctx.fields[ib]];
  const bothExact = ca.state === "number" && cb.state === "number" && ca.halfWidth.isZero() && cb.halfWidth.isZero();
  const places = shownDecimals(fa.kind);
  const agree = bothExact ? a.eq(b) : roundHalfUp(a, places).eq(roundHalfUp(b, places));
  if (agree) return { rule, status: "pass" };
  const diff = a.minus(b);
  const figures = { expected: showFigure(fb, b), actual: showFigure(fa, a), difference: showFigure(fa, diff) };
  // Two places disagree: name both and let the officer say which is right.
  const message =
    `${nameIn(fa)}${withUnit(fa, figures.actual)}与${nameIn(fb, fa)}${withUnit(fb, figures.expected)}不一致，` +
    `请核对 ${cellList([ctx.locate(fa.id), ctx.locate(fb.id)])}`;
  return { rule, status: "fail", finding: finding(ctx, rule, "same", "error", message, figures) };
}

const EXPLAIN = "（请在报告中说明原因）";

function evaluateBudget(ctx: Context, rule: Extract<IndexedRule, { kind: "budget" }>): RuleResult {
  if (unreadable(ctx, rule)) return { rule, status: "skipped", reason: "含无法识别的数值" };
  const [ia, ib] = rule.ix;
  const actual = contribution(ctx.states[ia]);
  if (actual === undefined) return { rule, status: "skipped", reason: "未填写" };
  const budget = contribution(ctx.states[ib]);
  const [fa, fb] = [ctx.fields[ia], ctx.fields[ib]];
  // decimal.js calls +0 positive: a 决算 of 0 (or 无) against no 预算 is no overspend.
  if ((budget === undefined || budget.isZero()) && actual.gt(0)) {
    const figures = { expected: showFigure(fb, ZERO), actual: showFigure(fa, actual), difference: showFigure(fa, actual) };
    const message = `${subjectOf(fa, fb)}：年初未作预算，决算${withUnit(fa, figures.actual)}，超支${withUnit(fa, figures.actual)}${EXPLAIN}`;
    return { rule, status: "fail", finding: finding(ctx, rule, "unbudgeted", "warning", message, figures) };
  }
  if (budget === undefined || actual.lte(budget)) return { rule, status: "pass" };
  const over = actual.minus(budget);
  const figures = { expected: showFigure(fb, budget), actual: showFigure(fa, actual), difference: showFigure(fa, over) };
  // 预算 first, as the 决算 tables print it; 超支 is routine and wants an explanation, not a correction.
  const message =
    `${subjectOf(fa, fb)}：预算${withUnit(fb, figures.expected)}，决算${withUnit(fa, figures.actual)}，` +
    `超支${withUnit(fa, figures.difference)}${EXPLAIN}`;
  return { rule, status: "fail", finding: finding(ctx, rule, "overspend", "warning", message, figures) };
}

function evaluateRange(ctx: Context, rule: Extract<IndexedRule, { kind: "range" }>): RuleResult {
  if (unreadable(ctx, rule)) return { rule, status: "skipped", reason: "含无法识别的数值" };
  const value = contribution(ctx.states[rule.ix[0]]);
  if (value === undefined) return { rule, status: "skipped", reason: "未填写" };
  const min = new Dec(rule.relation.min);
  const max = new Dec(rule.relation.max);
  if (value.gte(min) && value.lte(max)) return { rule, status: "pass" };
  const f = ctx.fields[rule.ix[0]];
  const message = `${rule.relation.label}：${nameIn(f)}为${value.toString()}，应在${min.toString()}–${max.toString()}之间。`;
  return { rule, status: "fail", finding: finding(ctx, rule, "range", "error", message, { actual: value.toString(), expected: `${min}–${max}` }) };
}

/** a ≤ b: a above b is a warning (a detail line above its total, say), never an error. */
function evaluateInequality(ctx: Context, rule: Extract<IndexedRule, { kind: "inequality" }>): RuleResult {
  if (unreadable(ctx, rule)) return { rule, status: "skipped", reason: "含无法识别的数值" };
  const [ia, ib] = rule.ix;
  const a = contribution(ctx.states[ia]);
  const b = contribution(ctx.states[ib]);
  if (a === undefined || b === undefined) return { rule, status: "skipped", reason: "未填写" };
  if (a.lte(b)) return { rule, status: "pass" };
  const [fa, fb] = [ctx.fields[ia], ctx.fields[ib]];
  const figures = { expected: showFigure(fb, b), actual: showFigure(fa, a), difference: showFigure(fa, a.minus(b)) };
  const message =
    `${rule.relation.label}：${fa.label} ${withUnit(fa, figures.actual)} 超过 ${fb.label} ${withUnit(fb, figures.expected)}，` +
    `多 ${withUnit(fa, figures.difference)}。`;
  return { rule, status: "fail", finding: finding(ctx, rule, "inequality", "warning", message, figures) };
}

/** Decimals of a percentage as written: "116.8%" 1, "1.1675" (a ratio) 2, "117%" 0. */
function writtenPercentPlaces(text: string): number {
  const decimals = /[.．](\d+)/.exec(text)?.[1].length ?? 0;
  return /[%％]/.test(text) ? decimals : Math.max(0, decimals - 2);
}

/** A percentage cell = numerator ÷ denominator × 100, rounded half up at the cell's decimals. */
function evaluateRatio(ctx: Context, rule: Extract<IndexedRule, { kind: "ratio" }>): RuleResult {
  if (unreadable(ctx, rule)) return { rule, status: "skipped", reason: "含无法识别的数值" };
  const [ip, inum, iden] = rule.ix;
  const stated = contribution(ctx.states[ip]);
  const numerator = contribution(ctx.states[inum]);
  const denominator = contribution(ctx.states[iden]);
  if (stated === undefined || numerator === undefined || denominator === undefined) return { rule, status: "skipped", reason: "未填写" };
  if (denominator.isZero()) return { rule, status: "skipped", reason: "分母为0" };
  const field = ctx.fields[ip];
  const places = shownDecimals(field.kind);
  const exact = numerator.div(denominator).times(100);
  const expected = roundHalfUp(exact, places);
  // A percentage cell holds the ratio, as Excel stores it: 116.75% is 1.1675 ("116.75%" parses so too).
  const percent = stated.times(100);
  const cell = ctx.states[ip];
  const written = "text" in cell ? cell.text.trim() : "";
  // Precision first: "117%" for 116.75% is right at the decimals it was written with.
  const at = Math.min(places, writtenPercentPlaces(written));
  if (roundHalfUp(percent, at).eq(roundHalfUp(exact, at))) return { rule, status: "pass" };
  const figures = { expected: expected.toFixed(places), actual: roundHalfUp(percent, places).toFixed(at), difference: roundHalfUp(percent.minus(expected), places).toFixed(places) };
  const message =
    `${rule.relation.label}：${field.label} 填报 ${figures.actual}%，按 ${ctx.fields[inum].label} ÷ ${ctx.fields[iden].label} ` +
    `计算为 ${figures.expected}%（四舍五入到${places}位小数）。` +
    // A figure typed without "%" into a percentage cell is a ratio (1.1675 is 116.75%).
    (/[%％]/.test(written) ? "" : `本栏为百分比，应写作“${figures.expected}%”或 ${expected.div(100).toString()}。`);
  return { rule, status: "fail", finding: finding(ctx, rule, "ratio", "error", message, figures) };
}

export function gradeFor(score: Dec, bands: Array<{ grade: string; min: string }>): string | undefined {
  return [...bands].sort((x, y) => new Dec(y.min).comparedTo(new Dec(x.min))).find((b) => score.gte(new Dec(b.min)))?.grade;
}

function evaluateGrade(ctx: Context, rule: Extract<IndexedRule, { kind: "grade" }>): RuleResult {
  if (unreadable(ctx, rule)) return { rule, status: "skipped", reason: "含无法识别的数值" };
  const [gradeIx, scoreIx] = rule.ix;
  const score = contribution(ctx.states[scoreIx]);
  const gradeCell = ctx.states[gradeIx];
  if (score === undefined || gradeCell.state !== "text") return { rule, status: "skipped", reason: "未填写" };
  const expected = gradeFor(score, rule.relation.bands);
  const actual = gradeCell.text.trim();
  if (expected === actual) return { rule, status: "pass" };
  const known = rule.relation.bands.map((b) => b.grade);
  const message = known.includes(actual)
    ? `${rule.relation.label}：综合得分${score.toString()}分对应「${expected ?? "—"}」，填报为「${actual}」。`
    : `${rule.relation.label}：评价等次「${actual}」不是${known.join("/")}之一（得分${score.toString()}分对应「${expected ?? "—"}」）。`;
  return { rule, status: "fail", finding: finding(ctx, rule, "grade", "error", message, { expected, actual }) };
}

export function evaluateRule(values: ReadValues, locate: Locate, rule: IndexedRule): RuleResult {
  const ctx: Context = { fields: values.compiled.fields, states: values.states, locate };
  switch (rule.kind) {
    case "equation":
      return evaluateEquation(ctx, rule);
    case "same":
      return evaluateSame(ctx, rule);
    case "budget":
      return evaluateBudget(ctx, rule);
    case "range":
      return evaluateRange(ctx, rule);
    case "grade":
      return evaluateGrade(ctx, rule);
    case "inequality":
      return evaluateInequality(ctx, rule);
    case "ratio":
      return evaluateRatio(ctx, rule);
  }
}

