/**
 * What a form's narrative bindings refer to, for validateForm (every reference must exist, each
 * problem named by its JSON path) and for docs/fields.md (each sentence and the fields it reads).
 */
import type { FieldRef, ParagraphBinding, SentenceBinding, SentenceKind, Slot, Template } from "./types";

/** Every kind of sentence the narrative engine writes (src/core/narrative/sentences). */
export const SENTENCE_KINDS: readonly SentenceKind[] = ["text", "changes", "shares", "rate", "quotient", "overspend", "overspendTotal", "underspendTotal", "breakdown"];

/** A kind's own figures in its templates, besides fields, slots and words. */
const KIND_WORDS: Partial<Record<SentenceKind, string[]>> = { rate: ["rate"], quotient: ["quotient"] };
const WORDS = new Set(["self", "department"]);
/** A difference's or a ratio's own figure in its wording. */
const RATE = ["rate"];
const PLACEHOLDER = /\{([^{}]*)\}/g;

/** One thing a binding names: a field (maybe with [*]), a list, or a table row set. */
export interface BindingRef {
  /** JSON path from the binding, e.g. "items[2].prior" or "text". */
  path: string;
  kind: "field" | "list" | "rows" | "slot";
  ref: string;
}

function templateRefs(path: string, template: Template, extras: string[], slots?: Record<string, Slot>, slotsPath = "slots"): BindingRef[] {
  if (typeof template !== "string") return [{ path, kind: "field", ref: "" }];
  const out: BindingRef[] = [];
  for (const [, name] of template.matchAll(PLACEHOLDER)) {
    // {=name}: a figure the caller gives (NarrativeOptions.figures), not a field of the form.
    if (name === "" || WORDS.has(name) || name.startsWith("#") || name.startsWith("=") || extras.includes(name)) continue;
    if (name.startsWith("@")) {
      const slot = slots?.[name.slice(1)];
      if (!slot) out.push({ path, kind: "slot", ref: name.slice(1) });
      else out.push(...slotRefs(`${slotsPath}.${name.slice(1)}`, slot));
    } else out.push({ path, kind: "field", ref: name });
  }
  return out;
}

function slotRefs(path: string, slot: Slot): BindingRef[] {
  const of = (refs: FieldRef[] | undefined) => (refs ?? []).map((ref, i) => ({ path: `${path}.of[${i}]`, kind: "field" as const, ref }));
  switch (slot.kind) {
    case "difference":
      return [...of(slot.of), ...(["positive", "negative", "zero", "zeroBase"] as const).flatMap((k) => (slot[k] === undefined ? [] : templateRefs(`${path}.${k}`, slot[k], RATE)))];
    case "ratio":
      return [...of(slot.of), ...(["text", "zero"] as const).flatMap((k) => (slot[k] === undefined ? [] : templateRefs(`${path}.${k}`, slot[k], RATE)))];
    case "filled":
      return (slot.items ?? []).flatMap((item, i) => templateRefs(`${path}.items[${i}]`, item, [], slot.slots, `${path}.slots`));
    case "each":
      return [
        { path: `${path}.list`, kind: "list", ref: slot.list },
        ...templateRefs(`${path}.item`, slot.item, [], slot.slots, `${path}.slots`),
        ...(slot.sumNote ? [{ path: `${path}.sumNote.total`, kind: "field" as const, ref: slot.sumNote.total }, ...templateRefs(`${path}.sumNote.text`, slot.sumNote.text, ["sum"])] : []),
      ];
    default:
      return [{ path: `${path}.kind`, kind: "slot", ref: String((slot as { kind?: unknown }).kind) }];
  }
}

/** Everything one binding names, with the JSON path (relative to the binding) of each. */
export function bindingRefs(b: SentenceBinding): BindingRef[] {
  const field = (path: string, ref: string): BindingRef => ({ path, kind: "field", ref });
  switch (b.kind) {
    case "text":
      return [...(b.reads ?? []).map((ref, i) => field(`reads[${i}]`, ref)), ...templateRefs("text", b.text, [], b.slots), ...Object.keys(b.names ?? {}).map((ref) => field(`names.${ref}`, ref))];
    case "changes":
      return [
        ...(b.items ?? []).flatMap((item, i) => [field(`items[${i}].prior`, item.prior), field(`items[${i}].current`, item.current)]),
        ...(b.none ? templateRefs("none.text", b.none.text, ["names"]) : []),
      ];
    case "shares":
      return [...(b.parts ?? []).map((p, i) => field(`parts[${i}].field`, p.field)), field("total.field", b.total?.field)];
    case "rate":
      return [field("budget", b.budget), field("actual", b.actual), ...templateRefs("text", b.text, KIND_WORDS.rate ?? [])];
    case "quotient":
      return [field("amount", b.amount), field("divisor", b.divisor), ...templateRefs("text", b.text, KIND_WORDS.quotient ?? [])];
    case "overspend":
      return [field("budget", b.budget), field("actual", b.actual), { path: "rows", kind: "rows", ref: b.rows?.table }];
    case "overspendTotal":
    case "underspendTotal":
      return [{ path: "rows", kind: "rows", ref: b.rows?.table }];
    case "breakdown":
      return [{ path: "list", kind: "list", ref: b.list }, field("amount", b.amount), ...(b.total ? [field("total", b.total)] : []), ...templateRefs("lead", b.lead, [])];
  }
}

