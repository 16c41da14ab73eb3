import { Dec, executionRate, formatAmount, formatNumber, percentChange, perCapita, share, shiftDecimalPoint, sum } from "../../money";
import { isMarkedExact } from "../../spec/data";
import { isMissing, type NarrativeContext, type Reading } from "../context";
import type { MissingField } from "../types";
import type { Qualifier } from "./gap";
import type { Concept, DerivedFields, PriorPair, Role } from "./vocabulary";

/** What the tables say a stated figure should be. */
export interface Expectation {
  /** In the figure's own terms: 万元 for amounts, percentage points for percentages, a count. */
  value: Dec;
  fields: string[];
  /** The cells it comes from, as a phrase: "上年4.02万元、本年0.12万元". */
  basis: string;
  /** How ZiPing would state it, at the decimals the officer used (amounts at least 2): "比上年降低97.01%". */
  statement: (decimals: number) => string;
  /** Which way it really went (change on the prior year, headcount against 编制). */
  sign?: number;
  /** A quotient (percentage, per capita): truncating it instead of rounding is a 尾差, not an error. */
  quotient: boolean;
  role?: Role;
  /** Other figures rounding explains, each with why. */
  alternatives: Array<{ value: Dec; why: string }>;
  /**
   * A share among shares: rounded by largest remainder (so that they add up to 100%) it may be
   * the exact value rounded up or down at the last decimal, which is a 尾差, not an error.
   */
  largestRemainder?: boolean;
}

export type Measured =
  | { ok: true; candidates: Expectation[] }
  | { ok: false; missing: MissingField[] }
  /** zeroBase: a percentage change on a prior year of 0 (or a rate on a budget of 0), with what the report should say instead. */
  | { ok: false; reason: string; zeroBase?: Expectation };

export interface MeasureInput {
  subject: Concept;
  qualifier: Qualifier;
  /** percent: the figure is a percentage; amount: 万元; count: 人/台/个; score: 分. */
  figureKind: "percent" | "amount" | "count" | "score";
  /** Cells an earlier figure of the same sentence was tied to (the numerator of "…，占…的"). */
  inherited?: string[];
  /** The cells derived figures use (divisors, 编制, the 经济分类 rows), as the vocabulary found them. */
  derived: DerivedFields;
}

const shown = (r: Reading, unit = "万元"): string => `${r.fact.shown}${unit}`;
const percentText = (points: Dec, decimals: number): string => `${formatNumber(points.abs(), decimals)}%`;
const pointsOf = (ratio: Dec): Dec => shiftDecimalPoint(ratio, 2);

function readAll(ctx: NarrativeContext, ids: string[]): Array<Reading | MissingField> {
  return ids.map((id) => ctx.read(id));
}

interface Filled {
  reading: Reading;
  role: Role;
  /** The cells behind it: one, or the parts of a sum (一般公共预算支出 = 基本 + 项目). */
  fields: string[];
}

function filledValues(ctx: NarrativeContext, concept: Concept, inherited?: string[]): Filled[] {
  if (concept.sum) return sumValue(ctx, concept, concept.sum);
  const values = inherited?.length ? concept.values.filter((v) => inherited.includes(v.field)) : concept.values;
  return values.flatMap((v) => {
    if (!ctx.isFilled(v.field)) return [];
    const r = ctx.read(v.field);
    return isMissing(r) ? [] : [{ reading: r, role: v.role, fields: [v.field] }];
  });
}

/** A figure the tables give only as a sum of cells: all of them filled, or nothing. */
function sumValue(ctx: NarrativeContext, concept: Concept, fields: string[]): Filled[] {
  const read = readAll(ctx, fields);
  if (read.some((r) => isMissing(r) || !ctx.isFilled(r.field))) return [];
  const parts = read as Reading[];
  const value = sum(parts.map((r) => r.value));
  const shownValue = formatAmount(value, 2);
  const label = `${concept.name}（${parts.map((r) => r.label).join(" + ")}）`;
  const fact = { kind: "cell" as const, field: fields[0], label, written: "", value: value.toString(), shown: shownValue };
  return [{ reading: { field: fields[0], label, value, fact }, role: "actual", fields }];
}

function plain(ctx: NarrativeContext, input: MeasureInput): Measured {
  const unit = input.subject.measure === "amount" ? "万元" : "";
  const candidates = filledValues(ctx, input.subject).map(({ reading, role, fields }) => ({
    value: reading.value,
    fields,
    basis: `${reading.label}为${shown(reading, unit)}`,
    statement: (d: number) => (unit ? `${formatAmount(reading.value, Math.max(d, 2))}${unit}` : formatNumber(reading.value, 0)),
    quotient: false,
    role,
    alternatives: [],
  }));
  return candidates.length ? { ok: true, candidates } : { ok: false, reason: "表中相应栏目未填写" };
}

