import type { ParagraphBinding, SentenceBinding } from "../../spec/types";
import type { NarrativeContext } from "../context";
import type { MaybeBuilt } from "../types";
import { buildBreakdown } from "./breakdown";
import { buildOverspend, buildRate, buildSpendTotal } from "./budget";
import { changeClauses } from "./change";
import { buildQuotient } from "./per-unit";
import { buildShares } from "./share";
import { buildText } from "./text";

/** One clause of a paragraph, ready to build; `key` is its memo key. */
export interface Clause {
  id: string;
  optional: boolean;
  build: (key: string) => MaybeBuilt;
}

function lists(paragraph: ParagraphBinding): string[] {
  return paragraph.sentences.flatMap((g) => g.clauses.flatMap((c) => (c.kind === "breakdown" ? [c.list] : [])));
}

/**
 * The clauses a binding makes for this workbook: none when its wording option is off, one per
 * compared item for a changes binding, else one.
 */
export function clausesOf(ctx: NarrativeContext, binding: SentenceBinding, paragraph: ParagraphBinding): Clause[] {
  if (binding.option && !ctx.options[binding.option]) return [];
  let optional = binding.optional === true;
  if (binding.optional === "ifListEmpty" && binding.kind === "breakdown" && ctx.entries(binding.list).length === 0) {
    // An empty list is left out while another list of the paragraph has entries.
    optional = lists(paragraph).some((list) => ctx.entries(list).length > 0);
  }
  const one = (build: (key: string) => MaybeBuilt): Clause[] => [{ id: binding.id, optional, build }];
  switch (binding.kind) {
    case "text":
      return one((key) => buildText(ctx, binding, key));
    case "changes":
      return changeClauses(ctx, binding).map((c) => ({ ...c, optional }));
    case "shares":
      return one(() => buildShares(ctx, binding));
    case "rate":
      return one((key) => buildRate(ctx, binding, key));
    case "quotient":
      return one((key) => buildQuotient(ctx, binding, key));
    case "overspend":
      return one(() => buildOverspend(ctx, binding));
    case "overspendTotal":
    case "underspendTotal":
      return one(() => buildSpendTotal(ctx, binding));
    case "breakdown":
      return one((key) => buildBreakdown(ctx, binding, key));
  }
}
