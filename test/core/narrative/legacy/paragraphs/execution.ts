import type { NarrativeContext } from "../../../../../src/core/narrative/context";
import { buildBalanceDecrease, buildIndicators, buildUnitBalances } from "../sentences/balance";
import { EXECUTION_ROWS, buildExecutionRate } from "../sentences/budget";
import type { Paragraph } from "../types";
import { assemble, optional, required, type SentenceStep } from "./assemble";

/** 年度预算收支决算: 指标 and 结余, 结余减少, 收入/支出/结余 by unit, and 预算执行率 when asked. */
export function executionParagraph(ctx: NarrativeContext): Paragraph {
  const steps: SentenceStep[] = [
    {
      joiner: "，",
      clauses: [
        required("exec.indicators", () => buildIndicators(ctx, "exec.indicators")),
        optional("exec.balanceDecrease", () => buildBalanceDecrease(ctx, "exec.balanceDecrease")),
      ],
    },
    { joiner: "", clauses: [optional("exec.units", () => buildUnitBalances(ctx, "exec.units"))] },
  ];
  if (ctx.options.executionRate) {
    steps.push({
      joiner: "；",
      clauses: EXECUTION_ROWS.map(({ row, name }) => optional(`exec.rate.${row}`, () => buildExecutionRate(ctx, `exec.rate.${row}`, row, name))),
    });
  }
  return assemble(ctx, "execution", "年度预算收支决算情况", steps);
}
