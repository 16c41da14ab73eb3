/**
 * Sentence templates of the spec's narrative bindings: "{report.year}年度{self}预算可用指标{…}".
 * What the placeholders mean is documented with `Template` in src/core/spec/types.ts. A template
 * is read twice: once for the fields it needs (so a sentence lists everything it lacks), once to
 * write the text, recording each cell and computed figure it states as a fact, in text order.
 */
import { formatNumber, formatPercent, sum, type Dec } from "../money";
import { shownDecimals } from "../spec/instances";
import type { DifferenceSlot, EachSlot, FieldRef, FilledSlot, RatioSlot, Slot, Template } from "../spec/types";
import { isMissing, type NarrativeContext, type Reading } from "./context";
import { computed, departmentSubject } from "./sentence";
import type { Fact, MissingField } from "./types";

const PLACEHOLDER = /\{([^{}]*)\}/g;

/** Names a template may use besides field ids and slots. */
const WORDS = new Set(["self", "department"]);

/** The entry of an open list a template is written for. */
export interface Entry {
  n: number;
  name: string;
}

/** income.unit[*].total for entry 2 -> income.unit[2].total. */
export function fieldFor(ref: FieldRef, entry?: Entry): string {
  return entry && ref.includes("[*]") ? ref.split("[*]").join(`[${entry.n}]`) : ref;
}

/** Templates are few and fixed (the form's), and read on every pass: each is parsed once. */
const parsed = new Map<Template, string[]>();

/** The placeholder names of a template, in order. */
export function placeholders(template: Template): string[] {
  let names = parsed.get(template);
  if (!names) parsed.set(template, (names = [...template.matchAll(PLACEHOLDER)].map((m) => m[1])));
  return names;
}

/** The fields one entry's clause of an each slot needs, `[*]` unresolved; worked out once per slot. */
const entryFields = new WeakMap<EachSlot, string[]>();

/** A placeholder that names a cell (not a word, a slot, an entry name, a given figure or a kind's own figure). */
export function isFieldPlaceholder(name: string, extras: readonly string[] = []): boolean {
  return name !== "" && !WORDS.has(name) && !name.startsWith("@") && !name.startsWith("#") && !name.startsWith("=") && !extras.includes(name);
}

/** A {=name} placeholder: a figure the caller computed (NarrativeOptions.figures). */
const isGiven = (name: string): boolean => name.startsWith("=");

/**
 * The cells a template needs, in the order it names them, slots included. `phase` "with": the
 * figures the sentence cannot be written without; "after": list entries asked for once those are
 * there. A `filled` slot needs nothing: its items are stated only when filled.
 */
export function templateFields(
  ctx: NarrativeContext,
  template: Template,
  slots: Record<string, Slot> | undefined,
  phase: "with" | "after",
  extras: readonly string[] = [],
  entry?: Entry,
): string[] {
  const out: string[] = [];
  for (const name of placeholders(template)) {
    if (name.startsWith("@")) {
      const slot = slots?.[name.slice(1)];
      if (slot) out.push(...slotFields(ctx, slot, phase, entry));
    } else if (phase === "with" && (isFieldPlaceholder(name, extras) || isGiven(name))) out.push(fieldFor(name, entry));
  }
  return out;
}

function slotFields(ctx: NarrativeContext, slot: Slot, phase: "with" | "after", entry?: Entry): string[] {
  switch (slot.kind) {
    case "difference":
      return phase === "with"
        ? [...slot.of.map((f) => fieldFor(f, entry)), ...[slot.positive, slot.negative, slot.zero ?? ""].flatMap((t) => templateFields(ctx, t, undefined, "with", [], entry))]
        : [];
    case "filled":
      return [];
    case "ratio":
      return phase === "with" ? slot.of.map((f) => fieldFor(f, entry)) : [];
    case "each": {
      if ((slot.needed ?? "with") !== phase) return [];
      const entries = ctx.entries(slot.list);
      if (entries.length < (slot.minEntries ?? 1)) return [];
      let refs = entryFields.get(slot);
      if (!refs) entryFields.set(slot, (refs = templateFields(ctx, slot.item, slot.slots, "with")));
      const out: string[] = [];
      for (let n = 1; n <= entries.length; n++) for (const ref of refs) out.push(fieldFor(ref, { n, name: "" }));
      return out;
    }
  }
}

