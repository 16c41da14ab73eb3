import { formatAmount } from "../../../../../src/core/money";
import { isMissing, type NarrativeContext, type Reading } from "../../../../../src/core/narrative/context";
import { computed, makeSentence, missing, wan } from "../../../../../src/core/narrative/sentence";
import type { Built, Fact, MissingField } from "../types";

/** "2020年度我局预算可用指标522.08万元，本年财政拨款987.55万元，指标结余186.97万元". */
export function buildIndicators(ctx: NarrativeContext, id: string): Built {
  const year = ctx.year();
  const needed = ctx.need(["fiscalIncome.all.available", "fiscalIncome.all.received", "fiscalIncome.all.yearBalance"]);
  const absent = [...(isMissing(year) ? [year] : []), ...(needed.ok ? [] : needed.missing)];
  if (absent.length || !needed.ok || isMissing(year)) return missing(absent);
  const self = ctx.selfRef();
  const available = needed.get("fiscalIncome.all.available");
  const received = needed.get("fiscalIncome.all.received");
  const balance = needed.get("fiscalIncome.all.yearBalance");
  const text =
    `${year.fact.shown}年度${self.text}预算可用指标${wan(available.value)}，` +
    `本年财政拨款${wan(received.value)}，指标结余${wan(balance.value)}`;
  return makeSentence(ctx, id, text, [year.fact, self.fact, available.fact, received.fact, balance.fact]);
}

/** "上年结余268.85万元，结余减少81.88万元": 上年结余 − 本年指标结余, worded by its sign. */
export function buildBalanceDecrease(ctx: NarrativeContext, id: string): Built {
  const needed = ctx.need(["fiscalIncome.all.priorBalance", "fiscalIncome.all.yearBalance"]);
  if (!needed.ok) return missing(needed.missing);
  const prior = needed.get("fiscalIncome.all.priorBalance");
  const current = needed.get("fiscalIncome.all.yearBalance");
  const decrease = prior.value.minus(current.value);
  const phrase = decrease.isZero()
    ? "结余与上年持平"
    : decrease.gt(0)
      ? `结余减少${wan(decrease)}`
      : `结余增加${wan(decrease.negated())}`;
  const fact = computed("difference", "结余减少（上年结余 − 本年指标结余）", decrease, formatAmount(decrease.abs(), 2), [prior, current], "exact");
  return makeSentence(ctx, id, `上年结余${wan(prior.value)}，${phrase}`, [prior.fact, current.fact, fact]);
}

/**
 * "2020年度我局收入合计1299.77万元，支出合计1112.80万元，结余186.97万元；其中局机关收入1075.81万元，
 * 支出913.42万元，结余162.39万元；…". 结余 = 收入 − 支出, computed, for the whole and each unit.
 */
export function buildUnitBalances(ctx: NarrativeContext, id: string): Built {
  const year = ctx.year();
  const units = ctx.entries("units");
  const ids = ["income.all.total", "expense.all.total"];
  if (units.length > 1) units.forEach((_, i) => ids.push(`income.unit[${i + 1}].total`, `expense.unit[${i + 1}].total`));
  const needed = ctx.need(ids);
  const absent: MissingField[] = [...(isMissing(year) ? [year] : []), ...(needed.ok ? [] : needed.missing)];
  if (absent.length || !needed.ok || isMissing(year)) return missing(absent);
  const self = ctx.selfRef();
  const facts: Fact[] = [year.fact, self.fact];

  const all = balanceOf("部门", needed.get("income.all.total"), needed.get("expense.all.total"));
  facts.push(...all.facts);
  let text = `${year.fact.shown}年度${self.text}收入合计${all.income}，支出合计${all.expense}，${all.balance}`;
  if (units.length > 1) {
    const parts = units.map((unit, i) => {
      // One unit's part is remembered on its own two cells: after an edit only that unit's
      // figures are worked out again, however many units the sentence lists.
      const u = ctx.remember(`legacy:${id}#${i + 1}:${unit.name}`, () =>
        balanceOf(unit.name, readPresent(ctx, `income.unit[${i + 1}].total`), readPresent(ctx, `expense.unit[${i + 1}].total`)),
      );
      facts.push(...u.facts);
      return `${unit.name}收入${u.income}，支出${u.expense}，${u.balance}`;
    });
    text += `；其中${parts.join("；")}`;
  }
  return makeSentence(ctx, id, text, facts);
}

/** A cell `need` has already found filled, read again so a remembered part records it. */
function readPresent(ctx: NarrativeContext, id: string): Reading {
  const r = ctx.read(id);
  if (isMissing(r)) throw new Error(`${id} was needed and found, then missing`);
  return r;
}

function balanceOf(name: string, income: Reading, expense: Reading): BalanceFigures {
  const balance = income.value.minus(expense.value);
  const facts: Fact[] = [income.fact, expense.fact, computed("difference", `${name}结余（收入 − 支出）`, balance, formatAmount(balance, 2), [income, expense], "exact")];
  // A negative 结余 is worded, not printed with a minus sign.
  const phrase = balance.isNegative() ? `支出超过收入${wan(balance.negated())}` : `结余${wan(balance)}`;
  return { income: wan(income.value), expense: wan(expense.value), balance: phrase, facts };
}

interface BalanceFigures {
  income: string;
  expense: string;
  /** "结余186.97万元" or "支出超过收入…万元". */
  balance: string;
  facts: Fact[];
}
