/**
 * The layout plan uses the spec's sheet names (收入, 校验, …). In a given workbook a template sheet
 * may have to live under another name: beside an officer's sheet that already has the name
 * (收入(2)), or under the name the officer renamed it to. This rewrites every reference in the
 * plan — cell formulas, conditional formats, defined names — to the names actually used, with
 * the formula tokenizer so only real sheet references change.
 */
import type { LayoutPlan } from "../../core/plan/layout-types";
import { printRef, printTokens, tokenize, type Token } from "../../core/formula/tokens";

/** Excel forbids : \ / ? * [ ] and more than 31 characters in a sheet name. */
export function besideName(wanted: string, taken: (name: string) => boolean): string {
  for (let n = 2; ; n++) {
    const suffix = `(${n})`;
    const candidate = `${wanted.slice(0, 31 - suffix.length)}${suffix}`;
    if (!taken(candidate)) return candidate;
  }
}

function renameInFormula(formula: string, renames: Map<string, string>): string {
  const tokens = tokenize(formula);
  let changed = false;
  const out = tokens.map((t): Token => {
    if (t.type !== "ref" || t.sheet === undefined) return t;
    const to = renames.get(t.sheet);
    if (to === undefined) return t;
    changed = true;
    return { ...t, sheet: to, text: printRef(to, t.start, t.end) };
  });
  return changed ? printTokens(out) : formula;
}

/** A copy of the plan with sheets renamed (spec name → name used); the plan itself is untouched. */
export function renameSheets(plan: LayoutPlan, renames: Map<string, string>): LayoutPlan {
  if (renames.size === 0) return plan;
  const f = (formula: string): string => renameInFormula(formula, renames);
  return {
    ...plan,
    sheets: plan.sheets.map((s) => ({
      ...s,
      name: renames.get(s.name) ?? s.name,
      cells: s.cells.map((c) => (c.formula ? { ...c, formula: f(c.formula) } : c)),
      conditionalFormats: s.conditionalFormats.map((cf) => ({ ...cf, formula: f(cf.formula) })),
    })),
    names: plan.names.map((n) => ({ ...n, reference: f(n.reference).replace(/^=/, "") })),
  };
}
