import { executionRate, formatAmount, formatPercent, sum, type Dec } from "../../money";
import { isMissing, type NarrativeContext, type Reading } from "../context";
import type { BudgetRowsBinding, FormSpec, OverspendBinding, RateBinding, SpendTotalBinding } from "../../spec/types";
import { computed, makeSentence, missing, negatives, zeroDivisor } from "../sentence";
import { needAll, printed, templateFields, Writer } from "../template";
import type { Built, Fact, MaybeBuilt, MissingField } from "../types";

/** One 预算/决算 row: its name and cells. A row with neither figure is not part of the report. */
export interface EconRow {
  name: string;
  budget?: Reading;
  actual: Reading;
}

/** The rows of the form's first overspend sentence: what 叙述核对 compares 超支 figures with. */
export function overspendRowsOf(form: FormSpec): BudgetRowsBinding | undefined {
  for (const p of form.narrative ?? []) {
    for (const g of p.sentences) {
      for (const c of g.clauses) if (c.kind === "overspend") return c.rows;
    }
  }
  return undefined;
}

/**
 * The rows with a 决算 figure, in table order (a list row: each of its entries). A 预算 without
 * its 决算 cannot be compared and is missing; negative figures are not worded by guess.
 */
export function econRows(ctx: NarrativeContext, source = overspendRowsOf(ctx.form)): { ok: true; rows: EconRow[] } | { ok: false; missing: MissingField[] } {
  if (!source) return { ok: true, rows: [] };
  const table = ctx.form.sheets.flatMap((s) => s.tables).find((t) => t.id === source.table);
  const ids = source.rows.flatMap((rowId) => {
    const spec = table?.rows.find((r) => r.id === rowId);
    if (spec?.list) return ctx.entries(spec.list).map((e, i) => ({ row: `${rowId}[${i + 1}]`, name: e.name }));
    return [{ row: rowId, name: spec?.label ?? rowId }];
  });
  const rows: EconRow[] = [];
  const absent: MissingField[] = [];
  for (const { row, name } of ids) {
    const budgetId = `${source.table}.${row}.${source.budget}`;
    const actualId = `${source.table}.${row}.${source.actual}`;
    if (!ctx.isFilled(actualId)) {
      if (ctx.isFilled(budgetId)) absent.push(ctx.read(actualId) as MissingField);
      continue;
    }
    const actual = ctx.read(actualId) as Reading;
    const budget = ctx.isFilled(budgetId) ? ctx.read(budgetId) : undefined;
    if (budget && isMissing(budget)) absent.push(budget);
    else rows.push({ name, actual, ...(budget ? { budget } : {}) });
  }
  const negative = negatives(rows.flatMap((r) => (r.budget ? [r.actual, r.budget] : [r.actual])));
  return absent.length || negative.length ? { ok: false, missing: [...absent, ...negative] } : { ok: true, rows };
}

/** 决算 − 预算 of a row; a row with no 预算 (or 0) is 年初未作预算 and all of it is overspent. */
export function overspendOf(row: EconRow): { amount: Dec; unbudgeted: boolean } {
  const budget = row.budget?.value;
  if (!budget || budget.isZero()) return { amount: row.actual.value, unbudgeted: true };
  return { amount: row.actual.value.minus(budget), unbudgeted: false };
}

function rowFacts(row: EconRow): Fact[] {
  return row.budget ? [row.actual.fact, row.budget.fact] : [row.actual.fact];
}

function rowInputs(row: EconRow): Reading[] {
  return row.budget ? [row.actual, row.budget] : [row.actual];
}

/**
 * "我局基本支出预算超支273.68万元，其中：工资福利支出超支197.64万元，商品和服务支出超支104.29万元，
 * 对个人和家庭的补助超支96.84万元；对企业补助超支206.70万元（年初未作预算）".
 * Rows over their 预算 come first, joined by "，"; rows with no 预算 follow after "；".
 */
