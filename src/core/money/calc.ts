import { Dec, toDec, withoutNegativeZero } from "./decimal";

/**
 * Arithmetic on amounts. Sums and differences are exact (parse keeps amounts
 * within 40 significant digits, Dec's precision). Quotients are rounded at
 * the 40th significant digit, far below any place a report prints, so a
 * later roundHalfUp to 2 places gives the same result as rounding the exact
 * fraction would. Functions that divide return null when the divisor is zero
 * (or an input is not finite) instead of NaN or Infinity.
 */

export function sum(values: Dec[]): Dec {
  return withoutNegativeZero(values.reduce<Dec>((total, v) => total.plus(toDec(v)), new Dec(0)));
}

/** a − b. */
export function difference(a: Dec, b: Dec): Dec {
  return withoutNegativeZero(toDec(a).minus(toDec(b)));
}

/** numerator / denominator, or null when that is undefined. */
function ratio(numerator: Dec, denominator: Dec): Dec | null {
  const n = toDec(numerator);
  const d = toDec(denominator);
  if (!n.isFinite() || !d.isFinite() || d.isZero()) return null;
  return withoutNegativeZero(n.div(d));
}

/**
 * Change from prior to current as a ratio: (current − prior) / prior.
 * 3.44 -> 1.90 gives -0.4476744…, printed "-44.77%" (or "降低44.77%").
 * Null when prior is 0 (no base to compare with).
 */
export function percentChange(prior: Dec, current: Dec): Dec | null {
  return ratio(difference(current, prior), prior);
}

/** part / total as a ratio; null when total is 0. */
export function share(part: Dec, total: Dec): Dec | null {
  return ratio(part, total);
}

/** amount / count (人均, 每台); null when count is 0. */
export function perCapita(amount: Dec, count: Dec): Dec | null {
  return ratio(amount, count);
}

/** actual / budget (预算执行率) as a ratio; null when budget is 0. */
export function executionRate(actual: Dec, budget: Dec): Dec | null {
  return ratio(actual, budget);
}

export { largestRemainderShares } from "./shares";
