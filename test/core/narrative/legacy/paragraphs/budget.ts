import type { NarrativeContext } from "../../../../../src/core/narrative/context";
import { buildBudgetUse, buildIncomeBudget } from "../sentences/plan";
import { buildShares } from "../sentences/share";
import type { Paragraph } from "../types";
import { assemble, required } from "./assemble";

/** 年初总收支预算: 收入预算, the shares of 基本支出 and 项目支出, and what they are used for. */
export function budgetParagraph(ctx: NarrativeContext): Paragraph {
  return assemble(ctx, "budget", "年初总收支预算情况", [
    { joiner: "", clauses: [required("budget.income", () => buildIncomeBudget(ctx, "budget.income"))] },
    {
      joiner: "",
      clauses: [
        required("budget.shares", () =>
          buildShares(
            ctx,
            "budget.shares",
            "支出预算中",
            [
              { name: "基本支出", field: "budget.basic" },
              { name: "项目支出", field: "budget.project" },
            ],
            { field: "budget.expenseTotal", name: "支出预算总额", shortName: "支出预算" },
          ),
        ),
      ],
    },
    { joiner: "", clauses: [required("budget.use", () => buildBudgetUse(ctx, "budget.use"))] },
  ]);
}
