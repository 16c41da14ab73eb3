import { Dec, formatAmount, roundHalfUp, sum } from "../money";
import { shownDecimals, type FieldDef } from "../spec/instances";
import type { Finding, FindingKind } from "./finding";
import { showFigure, withUnit } from "./finding";
import type { Rule } from "./rules";
import { ruleFields } from "./rules";
import { contribution, type CellState, type ReadValues } from "./values";

export type RuleStatus = "pass" | "fail" | "tail" | "skipped";

export interface RuleResult {
  rule: Rule;
  status: RuleStatus;
  /** Why a skipped rule could not be checked (未填写 / 含无法识别的数值). */
  reason?: string;
  finding?: Finding;
}

/** Turns field ids into sheet-qualified cell addresses. */
export type Locate = (fieldId: string) => string;

interface Context {
  values: ReadValues;
  locate: Locate;
}

function field(ctx: Context, id: string): FieldDef {
  const f = ctx.values.fields.get(id);
  if (!f) throw new Error(`rule refers to unknown field ${id}`);
  return f;
}

function cell(ctx: Context, id: string): CellState {
  return ctx.values.cells.get(id) ?? { state: "empty" };
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

/** Anything unreadable among the fields stops the rule: the invalid cell has its own finding. */
function unreadable(ctx: Context, ids: string[]): boolean {
  return ids.some((id) => cell(ctx, id).state === "invalid" || cell(ctx, id).state === "text");
}

function evaluateEquation(ctx: Context, rule: Extract<Rule, { kind: "equation" }>): RuleResult {
  const ids = ruleFields(rule);
  if (unreadable(ctx, ids)) return { rule, status: "skipped", reason: "含无法识别的数值" };
  const target = cell(ctx, rule.target);
  const actual = contribution(target);
  const parts = rule.terms.map((t) => ({ ...t, cell: cell(ctx, t.field) }));
  const filledParts = parts.filter((p) => p.cell.state !== "empty");
  if (actual === undefined || filledParts.length === 0) return { rule, status: "skipped", reason: "未填写" };

  const expected = sum(filledParts.map((p) => contribution(p.cell)!.times(p.sign)));
  const diff = actual.minus(expected);
  if (diff.isZero()) return { rule, status: "pass" };

  const targetField = field(ctx, rule.target);
  const halfWidths = [target, ...filledParts.map((p) => p.cell)].map((c) => (c.state === "number" ? c.halfWidth : new Dec(0)));
  const tolerance = sum(halfWidths);
  const figures = {
    expected: showFigure(targetField, expected),
    actual: showFigure(targetField, actual),
    difference: showFigure(targetField, diff),
  };
  const sign = diff.isPositive() ? "多" : "少";
  const base =
    `${rule.relation.label}：${targetField.label} 填报 ${withUnit(targetField, figures.actual)}，` +
    `按各项计算为 ${withUnit(targetField, figures.expected)}，${sign} ${withUnit(targetField, showFigure(targetField, diff.abs()))}`;

  if (diff.abs().lte(tolerance)) {
    const roundedParts = filledParts.filter((p) => p.cell.state === "number" && !p.cell.halfWidth.isZero()).length;
    const largest = [...filledParts].sort((x, y) =>
      contribution(y.cell)!.abs().comparedTo(contribution(x.cell)!.abs()),
    )[0];
    const message =
      `${base}。属尾差：${roundedParts} 个分项和合计都是保留${shownDecimals(targetField.kind)}位小数的四舍五入数，` +
      `最多可相差 ${withUnit(targetField, formatAmount(tolerance, 3))}。` +
      `可调整最大项「${field(ctx, largest.field).label}」使合计相符，或保留尾差并在说明中注明。`;
    return { rule, status: "tail", finding: finding(ctx, rule, "tail", "info", message, figures) };
  }
  return { rule, status: "fail", finding: finding(ctx, rule, "sum", "error", `${base}。`, figures) };
}

/** Two places of one figure agree when they show the same number (exactly, when both are known exactly). */
function evaluateSame(ctx: Context, rule: Extract<Rule, { kind: "same" }>): RuleResult {
  if (unreadable(ctx, [rule.a, rule.b])) return { rule, status: "skipped", reason: "含无法识别的数值" };
  const a = contribution(cell(ctx, rule.a));
  const b = contribution(cell(ctx, rule.b));
  if (a === undefined || b === undefined) return { rule, status: "skipped", reason: "未填写" };
  const fa = field(ctx, rule.a);
  const fb = field(ctx, rule.b);
  const ca = cell(ctx, rule.a);
  const cb = cell(ctx, rule.b);
  const bothExact = ca.state === "number" && cb.state === "number" && ca.halfWidth.isZero() && cb.halfWidth.isZero();
  const places = shownDecimals(fa.kind);
  const agree = bothExact ? a.eq(b) : roundHalfUp(a, places).eq(roundHalfUp(b, places));
  if (agree) return { rule, status: "pass" };
  const diff = a.minus(b);
  const figures = { expected: showFigure(fb, b), actual: showFigure(fa, a), difference: showFigure(fa, diff) };
  const message =
    `${rule.relation.label}：${fa.label} 为 ${withUnit(fa, figures.actual)}，` +
    `${fb.label} 为 ${withUnit(fb, figures.expected)}，相差 ${withUnit(fa, showFigure(fa, diff.abs()))}。`;
  return { rule, status: "fail", finding: finding(ctx, rule, "same", "error", message, figures) };
}

function evaluateBudget(ctx: Context, rule: Extract<Rule, { kind: "budget" }>): RuleResult {
  if (unreadable(ctx, [rule.actual, rule.budget])) return { rule, status: "skipped", reason: "含无法识别的数值" };
  const actual = contribution(cell(ctx, rule.actual));
  if (actual === undefined) return { rule, status: "skipped", reason: "未填写" };
  const budget = contribution(cell(ctx, rule.budget));
  const fa = field(ctx, rule.actual);
  const fb = field(ctx, rule.budget);
  if ((budget === undefined || budget.isZero()) && actual.isPositive()) {
    const figures = { expected: showFigure(fb, new Dec(0)), actual: showFigure(fa, actual), difference: showFigure(fa, actual) };
    const message = `${fa.label} ${withUnit(fa, figures.actual)}，年初未作预算，超支 ${withUnit(fa, figures.actual)}。`;
    return { rule, status: "fail", finding: finding(ctx, rule, "unbudgeted", "warning", message, figures) };
  }
  if (budget === undefined || actual.lte(budget)) return { rule, status: "pass" };
  const over = actual.minus(budget);
  const figures = { expected: showFigure(fb, budget), actual: showFigure(fa, actual), difference: showFigure(fa, over) };
  const message =
    `${fa.label} ${withUnit(fa, figures.actual)}，超出预算 ${withUnit(fb, figures.expected)}，` +
    `超支 ${withUnit(fa, figures.difference)}。`;
  return { rule, status: "fail", finding: finding(ctx, rule, "overspend", "warning", message, figures) };
}

function evaluateRange(ctx: Context, rule: Extract<Rule, { kind: "range" }>): RuleResult {
  if (unreadable(ctx, [rule.field])) return { rule, status: "skipped", reason: "含无法识别的数值" };
  const value = contribution(cell(ctx, rule.field));
  if (value === undefined) return { rule, status: "skipped", reason: "未填写" };
  const min = new Dec(rule.relation.min);
  const max = new Dec(rule.relation.max);
  if (value.gte(min) && value.lte(max)) return { rule, status: "pass" };
  const f = field(ctx, rule.field);
  const message = `${rule.relation.label}：${f.label} 为 ${value.toString()}，应在 ${min.toString()}–${max.toString()} 之间。`;
  return { rule, status: "fail", finding: finding(ctx, rule, "range", "error", message, { actual: value.toString(), expected: `${min}–${max}` }) };
}

export function gradeFor(score: Dec, bands: Array<{ grade: string; min: string }>): string | undefined {
  return [...bands].sort((x, y) => new Dec(y.min).comparedTo(new Dec(x.min))).find((b) => score.gte(new Dec(b.min)))?.grade;
}

function evaluateGrade(ctx: Context, rule: Extract<Rule, { kind: "grade" }>): RuleResult {
  if (unreadable(ctx, [rule.score])) return { rule, status: "skipped", reason: "含无法识别的数值" };
  const score = contribution(cell(ctx, rule.score));
  const gradeCell = cell(ctx, rule.grade);
  if (score === undefined || gradeCell.state !== "text") return { rule, status: "skipped", reason: "未填写" };
  const expected = gradeFor(score, rule.relation.bands);
  const actual = gradeCell.text.trim();
  if (expected === actual) return { rule, status: "pass" };
  const known = rule.relation.bands.map((b) => b.grade);
  const message = known.includes(actual)
    ? `${rule.relation.label}：综合得分 ${score.toString()} 分对应「${expected ?? "—"}」，填报为「${actual}」。`
    : `${rule.relation.label}：评价等次「${actual}」不是 ${known.join("/")} 之一（得分 ${score.toString()} 分对应「${expected ?? "—"}」）。`;
  return { rule, status: "fail", finding: finding(ctx, rule, "grade", "error", message, { expected, actual }) };
}

export function evaluateRule(values: ReadValues, locate: Locate, rule: Rule): RuleResult {
  const ctx = { values, locate };
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
  }
}