export function buildOverspend(ctx: NarrativeContext, binding: OverspendBinding): Built {
  const { id, name } = binding;
  const needed = ctx.need([binding.budget, binding.actual]);
  if (!needed.ok) return missing(needed.missing);
  const budget = needed.get(binding.budget);
  const actual = needed.get(binding.actual);
  const econ = econRows(ctx, binding.rows);
  if (!econ.ok) return missing(econ.missing);
  const self = ctx.selfRef();

  const facts: Fact[] = [self.fact, actual.fact, budget.fact];
  const over: string[] = [];
  const unbudgeted: string[] = [];
  for (const row of econ.rows) {
    const o = overspendOf(row);
    if (!o.amount.gt(0)) continue;
    facts.push(...rowFacts(row), computed("difference", `${row.name}超支`, o.amount, formatAmount(o.amount, 2), rowInputs(row), "exact"));
    if (o.unbudgeted) unbudgeted.push(`${row.name}超支${printed(ctx, row.actual, o.amount)}（年初未作预算）`);
    else over.push(`${row.name}超支${printed(ctx, row.actual, o.amount)}`);
  }
  const items = [over.join("，"), unbudgeted.join("；")].filter(Boolean).join("；");

  const excess = actual.value.minus(budget.value);
  let head: string;
  if (excess.gt(0)) {
    head = `${self.text}${name}预算超支${printed(ctx, actual, excess)}`;
    facts.push(computed("difference", `${name}超支`, excess, formatAmount(excess, 2), [actual, budget], "exact"));
  } else {
    head = `${self.text}${name}预算${printed(ctx, budget)}，决算${printed(ctx, actual)}，未超预算`;
  }
  return makeSentence(ctx, id, items ? `${head}，其中：${items}` : head, facts);
}

/**
 * "超支项目合计超支605.47万元": the sum of the rows' overspends (null when no row is over);
 * "结余项目合计结余12.00万元": rows under their 预算 (null when none is).
 */
export function buildSpendTotal(ctx: NarrativeContext, binding: SpendTotalBinding): MaybeBuilt {
  return binding.kind === "overspendTotal" ? overspendTotal(ctx, binding.id, binding.rows) : underspendTotal(ctx, binding.id, binding.rows);
}

function overspendTotal(ctx: NarrativeContext, id: string, rows: BudgetRowsBinding): MaybeBuilt {
  return rowTotal(ctx, id, rows, "超支", (row) => {
    const o = overspendOf(row);
    return o.amount.gt(0) ? o.amount : undefined;
  });
}

function underspendTotal(ctx: NarrativeContext, id: string, rows: BudgetRowsBinding): MaybeBuilt {
  return rowTotal(ctx, id, rows, "结余", (row) => {
    if (!row.budget) return undefined;
    const left = row.budget.value.minus(row.actual.value);
    return left.gt(0) ? left : undefined;
  });
}

function rowTotal(ctx: NarrativeContext, id: string, rows: BudgetRowsBinding, word: "超支" | "结余", amountOf: (row: EconRow) => Dec | undefined): MaybeBuilt {
  const econ = econRows(ctx, rows);
  if (!econ.ok) return missing(econ.missing);
  const counted = econ.rows.flatMap((row) => {
    const amount = amountOf(row);
    return amount ? [{ row, amount }] : [];
  });
  if (counted.length === 0) return null;
  const total = sum(counted.map((c) => c.amount));
  const inputs = counted.flatMap((c) => rowInputs(c.row));
  const facts: Fact[] = [...counted.flatMap((c) => rowFacts(c.row)), computed("sum", `${word}项目合计`, total, formatAmount(total, 2), inputs, "exact")];
  return makeSentence(ctx, id, `${word}项目合计${word}${printed(ctx, counted[0].row.actual, total)}`, facts);
}

/** "基本支出预算507.32万元，决算781.00万元，预算执行率153.95%": 决算 ÷ 预算, the text has {rate}. */
export function buildRate(ctx: NarrativeContext, binding: RateBinding, key: string): Built {
  const needed = ctx.need([binding.budget, binding.actual]);
  if (!needed.ok) return missing(needed.missing);
  const budget = needed.get(binding.budget);
  const actual = needed.get(binding.actual);
  const negative = negatives([budget, actual]);
  if (negative.length) return missing(negative);
  const rate = executionRate(actual.value, budget.value);
  if (rate === null) return missing([zeroDivisor(budget)]);
  const others = needAll(ctx, templateFields(ctx, binding.text, undefined, "with", ["rate"]));
  if (others.length) return missing(others);
  const shown = formatPercent(rate, ctx.options.percentDecimals);
  const writer = new Writer(ctx, key);
  writer.cell(binding.budget);
  writer.cell(binding.actual);
  const text = writer.write(binding.text, undefined, { rate: shown });
  return makeSentence(ctx, binding.id, text, [...writer.facts, computed("executionRate", binding.label, rate, shown, [actual, budget])]);
}
