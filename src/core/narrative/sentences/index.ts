import type { ChangesBinding, ParagraphBinding, SentenceBinding } from "../../spec/types";
import type { NarrativeContext } from "../context";
import type { MaybeBuilt } from "../types";
import { buildBreakdown } from "./breakdown";
import { buildOverspend, buildRate, buildSpendTotal } from "./budget";
import { buildChange, buildNoneGroup, changeItems, type ChangeItem } from "./change";
import { buildQuotient } from "./per-unit";
import { buildShares } from "./share";
import { buildText } from "./text";

type PlainBinding = Exclude<SentenceBinding, { kind: "changes" }>;

/**
 * One clause of a paragraph, as data: `key` is its memo key. Clauses are made once per binding
 * (and item), not on every pass: a live pass only looks them up.
 */
export type Clause = { id: string; key: string; optional: boolean } & (
  | { binding: PlainBinding }
  | { binding: ChangesBinding; item: ChangeItem }
  | { binding: ChangesBinding; none: ChangeItem[] }
);

function lists(paragraph: ParagraphBinding): string[] {
  return paragraph.sentences.flatMap((g) => g.clauses.flatMap((c) => (c.kind === "breakdown" ? [c.list] : [])));
}

const made = new WeakMap<object, Map<string, Clause>>();

/** The clause made before for this binding (and item) and optional flag, or a new one. */
function clauseFor(owner: object, name: string, make: () => Clause): Clause {
  let byName = made.get(owner);
  if (!byName) made.set(owner, (byName = new Map()));
  let clause = byName.get(name);
  if (!clause) byName.set(name, (clause = make()));
  return clause;
}

/**
 * The clauses a binding makes for this workbook: none when its wording option is off, one per
 * compared item (and the grouped 无 clause) for a changes binding, else one.
 */
export function clausesOf(ctx: NarrativeContext, binding: SentenceBinding, paragraph: ParagraphBinding): Clause[] {
  if (binding.option && !ctx.options[binding.option]) return [];
  let optional = binding.optional === true;
  if (binding.optional === "ifListEmpty" && binding.kind === "breakdown" && ctx.entries(binding.list).length === 0) {
    // An empty list is left out while another list of the paragraph has entries.
    optional = lists(paragraph).some((list) => ctx.entries(list).length > 0);
  }
  const keyOf = (id: string) => `${paragraph.id}/${id}`;
  if (binding.kind !== "changes") {
    return [clauseFor(binding, String(optional), () => ({ id: binding.id, key: keyOf(binding.id), optional, binding }))];
  }
  const { stated, none } = changeItems(ctx, binding);
  const clauses = stated.map((item) =>
    clauseFor(binding, item.key, () => {
      const id = `${binding.id}.${item.key}`;
      return { id, key: keyOf(id), optional, binding, item };
    }),
  );
  // The grouped clause says which items are in it, decided outside the clause: its memo key
  // names them, so a row joining the group (cells the clause never read) writes it afresh.
  if (binding.none && none.length) {
    clauses.push({ id: binding.none.id, key: `${keyOf(binding.none.id)}:${none.map((i) => i.key).join(",")}`, optional, binding, none });
  }
  return clauses;
}

/** Builds one clause; `key` (the clause's memo key) also keys the memos of its list entries. */
export function buildClause(ctx: NarrativeContext, clause: Clause): MaybeBuilt {
  if ("item" in clause) return buildChange(ctx, clause.id, clause.item, clause.binding.amountAs);
  if ("none" in clause) return buildNoneGroup(ctx, clause.binding.none!, clause.none, clause.key);
  const { binding, key } = clause;
  switch (binding.kind) {
    case "text":
      return buildText(ctx, binding, key);
    case "shares":
      return buildShares(ctx, binding);
    case "rate":
      return buildRate(ctx, binding, key);
    case "quotient":
      return buildQuotient(ctx, binding, key);
    case "overspend":
      return buildOverspend(ctx, binding);
    case "overspendTotal":
    case "underspendTotal":
      return buildSpendTotal(ctx, binding);
    case "breakdown":
      return buildBreakdown(ctx, binding, key);
  }
}