/** Every one of `ids` read, or all that are missing, in order, each once. */
export function needAll(ctx: NarrativeContext, ids: string[]): MissingField[] {
  const missing: MissingField[] = [];
  for (const id of new Set(ids)) {
    if (isGiven(id)) {
      if (!ctx.options.figures?.[id.slice(1)]) missing.push({ field: id.slice(1), label: id.slice(1), reason: "notGiven" });
      continue;
    }
    const r = ctx.read(id);
    if (isMissing(r)) missing.push(r);
  }
  return missing;
}

/** A cell a sentence has already found usable, read again (a remembered part records the read). */
export function present(ctx: NarrativeContext, id: string): Reading {
  const r = ctx.read(id);
  if (isMissing(r)) throw new Error(`${id} was needed and found, then missing`);
  return r;
}

/** A figure in its field's unit: "1.90万元", "43人", "2020". */
export function printed(ctx: NarrativeContext, r: Reading, value: Dec = r.value): string {
  const field = ctx.values.fields.get(r.field);
  const places = field ? shownDecimals(field.kind) : 2;
  return `${formatNumber(value, places)}${field?.unit ?? ""}`;
}

/** The figure as a fact shows it: decimals of its field, no unit. */
function bare(ctx: NarrativeContext, r: Reading, value: Dec): string {
  const field = ctx.values.fields.get(r.field);
  return formatNumber(value, field ? shownDecimals(field.kind) : 2);
}

/** What writing one sentence collects: its facts (each cell once) and its notes. */
export class Writer {
  readonly facts: Fact[] = [];
  readonly notes: string[] = [];
  private readonly seen = new Set<string>();

  constructor(
    readonly ctx: NarrativeContext,
    /** The memo key of the clause, for per-entry memos of its lists. */
    readonly key: string,
  ) {}

  /** States a cell: its fact is recorded the first time. */
  cell(id: string): Reading {
    const r = present(this.ctx, id);
    if (!this.seen.has(id)) {
      this.seen.add(id);
      this.facts.push(r.fact);
    }
    return r;
  }

  private self(): string {
    const self = this.ctx.selfRef();
    if (!this.seen.has("{self}")) {
      this.seen.add("{self}");
      this.facts.push(self.fact);
    }
    return self.text;
  }

  /** The text of a template; `extras` are the kind's own figures ({quotient}, {} …). */
  write(template: Template, slots?: Record<string, Slot>, extras: Record<string, string> = {}, entry?: Entry): string {
    return template.replace(PLACEHOLDER, (_, name: string) => {
      if (name in extras) return extras[name];
      if (name === "self") return this.self();
      if (name === "department") return departmentSubject(this.self());
      if (name.startsWith("#")) return entry?.name ?? "";
      if (isGiven(name)) return this.given(name.slice(1));
      if (name.startsWith("@")) {
        const slot = slots?.[name.slice(1)];
        if (!slot) throw new Error(`no slot ${name} in «${template}»`);
        return this.slot(slot, entry);
      }
      const r = this.cell(fieldFor(name, entry));
      return printed(this.ctx, r);
    });
  }

  /** A figure the caller computed, stated as given, with the cells it came from. */
  private given(name: string): string {
    const figure = this.ctx.options.figures?.[name];
    if (!figure) throw new Error(`figure ${name} was needed and given, then missing`);
    if (!this.seen.has(`=${name}`)) {
      this.seen.add(`=${name}`);
      this.facts.push({ kind: "given", label: figure.label, value: figure.value, shown: figure.shown, inputs: [...figure.inputs], rounding: "halfUp" });
    }
    return figure.shown;
  }

