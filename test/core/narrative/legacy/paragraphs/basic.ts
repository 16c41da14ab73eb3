import type { NarrativeContext } from "../../../../../src/core/narrative/context";
import { buildBasicOverspend, buildOverspendTotal, buildUnderspendTotal } from "../sentences/budget";
import type { Paragraph } from "../types";
import { assemble, optional, required } from "./assemble";

/** 基本支出 against its 预算, the rows over (and under) budget and their totals. */
export function basicParagraph(ctx: NarrativeContext): Paragraph {
  return assemble(ctx, "basic", "基本支出管理情况", [
    { joiner: "", clauses: [required("basic.overspend", () => buildBasicOverspend(ctx, "basic.overspend"))] },
    { joiner: "", clauses: [optional("basic.overspendTotal", () => buildOverspendTotal(ctx, "basic.overspendTotal"))] },
    { joiner: "", clauses: [optional("basic.underspendTotal", () => buildUnderspendTotal(ctx, "basic.underspendTotal"))] },
  ]);
}
