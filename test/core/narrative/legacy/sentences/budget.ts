import { executionRate, formatAmount, formatPercent, sum, type Dec } from "../../../../../src/core/money";
import { isMissing, type NarrativeContext, type Reading } from "../../../../../src/core/narrative/context";
import { computed, makeSentence, missing, negatives, wan, zeroDivisor } from "../../../../../src/core/narrative/sentence";
import type { Built, Fact, MaybeBuilt, MissingField } from "../types";

/** One 经济分类 row: its name and cells. A row with neither figure is not part of the report. */
export interface EconRow {
  name: string;
  budget?: Reading;
  actual: Reading;
}

const FIXED_ECON_ROWS = ["salary", "goods", "households", "enterprises"] as const;

/** The 经济分类 rows with a 决算 figure, in table order (fixed rows, then 其他经济分类 entries). */
export function econRows(ctx: NarrativeContext): { ok: true; rows: EconRow[] } | { ok: false; missing: MissingField[] } {
  const ids = [
    ...FIXED_ECON_ROWS.map((row) => ({ row, name: ctx.values.fields.get(`econ.${row}.actual`)?.row.label ?? row })),
    ...ctx.entries("econOther").map((e, i) => ({ row: `other[${i + 1}]`, name: e.name })),
  ];
  const rows: EconRow[] = [];
  const absent: MissingField[] = [];
  for (const { row, name } of ids) {
    const budgetId = `econ.${row}.budget`;
    const actualId = `econ.${row}.actual`;
    if (!ctx.isFilled(actualId)) {
      // A 预算 without its 决算 cannot be compared; a row with neither is simply not used.
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
export function buildBasicOverspend(ctx: NarrativeContext, id: string): Built {
  const needed = ctx.need(["budgetExec.basic.budget", "budgetExec.basic.actual"]);
  if (!needed.ok) return missing(needed.missing);
  const budget = needed.get("budgetExec.basic.budget");
  const actual = needed.get("budgetExec.basic.actual");
  const econ = econRows(ctx);
  if (!econ.ok) return missing(econ.missing);
  const self = ctx.selfRef();

  const facts: Fact[] = [self.fact, actual.fact, budget.fact];
  const over: string[] = [];
  const unbudgeted: string[] = [];
  for (const row of econ.rows) {
    const o = overspendOf(row);
    if (!o.amount.gt(0)) continue;
    facts.push(...rowFacts(row), computed("difference", `${row.name}超支`, o.amount, formatAmount(o.amount, 2), rowInputs(row), "exact"));
    if (o.unbudgeted) unbudgeted.push(`${row.name}超支${wan(o.amount)}（年初未作预算）`);
    else over.push(`${row.name}超支${wan(o.amount)}`);
  }
  const items = [over.join("，"), unbudgeted.join("；")].filter(Boolean).join("；");

  const basicOver = actual.value.minus(budget.value);
  let head: string;
  if (basicOver.gt(0)) {
    head = `${self.text}基本支出预算超支${wan(basicOver)}`;
    facts.push(computed("difference", "基本支出超支", basicOver, formatAmount(basicOver, 2), [actual, budget], "exact"));
  } else {
    head = `${self.text}基本支出预算${wan(budget.value)}，决算${wan(actual.value)}，未超预算`;
  }
  return makeSentence(ctx, id, items ? `${head}，其中：${items}` : head, facts);
}

/** "超支项目合计超支605.47万元": the sum of the rows' overspends (null when no row is over). */
export function buildOverspendTotal(ctx: NarrativeContext, id: string): MaybeBuilt {
  return rowTotal(ctx, id, "超支", (row) => {
    const o = overspendOf(row);
    return o.amount.gt(0) ? o.amount : undefined;
  });
}

/** "结余项目合计结余12.00万元": rows under their 预算 (null when none is). */
export function buildUnderspendTotal(ctx: NarrativeContext, id: string): MaybeBuilt {
  return rowTotal(ctx, id, "结余", (row) => {
    if (!row.budget) return undefined;
    const left = row.budget.value.minus(row.actual.value);
    return left.gt(0) ? left : undefined;
  });
}

function rowTotal(ctx: NarrativeContext, id: string, word: "超支" | "结余", amountOf: (row: EconRow) => Dec | undefined): MaybeBuilt {
  const econ = econRows(ctx);
  if (!econ.ok) return missing(econ.missing);
  const counted = econ.rows.flatMap((row) => {
    const amount = amountOf(row);
    return amount ? [{ row, amount }] : [];
  });
  if (counted.length === 0) return null;
  const total = sum(counted.map((c) => c.amount));
  const inputs = counted.flatMap((c) => rowInputs(c.row));
  const facts: Fact[] = [...counted.flatMap((c) => rowFacts(c.row)), computed("sum", `${word}项目合计`, total, formatAmount(total, 2), inputs, "exact")];
  return makeSentence(ctx, id, `${word}项目合计${word}${wan(total)}`, facts);
}

export const EXECUTION_ROWS = [
  { row: "basic", name: "基本支出" },
  { row: "project", name: "项目支出" },
  { row: "total", name: "支出合计" },
] as const;

/** "基本支出预算507.32万元，决算781.00万元，预算执行率153.95%". */
export function buildExecutionRate(ctx: NarrativeContext, id: string, row: string, name: string): Built {
  const needed = ctx.need([`budgetExec.${row}.budget`, `budgetExec.${row}.actual`]);
  if (!needed.ok) return missing(needed.missing);
  const budget = needed.get(`budgetExec.${row}.budget`);
  const actual = needed.get(`budgetExec.${row}.actual`);
  const negative = negatives([budget, actual]);
  if (negative.length) return missing(negative);
  const rate = executionRate(actual.value, budget.value);
  if (rate === null) return missing([zeroDivisor(budget)]);
  const shown = formatPercent(rate, ctx.options.percentDecimals);
  const text = `${name}预算${wan(budget.value)}，决算${wan(actual.value)}，预算执行率${shown}`;
  return makeSentence(ctx, id, text, [budget.fact, actual.fact, computed("executionRate", `${name}预算执行率`, rate, shown, [actual, budget])]);
}
