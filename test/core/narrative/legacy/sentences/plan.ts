import { sum } from "../../../../../src/core/money";
import { isMissing, type NarrativeContext } from "../../../../../src/core/narrative/context";
import { makeSentence, missing, wan } from "../../../../../src/core/narrative/sentence";
import type { Built, Fact } from "../types";
import { listAmounts } from "./breakdown";

/** "我局部门" reads right; "我部门部门" would not. */
export function departmentSubject(selfRef: string): string {
  return selfRef.endsWith("部门") ? selfRef : `${selfRef}部门`;
}

/** "我局部门收入预算522.08万元（全部为财政拨款）", or "…，其中财政拨款…万元" when not all of it is. */
export function buildIncomeBudget(ctx: NarrativeContext, id: string): Built {
  const needed = ctx.need(["budget.incomeTotal", "budget.fiscal"]);
  if (!needed.ok) return missing(needed.missing);
  const total = needed.get("budget.incomeTotal");
  const fiscal = needed.get("budget.fiscal");
  const self = ctx.selfRef();
  const source = fiscal.value.eq(total.value) ? "（全部为财政拨款）" : `，其中财政拨款${wan(fiscal.value)}`;
  return makeSentence(ctx, id, `${departmentSubject(self.text)}收入预算${wan(total.value)}${source}`, [self.fact, total.fact, fiscal.fact]);
}

/**
 * "2020年度年初部门预算支出522.08万元，其中基本支出507.32万元，使用内容为人员经费和日常公用经费；
 * 项目支出14.76万元，使用内容为：局机关科学技术事务管理经费3.96万元，…". The project lines come from
 * the 项目支出预算明细 list when it is filled; without it the sentence stops at the amount.
 */
export function buildBudgetUse(ctx: NarrativeContext, id: string): Built {
  const year = ctx.year();
  const needed = ctx.need(["budget.expenseTotal", "budget.basic", "budget.project"]);
  const absent = [...(isMissing(year) ? [year] : []), ...(needed.ok ? [] : needed.missing)];
  if (absent.length || !needed.ok || isMissing(year)) return missing(absent);
  const total = needed.get("budget.expenseTotal");
  const basic = needed.get("budget.basic");
  const project = needed.get("budget.project");
  const facts: Fact[] = [year.fact, total.fact, basic.fact, project.fact];
  const notes: string[] = [];
  let text =
    `${year.fact.shown}年度年初部门预算支出${wan(total.value)}，其中基本支出${wan(basic.value)}，` +
    `使用内容为人员经费和日常公用经费；项目支出${wan(project.value)}`;
  if (ctx.entries("projectItems").length) {
    const listed = listAmounts(ctx, { listId: "projectItems", amountField: (n) => `projectItems.item[${n}].amount` });
    if (Array.isArray(listed)) return missing(listed);
    facts.push(...listed.readings.map((r) => r.fact));
    const itemsSum = sum(listed.readings.map((r) => r.value));
    if (!itemsSum.eq(project.value)) notes.push(`项目明细之和${wan(itemsSum)}与项目支出预算${wan(project.value)}不等。`);
    text += `，使用内容为：${listed.clauses.join("，")}`;
  }
  return makeSentence(ctx, id, text, facts, notes);
}

/** A cell stated as it is: "“三公经费”本年实际支出2.02万元". */
export function buildStatedAmount(ctx: NarrativeContext, id: string, fieldId: string, before: string, after = ""): Built {
  const r = ctx.read(fieldId);
  if (isMissing(r)) return missing([r]);
  return makeSentence(ctx, id, `${before}${wan(r.value)}${after}`, [r.fact]);
}
