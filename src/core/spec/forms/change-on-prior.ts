/**
 * The wording of a change on the prior year, shared by the built-in forms' sentences (the 决算
 * 情况说明 and the 自评's 与上年比较). In a file of its own so a form that uses it does not pull
 * the other form's bindings into the pane's start-up script.
 */
import type { DifferenceSlot } from "../types";

/** Where the officer writes the reason for a change: marked so it cannot be missed or printed as is. */
export const REASON_GAP = "【请填写主要原因】";

/**
 * A change on the prior year: "比上年增加58.21万元，增长15.46%" / "比上年减少…，下降…" /
 * "与上年持平"; on a prior year of 0, "上年为0，本年新增…" and no percentage.
 */
export function changeOnPrior(current: string, prior: string, fact: string, reason = true): DifferenceSlot {
  const why = reason ? `，主要原因是${REASON_GAP}` : "";
  return {
    kind: "difference",
    of: [current, prior],
    positive: `比上年增加{}，增长{rate}${why}`,
    negative: `比上年减少{}，下降{rate}${why}`,
    zero: "与上年持平",
    zeroBase: `上年为0，本年新增{}${why}`,
    fact,
  };
}