/**
 * Change on the prior year, for each pair of cells the subject has (its table's 上年/本年, and
 * those the form's sentences compare): one candidate each, or the first pair's reason when none
 * gives one.
 */
function change(ctx: NarrativeContext, input: MeasureInput): Measured {
  const all = [...(input.subject.pair ? [input.subject.pair] : []), ...(input.subject.pairs ?? []).filter((p) => p.current !== input.subject.pair?.current || p.prior !== input.subject.pair?.prior)];
  if (!all.length) return { ok: false, reason: `表中没有${input.subject.name}的上年数` };
  // 比上年预算 / 比上年决算数: only a prior-year cell of that kind is the base.
  const base = input.qualifier.kind === "change" ? input.qualifier.base : undefined;
  const named = base ? all.filter((p) => p.base === base) : all;
  // "增加307.82万元，增长100.00%": the percentage is on the pair the amount before it matched; "收入总计
  // 1516.64万元，减少58.49万元": the change is of the cell the amount matched.
  const same = input.inherited?.length ? named.filter((p) => input.inherited!.includes(p.current)) : [];
  const pairs = same.length ? same : named;
  if (!pairs.length) {
    const named = base === "budget" ? "预算" : "决算";
    const known = all.some((p) => p.base) ? `表中的上年数是${all[0].base === "budget" ? "预算" : "决算"}数` : "表中的上年数未注明是预算数还是决算数";
    return { ok: false, reason: `文中与上年${named}比较，${known}` };
  }
  const measured = pairs.map((pair) => changeOf(ctx, input, pair));
  const candidates = measured.flatMap((m) => (m.ok ? m.candidates : []));
  return candidates.length ? { ok: true, candidates } : measured[0];
}

function changeOf(ctx: NarrativeContext, input: MeasureInput, pair: PriorPair): Measured {
  const read = readAll(ctx, [pair.prior, pair.current]);
  if (read.some(isMissing)) return { ok: false, missing: read.filter(isMissing) };
  const [prior, current] = read as Reading[];
  const basis = `上年${shown(prior)}、本年${shown(current)}`;
  const diff = current.value.minus(prior.value);
  const sign = diff.isZero() ? 0 : diff.gt(0) ? 1 : -1;
  const word = sign < 0 ? "降低" : "增长";
  if (input.figureKind === "amount") {
    return {
      ok: true,
      candidates: [{ value: diff, fields: [pair.prior, pair.current], basis, sign, quotient: false, alternatives: [], statement: (d) => (sign === 0 ? "与上年持平" : `比上年${sign < 0 ? "减少" : "增加"}${formatAmount(diff.abs(), Math.max(d, 2))}万元`) }],
    };
  }
  const ratio = percentChange(prior.value, current.value);
  if (ratio === null) {
    const instead = current.value.isZero() ? "上年、本年均无此项支出" : `上年无此项支出，本年支出${formatAmount(current.value, 2)}万元`;
    return {
      ok: false,
      reason: `${input.subject.name}上年为0，没有可比的百分比`,
      zeroBase: { value: current.value, fields: [pair.prior, pair.current], basis, sign, quotient: false, alternatives: [], statement: () => instead },
    };
  }
  const points = pointsOf(ratio);
  return {
    ok: true,
    candidates: [{ value: points, fields: [pair.prior, pair.current], basis, sign, quotient: true, alternatives: [], statement: (d) => (sign === 0 ? "与上年持平" : `比上年${word}${percentText(points, d)}`) }],
  };
}

function shares(ctx: NarrativeContext, input: MeasureInput): Measured {
  if (input.qualifier.kind !== "share") throw new Error("shares need a share qualifier");
  const whole = input.qualifier.denominator;
  const parts = filledValues(ctx, input.subject, input.inherited);
  const role = input.qualifier.denominatorRole;
  const cells = input.qualifier.denominatorFields;
  const totals = filledValues(ctx, whole).filter((t) => !t.reading.value.isZero() && (!role || t.role === role) && (!cells || t.fields.every((f) => cells.includes(f))));
  const candidates: Expectation[] = [];
  for (const part of parts) {
    for (const total of totals) {
      const points = pointsOf(share(part.reading.value, total.reading.value) as Dec);
      candidates.push({
        largestRemainder: true,
        value: points,
        fields: [...new Set([...part.fields, ...total.fields])],
        basis: `${part.reading.label}${shown(part.reading)}、${total.reading.label}${shown(total.reading)}`,
        statement: (d) => `占${whole.name}的${percentText(points, d)}`,
        quotient: true,
        role: part.role,
        alternatives: [],
      });
    }
  }
  return candidates.length ? { ok: true, candidates } : { ok: false, reason: "表中相应栏目未填写" };
}