/** Each clause binding of the form, with its JSON path. */
export function eachBinding(narrative: ParagraphBinding[]): Array<{ path: string; paragraph: ParagraphBinding; binding: SentenceBinding }> {
  return narrative.flatMap((paragraph, i) => [
    ...(paragraph.sentences ?? []).flatMap((group, j) => (group.clauses ?? []).map((binding, k) => ({ path: `narrative[${i}].sentences[${j}].clauses[${k}]`, paragraph, binding }))),
    ...(paragraph.noData?.sentences ?? []).flatMap((group, j) =>
      (group.clauses ?? []).map((binding, k) => ({ path: `narrative[${i}].noData.sentences[${j}].clauses[${k}]`, paragraph, binding })),
    ),
  ]);
}

const MAX_DECIMALS = 6;

/**
 * The narrative bindings' problems, each named by its JSON path: unknown sentence kinds and
 * options, fields, lists and slots that do not exist, duplicate ids. `fieldIds` are the form's
 * field ids with every list expanded to sample entries (so `[*]` is checked as `[1]`).
 */
export function validateNarrative(narrative: unknown, fieldIds: Set<string>, listIds: string[]): string[] {
  if (narrative === undefined) return [];
  if (!Array.isArray(narrative)) return ["narrative：应为段落的数组"];
  const errors: string[] = [];
  const paragraphIds = new Set<string>();
  narrative.forEach((p: Partial<ParagraphBinding>, i) => {
    if (typeof p?.id !== "string" || !p.id) errors.push(`narrative[${i}].id：缺少段落 id`);
    else if (paragraphIds.has(p.id)) errors.push(`narrative[${i}].id：段落 id 重复：${p.id}`);
    else paragraphIds.add(p.id);
    if (typeof p?.title !== "string" || !p.title) errors.push(`narrative[${i}].title：缺少段落标题`);
    if (!Array.isArray(p?.sentences)) errors.push(`narrative[${i}].sentences：应为句子的数组`);
    else p.sentences.forEach((g, j) => Array.isArray(g?.clauses) || errors.push(`narrative[${i}].sentences[${j}].clauses：应为分句的数组`));
    if (p?.noData !== undefined) {
      const table = p.noData?.table;
      if (typeof table !== "string" || ![...fieldIds].some((f) => f.startsWith(`${table}.`))) errors.push(`narrative[${i}].noData.table：表「${String(table)}」不在表式中`);
      if (!Array.isArray(p.noData?.sentences)) errors.push(`narrative[${i}].noData.sentences：应为句子的数组`);
      else p.noData.sentences.forEach((g, j) => Array.isArray(g?.clauses) || errors.push(`narrative[${i}].noData.sentences[${j}].clauses：应为分句的数组`));
    }
  });
  if (errors.length) return errors;

  const sentenceIds = new Set<string>();
  for (const { path, binding } of eachBinding(narrative as ParagraphBinding[])) {
    const b = binding as SentenceBinding & Record<string, unknown>;
    if (!SENTENCE_KINDS.includes(b?.kind)) {
      errors.push(`${path}.kind：不认识的句子类型「${String(b?.kind)}」（可用：${SENTENCE_KINDS.join("、")}）`);
      continue;
    }
    if (typeof b.id !== "string" || !b.id) errors.push(`${path}.id：缺少句子 id`);
    else if (sentenceIds.has(b.id)) errors.push(`${path}.id：句子 id 重复：${b.id}`);
    else sentenceIds.add(b.id);
    if (b.option !== undefined && b.option !== "executionRate") errors.push(`${path}.option：不认识的措辞选项「${String(b.option)}」（可用：executionRate）`);
    if (b.optional !== undefined && typeof b.optional !== "boolean" && b.optional !== "ifListEmpty") {
      errors.push(`${path}.optional：应为 true、false 或 "ifListEmpty"`);
    }
    if (b.kind === "quotient") {
      if (b.per !== "capita" && b.per !== "item") errors.push(`${path}.per：应为 capita（人均）或 item（每台、每个）`);
      if (b.decimals !== undefined && !(Number.isInteger(b.decimals) && b.decimals >= 0 && b.decimals <= MAX_DECIMALS)) {
        errors.push(`${path}.decimals：应为 0–${MAX_DECIMALS} 的整数`);
      }
    }
    let refs: BindingRef[];
    try {
      refs = bindingRefs(b);
    } catch {
      errors.push(`${path}：句子的写法不完整（缺少 ${b.kind} 类句子需要的栏目）`);
      continue;
    }
    errors.push(...slotProblems(path, b));
    for (const r of refs) {
      const at = `${path}.${r.path}`;
      if (r.kind === "slot") errors.push(`${at}：没有名为「${r.ref}」的 slot（difference、ratio、filled 或 each）`);
      else if (r.kind === "list") {
        if (!listIds.includes(r.ref)) errors.push(`${at}：列表「${String(r.ref)}」不在本报表中`);
      } else if (r.kind === "rows") errors.push(...rowsProblems(at, (b as { rows?: { table?: string; rows?: string[]; budget?: string; actual?: string } }).rows, fieldIds));
      else if (typeof r.ref !== "string" || !fieldIds.has(r.ref.split("[*]").join("[1]"))) errors.push(`${at}：字段「${String(r.ref)}」不在本报表中`);
    }
  }
  return errors;
}