  /** numerator ÷ denominator as a percentage; a base of 0 is worded, never divided by. */
  private ratio(slot: RatioSlot, entry?: Entry): string {
    const a = this.cell(fieldFor(slot.of[0], entry));
    const b = this.cell(fieldFor(slot.of[1], entry));
    if (b.value.isZero()) return this.write(slot.zero ?? "无法计算", undefined, {}, entry);
    const ratio = a.value.div(b.value);
    const shown = formatPercent(ratio, this.ctx.options.percentDecimals);
    if (slot.fact !== undefined) this.facts.push(computed("ratio", slot.fact.replace(/\{#name\}/g, entry?.name ?? ""), ratio, shown, [a, b]));
    return shown;
  }

  private slot(slot: Slot, entry?: Entry): string {
    switch (slot.kind) {
      case "ratio":
        return this.ratio(slot, entry);
      case "difference":
        return this.difference(slot, entry);
      case "filled":
        return this.filled(slot);
      case "each":
        return this.each(slot);
    }
  }

  /** A − B worded by its sign; its magnitude printed in A's unit. */
  private difference(slot: DifferenceSlot, entry?: Entry): string {
    const a = this.cell(fieldFor(slot.of[0], entry));
    const b = this.cell(fieldFor(slot.of[1], entry));
    const diff = a.value.minus(b.value);
    const wording = diff.isZero() ? (slot.zero ?? slot.positive) : diff.gt(0) ? slot.positive : slot.negative;
    const text = this.write(wording, undefined, { "": printed(this.ctx, a, diff.abs()) }, entry);
    if (slot.fact !== undefined) {
      const label = slot.fact.replace(/\{#name\}/g, entry?.name ?? "");
      this.facts.push(computed("difference", label, diff, bare(this.ctx, a, slot.signed ? diff : diff.abs()), [a, b], "exact"));
    }
    return text;
  }

  /** The items whose cells are all filled, after the lead; nothing when none is. */
  private filled(slot: FilledSlot): string {
    const items = slot.items.filter((item) => templateFields(this.ctx, item, undefined, "with").every((id) => this.ctx.isFilled(id)));
    return items.length ? `${slot.lead}${items.map((item) => this.write(item)).join(slot.joiner)}` : "";
  }

  /**
   * One clause per entry. Each entry is remembered on its own cells: after an edit only that
   * entry is written again, however long the list.
   */
  private each(slot: EachSlot): string {
    const entries = this.ctx.entries(slot.list);
    if (entries.length < (slot.minEntries ?? 1)) return "";
    const parts = entries.map((e, i) => {
      const entry = { n: i + 1, name: e.name };
      const part = this.ctx.remember(`${this.key}#${entry.n}:${entry.name}`, () => {
        const w = new Writer(this.ctx, this.key);
        return { text: w.write(slot.item, slot.slots, {}, entry), facts: w.facts };
      });
      for (const f of part.facts) {
        if (f.kind === "cell") {
          if (this.seen.has(f.field)) continue;
          this.seen.add(f.field);
        }
        this.facts.push(f);
      }
      return part.text;
    });
    if (slot.sumNote) {
      const [first] = placeholders(slot.item).filter((p) => isFieldPlaceholder(p));
      const readings = entries.map((e, i) => present(this.ctx, fieldFor(first, { n: i + 1, name: e.name })));
      const total = present(this.ctx, slot.sumNote.total);
      const itemsSum = sum(readings.map((r) => r.value));
      if (!itemsSum.eq(total.value)) {
        // The note names figures already stated; it adds no facts of its own.
        const aside = new Writer(this.ctx, this.key);
        this.notes.push(aside.write(slot.sumNote.text, undefined, { sum: printed(this.ctx, readings[0], itemsSum) }));
      }
    }
    return `${slot.lead}${parts.join(slot.joiner)}`;
  }
}