function perUnit(ctx: NarrativeContext, input: MeasureInput, divisorId: string | undefined, word: string): Measured {
  if (!divisorId) return { ok: false, reason: `表中没有${word}所除的人数或台数` };
  const divisor = ctx.read(divisorId);
  if (isMissing(divisor)) return { ok: false, missing: [divisor] };
  if (divisor.value.isZero()) return { ok: false, reason: `${divisor.label}为0` };
  const parts = filledValues(ctx, input.subject, input.inherited).filter((p) => p.role === "actual");
  const candidates = parts.map(({ reading }) => {
    const value = perCapita(reading.value, divisor.value) as Dec;
    return {
      value,
      fields: [reading.field, divisor.field],
      basis: `${reading.label}${shown(reading)} ÷ ${divisor.label}${divisor.fact.shown}`,
      statement: (d: number) => `${word}${formatNumber(value, d)}万元`,
      quotient: true,
      alternatives: [],
    };
  });
  return candidates.length ? { ok: true, candidates } : { ok: false, reason: "表中相应栏目未填写" };
}

/** Σ of the 经济分类 rows' overspends (a row without 预算 overspends by all of it); the 合计 row's own difference is the 尾差 route. */
function overspendTotal(ctx: NarrativeContext, econ: DerivedFields["econ"]): Measured {
  if (!econ) return { ok: false, reason: "表中没有按经济分类的预算与决算" };
  const over: Array<{ name: string; amount: Dec; fields: string[] }> = [];
  const absent: MissingField[] = [];
  for (const row of econ.rows) {
    if (!ctx.isFilled(row.actual)) {
      if (ctx.isFilled(row.budget)) absent.push(ctx.read(row.actual) as MissingField);
      continue;
    }
    const actual = ctx.read(row.actual);
    const budget = ctx.isFilled(row.budget) ? ctx.read(row.budget) : undefined;
    if (isMissing(actual)) absent.push(actual);
    if (budget && isMissing(budget)) absent.push(budget);
    if (isMissing(actual) || (budget && isMissing(budget))) continue;
    const amount = budget && !budget.value.isZero() ? actual.value.minus(budget.value) : actual.value;
    if (amount.gt(0)) over.push({ name: row.name, amount, fields: budget ? [actual.field, budget.field] : [actual.field] });
  }
  if (absent.length) return { ok: false, missing: absent };
  if (!over.length) return { ok: false, reason: "经济分类表中没有超支的项目" };
  const total = sum(over.map((x) => x.amount));
  const alternatives: Expectation["alternatives"] = [];
  if (econ.total && ctx.isFilled(econ.total.actual) && ctx.isFilled(econ.total.budget)) {
    const [actual, budget] = readAll(ctx, [econ.total.actual, econ.total.budget]);
    if (!isMissing(actual) && !isMissing(budget)) {
      alternatives.push({
        value: actual.value.minus(budget.value),
        why: `按经济分类合计行计算（决算合计${shown(actual)} − 预算合计${shown(budget)}），合计行与各项之和有尾差`,
      });
    }
  }
  return {
    ok: true,
    candidates: [{
      value: total,
      fields: over.flatMap((x) => x.fields),
      basis: `各项超支：${over.map((x) => `${x.name}${formatAmount(x.amount, 2)}`).join("、")}`,
      statement: (d) => `超支${formatAmount(total, Math.max(d, 2))}万元`,
      quotient: false,
      alternatives,
    }],
  };
}

function overspend(ctx: NarrativeContext, input: MeasureInput): Measured {
  if (input.subject.derived === "overspendTotal") return overspendTotal(ctx, input.derived.econ);
  const pair = input.subject.budgetPair;
  if (!pair) return { ok: false, reason: `表中没有${input.subject.name}的预算与决算` };
  const actual = ctx.read(pair.actual);
  if (isMissing(actual)) return { ok: false, missing: [actual] };
  const budget = ctx.isFilled(pair.budget) ? ctx.read(pair.budget) : undefined;
  if (budget && isMissing(budget)) return { ok: false, missing: [budget] };
  const over = budget ? actual.value.minus(budget.value) : actual.value;
  const basis = budget ? `决算${shown(actual)}、预算${shown(budget)}` : `决算${shown(actual)}，年初未作预算`;
  return {
    ok: true,
    candidates: [{
      value: over,
      fields: budget ? [actual.field, budget.field] : [actual.field],
      basis,
      statement: (d) => (over.gt(0) ? `超支${formatAmount(over, Math.max(d, 2))}万元` : "未超支"),
      quotient: false,
      alternatives: [],
    }],
  };
}

