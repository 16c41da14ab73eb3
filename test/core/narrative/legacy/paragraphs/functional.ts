import { isMissing, type NarrativeContext } from "../../../../../src/core/narrative/context";
import { buildBreakdown } from "../sentences/breakdown";
import { missing } from "../../../../../src/core/narrative/sentence";
import type { Built, Paragraph } from "../types";
import { assemble, optional, required } from "./assemble";

const LISTS = [
  { key: "basic", listId: "funcBasic", table: "funcBasic", listLabel: "基本支出功能科目", what: "基本支出" },
  { key: "project", listId: "funcProject", table: "funcProject", listLabel: "项目支出功能科目", what: "项目支出" },
] as const;

/**
 * 一般公共预算支出 by 功能科目: "2025年度我部门基本支出1200.53万元，其中：行政运行支出960.47万元；…".
 * A list the department filled is required in full; an empty list is left out, unless both are.
 */
export function functionalParagraph(ctx: NarrativeContext): Paragraph {
  const anyFilled = LISTS.some((l) => ctx.entries(l.listId).length > 0);
  const clauses = LISTS.map((l) => {
    const id = `func.${l.key}`;
    const build = (): Built => {
      const year = ctx.year();
      if (isMissing(year)) return missing([year]);
      return buildBreakdown(ctx, id, {
        listId: l.listId,
        listLabel: l.listLabel,
        amountField: (n) => `${l.table}.item[${n}].amount`,
        totalField: `${l.table}.total.amount`,
        lead: `${year.fact.shown}年度${ctx.selfRef().text}${l.what}`,
        separator: "；",
      });
    };
    const filled = ctx.entries(l.listId).length > 0;
    return filled || !anyFilled ? required(id, build) : optional(id, build);
  });
  return assemble(ctx,
    "functional",
    "一般公共预算支出情况",
    clauses.map((clause) => ({ joiner: "", clauses: [clause] })),
  );
}