function rowsProblems(at: string, rows: { table?: string; rows?: string[]; budget?: string; actual?: string } | undefined, fieldIds: Set<string>): string[] {
  if (!rows || !Array.isArray(rows.rows)) return [`${at}：应写明 table、rows、budget、actual`];
  return rows.rows.flatMap((row, i) =>
    [rows.budget, rows.actual].flatMap((column) => {
      const plain = `${rows.table}.${row}.${column}`;
      const listed = `${rows.table}.${row}[1].${column}`;
      return fieldIds.has(plain) || fieldIds.has(listed) ? [] : [`${at}.rows[${i}]：字段「${plain}」不在本报表中`];
    }),
  );
}

const usesRate = (t: unknown): boolean => typeof t === "string" && /\{rate\}/.test(t);

/**
 * The wording rules of slots: a ratio states {rate} (and its zero wording does not); a difference
 * that states {rate} has a zeroBase wording without it (no percentage on a zero base); codeLengths
 * are whole numbers; an each slot's own slots are differences or ratios.
 */
function slotProblems(path: string, binding: SentenceBinding): string[] {
  const slots = (binding as { slots?: Record<string, Slot> }).slots;
  return Object.entries(slots ?? {}).flatMap(([name, slot]) => slotRules(`${path}.slots.${name}`, slot));
}

function slotRules(at: string, slot: Slot): string[] {
  const errors: string[] = [];
  const nested = (slots: Record<string, Slot> | undefined) =>
    Object.entries(slots ?? {}).flatMap(([name, inner]) =>
      inner.kind === "difference" || inner.kind === "ratio" ? slotRules(`${at}.slots.${name}`, inner) : [`${at}.slots.${name}.kind：此处只能用 difference 或 ratio`],
    );
  switch (slot.kind) {
    case "difference":
      if ([slot.positive, slot.negative, slot.zero].some(usesRate) && slot.zeroBase === undefined) {
        errors.push(`${at}.zeroBase：措辞用了 {rate}（变动百分比），须写明上年为0时的说法（不能写“增长100%”）`);
      }
      if (usesRate(slot.zeroBase)) errors.push(`${at}.zeroBase：上年为0时没有百分比，不能用 {rate}`);
      break;
    case "ratio":
      if (!usesRate(slot.text)) errors.push(`${at}.text：应含 {rate}`);
      if (usesRate(slot.zero)) errors.push(`${at}.zero：分母为0时没有百分比，不能用 {rate}`);
      if (slot.as !== undefined && !["share", "executionRate", "ratio"].includes(slot.as)) errors.push(`${at}.as：应为 share、executionRate 或 ratio`);
      break;
    case "each":
      if (slot.codeLengths !== undefined && !(Array.isArray(slot.codeLengths) && slot.codeLengths.every((n) => Number.isInteger(n) && n > 0))) {
        errors.push(`${at}.codeLengths：应为科目编码长度（正整数）的数组`);
      }
      errors.push(...nested(slot.slots));
      break;
    case "filled":
      errors.push(...nested(slot.slots));
      break;
  }
  return errors;
}