function rate(ctx: NarrativeContext, input: MeasureInput): Measured {
  const pair = input.subject.budgetPair;
  if (!pair) return { ok: false, reason: `表中没有${input.subject.name}的预算与决算` };
  const read = readAll(ctx, [pair.actual, pair.budget]);
  if (read.some(isMissing)) return { ok: false, missing: read.filter(isMissing) };
  const [actual, budget] = read as Reading[];
  const value = executionRate(actual.value, budget.value);
  if (value === null) {
    // No budget: there is no rate to state, whatever the percentage written.
    const instead = actual.value.isZero() ? "未安排预算，也未发生支出" : `未安排预算，实际支出${formatAmount(actual.value, 2)}万元`;
    return {
      ok: false,
      reason: `${budget.label}为0`,
      zeroBase: { value: actual.value, fields: [actual.field, budget.field], basis: `决算${shown(actual)}、预算${shown(budget)}`, quotient: false, alternatives: [], statement: () => instead },
    };
  }
  const points = pointsOf(value);
  return {
    ok: true,
    candidates: [{ value: points, fields: [actual.field, budget.field], basis: `决算${shown(actual)}、预算${shown(budget)}`, statement: (d) => `执行率${percentText(points, d)}`, quotient: true, alternatives: [] }],
  };
}

function headcountGap(ctx: NarrativeContext, staff: DerivedFields["staff"]): Measured {
  if (!staff) return { ok: false, reason: "表中没有编制人数与实际在职人数" };
  const read = readAll(ctx, [staff.authorized, staff.inService]);
  if (read.some(isMissing)) return { ok: false, missing: read.filter(isMissing) };
  const [authorized, actual] = read as Reading[];
  const gap = actual.value.minus(authorized.value);
  const sign = gap.isZero() ? 0 : gap.gt(0) ? 1 : -1;
  return {
    ok: true,
    candidates: [{
      value: gap,
      fields: [authorized.field, actual.field],
      basis: `编制${authorized.fact.shown}人、实际在职${actual.fact.shown}人`,
      statement: () => (sign === 0 ? "与编制人数相同" : `${sign < 0 ? "少" : "多"}${gap.abs().toFixed(0)}人`),
      sign,
      quotient: false,
      alternatives: [],
    }],
  };
}

/** The figures the tables give for one claim, at one precision. */
function measureAt(ctx: NarrativeContext, input: MeasureInput): Measured {
  const q = input.qualifier;
  switch (q.kind) {
    case "plain":
      if (input.subject.derived === "overspendTotal") return overspendTotal(ctx, input.derived.econ);
      return plain(ctx, input);
    case "change":
      return change(ctx, input);
    case "share":
      return shares(ctx, input);
    case "perCapita":
      return perUnit(ctx, input, input.derived.perCapitaDivisor, "人均");
    case "perItem":
      return perUnit(ctx, input, input.derived.perItemDivisor, "平均每台");
    case "overspend":
      return overspend(ctx, input);
    case "executionRate":
      return rate(ctx, input);
    case "headcountGap":
      return headcountGap(ctx, input.derived.staff);
  }
}

/**
 * The candidates at the chosen precision, each carrying what the other precision gives as an
 * alternative: an officer who computed from the shown 2-decimal cells (or from every digit) is
 * off by rounding only.
 */
export function measure(ctx: NarrativeContext, other: NarrativeContext, input: MeasureInput): Measured {
  const main = measureAt(ctx, input);
  if (!main.ok) return main;
  const alt = measureAt(other, input);
  const why = ctx.options.precision === "shown" ? "按完整精度计算" : "按表中显示的两位小数计算";
  const full = ctx.options.precision === "full" ? main : alt;
  const shownOnes = ctx.options.precision === "shown" ? main : alt;
  const candidates = main.candidates.map((c, i) => {
    const a = alt.ok ? alt.candidates[i] : undefined;
    if (full.ok && c.fields.every((f) => isMarkedExact(ctx.data.values[f]))) {
      // An amount whose cells are known exactly (imported in 元, marked exact) is that amount: it is
      // compared at full precision, and a figure that differs from it is not a 尾差.
      if (!c.quotient) return { ...full.candidates[i], alternatives: [] };
      // A percentage of such cells is computed from them exactly ("275.00元…下降0.88%" on 31275元);
      // one from the 2-decimal 万元 table is the 尾差.
      const s = shownOnes.ok ? shownOnes.candidates[i] : undefined;
      const exact = full.candidates[i];
      return s && !s.value.eq(exact.value) ? { ...exact, alternatives: [...exact.alternatives, { value: s.value, why: "按表中显示的两位小数（万元）计算" }] } : exact;
    }
    return a && !a.value.eq(c.value) ? { ...c, alternatives: [...c.alternatives, { value: a.value, why }] } : c;
  });
  return { ok: true, candidates };
}
