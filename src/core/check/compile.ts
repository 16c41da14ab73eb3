import { sheetAddress } from "../excel/address";
import { cellIndex, type CellPosition } from "../spec/placement";
import { expandFields, type FieldDef, type Lists } from "../spec/instances";
import type { FormSpec } from "../spec/types";
import { ByFieldId, FieldIndex } from "./field-index";
import { expandRules, ruleFields, type Rule } from "../spec/rules";

/** A rule with its fields resolved to positions in CompiledForm.fields (in ruleFields order). */
export type IndexedRule = Rule & { ix: number[] };

/** Everything about a form that depends only on its lists, not on the values typed. */
export interface CompiledForm {
  fields: FieldDef[];
  fieldById: ReadonlyMap<string, FieldDef>;
  indexOf: FieldIndex;
  rules: IndexedRule[];
  /** Layout order of fields, for sorting findings. */
  order: ReadonlyMap<string, number>;
  /** Sheet-qualified address of a field in the template as laid out for these lists. */
  templateAddress: (fieldId: string) => string;
  /**
   * What the previous pass read, by field position: live validation re-checks after every
   * edit, and a cell whose raw content is unchanged keeps its parsed state (see readValues).
   */
  memo: { raws: unknown[]; states: unknown[] };
  /** Each rule's inputs and result from the previous pass, valid for one locator. */
  ruleMemo: { locate?: unknown; inputs: unknown[][]; results: unknown[] };
}

const CACHED_SHAPES_PER_FORM = 4;
const cache = new WeakMap<FormSpec, Map<string, CompiledForm>>();

/**
 * The expansion without the cache, for one-off callers whose lists are new each time (an import
 * that adds thousands of 科目 entries): building the cache key would serialise every list, and
 * the entry kept afterwards could never be hit again.
 */
export function compileUncached(form: FormSpec, lists: Lists): CompiledForm {
  return compile(form, lists);
}

function compile(form: FormSpec, lists: Lists): CompiledForm {
  const fields = expandFields(form, lists);
  // Addresses are laid out on first use: a pass with no finding never needs one, and an import
  // locates only its own table. The lists are copied so a later change to them cannot move them.
  const listsNow: Lists = Object.fromEntries(Object.entries(lists).map(([id, entries]) => [id, entries?.slice()]));
  let index: Map<string, CellPosition> | undefined;
  const indexOf = new FieldIndex(fields);
  const fieldById = new ByFieldId(fields, fields, indexOf);
  // A rule over a list reads its entries one after another, so the next field is first looked
  // for one stride after the last one found, and confirmed by its id.
  let last = -1;
  let stride = 1;
  const position = (id: string) => {
    const guess = last + stride;
    if (guess >= 0 && guess < fields.length && fields[guess].id === id) return (last = guess);
    const i = indexOf.get(id);
    if (i === undefined) throw new Error(`rule refers to unknown field ${id}`);
    stride = i - last;
    return (last = i);
  };
  return {
    fields,
    fieldById,
    indexOf,
    rules: expandRules(form, lists).map((rule) => {
      const ix = ruleFields(rule).map(position);
      // A sum over a list names every entry: each term keeps its field's own id rather than a
      // second copy of the same text (100,000 of them for a long 科目 list).
      if (rule.kind === "equation") rule.terms.forEach((t, k) => (t.field = fields[ix[k + 1]].id));
      return Object.assign(rule, { ix });
    }),
    // Layout order is field order: the same map serves both.
    order: indexOf,
    memo: { raws: [], states: [] },
    ruleMemo: { inputs: [], results: [] },
    templateAddress: (id) => {
      index ??= cellIndex(form, listsNow);
      const p = index.get(id);
      return p ? sheetAddress(p.sheet, p.row, p.column) : id;
    },
  };
}

/**
 * Live validation checks the same form on every edit while the lists rarely change, so the
 * expansion of fields and rules is done once per list shape and reused.
 */
export function compileForm(form: FormSpec, lists: Lists): CompiledForm {
  const key = JSON.stringify(lists);
  let byShape = cache.get(form);
  if (!byShape) cache.set(form, (byShape = new Map()));
  const hit = byShape.get(key);
  if (hit) return hit;
  const compiled = compile(form, lists);
  if (byShape.size >= CACHED_SHAPES_PER_FORM) byShape.delete(byShape.keys().next().value!);
  byShape.set(key, compiled);
  return compiled;
}
