/**
 * Sentence templates of the spec's narrative bindings: "{report.year}年度{self}预算可用指标{…}".
 * What the placeholders mean is documented with `Template` in src/core/spec/types.ts. A template
 * is read twice: once for the fields it needs (so a sentence lists everything it lacks), once to
 * write the text, recording each cell and computed figure it states as a fact, in text order.
 */
import { Dec, formatNumber, formatPercent, percentChange, roundHalfUp, shiftDecimalPoint, share, sum } from "../money";
import { shownDecimals } from "../spec/instances";
import type { DifferenceSlot, EachSlot, FieldRef, FilledSlot, RatioSlot, Slot, Template } from "../spec/types";
import { isMissing, type NarrativeContext, type Reading } from "./context";
import { computed, departmentSubject, negatives, zeroDivisor } from "./sentence";
import type { Fact, MissingField } from "./types";

const PLACEHOLDER = /\{([^{}]*)\}/g;

/** Names a template may use besides field ids and slots. */
const WORDS = new Set(["self", "department"]);

/** The entry of an open list a template is written for. */
export interface Entry {
  n: number;
  name: string;
  /** The list's entries this one is written among (an each slot's), for a column only some fill. */
  peers?: Entry[];
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

/** The kinds' own figures in a slot's wording: a difference's and a ratio's {rate}. */
const RATE = ["rate"];

/**
 * The entries an each slot lists, with their place in the whole list (field ids count every
 * entry): all of them, or those whose 科目编码 has one of `codeLengths`.
 */
export function listedEntries(ctx: NarrativeContext, slot: EachSlot): Entry[] {
  const all = ctx.entries(slot.list).map((e, i) => ({ n: i + 1, name: e.name, code: e.code }));
  const lengths = slot.codeLengths;
  const picked = lengths ? all.filter((e) => e.code !== undefined && lengths.includes(e.code.trim().length)) : all;
  return picked.map(({ n, name }) => ({ n, name }));
}

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
        ? [...slot.of.map((f) => fieldFor(f, entry)), ...[slot.positive, slot.negative, slot.zero ?? "", slot.zeroBase ?? ""].flatMap((t) => templateFields(ctx, t, undefined, "with", RATE, entry))]
        : [];
    case "ratio": {
      if (phase !== "with") return [];
      // A blank denominator that counts as 0 is not needed.
      const of = slot.blankIsZero ? [slot.of[0]] : slot.of;
      return [...of.map((f) => fieldFor(f, entry)), ...[slot.text, slot.zero ?? ""].flatMap((t) => templateFields(ctx, t, undefined, "with", RATE, entry))];
    }
    case "filled":
      return [];
    case "each": {
      if ((slot.needed ?? "with") !== phase) return [];
      const entries = listedEntries(ctx, slot);
      if (entries.length < (slot.minEntries ?? 1)) return [];
      let refs = entryFields.get(slot);
      if (!refs) entryFields.set(slot, (refs = templateFields(ctx, slot.item, slot.slots, "with")));
      const out: string[] = [];
      for (const e of entries) for (const ref of refs) out.push(fieldFor(ref, e));
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

/** A ratio's magnitude as the sentence prints it; a change too small to show says so ("不足0.01%"). */
function ratePhrase(ratio: Dec, places: number): string {
  if (roundHalfUp(shiftDecimalPoint(ratio.abs(), 2), places).isZero() && !ratio.isZero()) {
    return `不足${new Dec(1).div(new Dec(10).pow(places)).toFixed(places)}%`;
  }
  return formatPercent(ratio.abs(), places);
}

/** Lists of `slots` marked required that have no entry to list: the sentence cannot be written. */
export function emptyRequiredLists(ctx: NarrativeContext, template: Template, slots: Record<string, Slot> | undefined): MissingField[] {
  const out: MissingField[] = [];
  for (const name of placeholders(template)) {
    const slot = name.startsWith("@") ? slots?.[name.slice(1)] : undefined;
    if (slot?.kind !== "each" || !slot.required || listedEntries(ctx, slot).length) continue;
    const label = ctx.form.lists.find((l) => l.id === slot.list)?.label ?? slot.list;
    out.push({ field: slot.list, label, reason: "empty" });
  }
  return out;
}

/** What writing one sentence collects: its facts (each cell once), its notes, and what it lacked. */
export class Writer {
  readonly facts: Fact[] = [];
  readonly notes: string[] = [];
  /**
   * Inputs found unusable only while writing (a ratio over 0 with no wording for it, a negative
   * base): the sentence is then not written.
   */
  readonly missing: MissingField[] = [];
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

  private slot(slot: Slot, entry?: Entry): string {
    switch (slot.kind) {
      case "difference":
        return this.difference(slot, entry);
      case "ratio":
        return this.ratio(slot, entry);
      case "filled":
        return this.filled(slot);
      case "each":
        return this.each(slot);
    }
  }

  /** A cell a slot states, or undefined (recorded as lacking) when it is unusable. */
  private usable(id: string): Reading | undefined {
    const r = this.ctx.read(id);
    if (isMissing(r)) {
      this.lacks([r]);
      return undefined;
    }
    return this.cell(id);
  }

  private lacks(found: MissingField[]): string {
    for (const m of found) if (!this.missing.some((x) => x.field === m.field)) this.missing.push(m);
    return "";
  }

  /** numerator ÷ denominator as a percentage in `text`; `zero` when the denominator is 0. */
  private ratio(slot: RatioSlot, entry?: Entry): string {
    const top = this.usable(fieldFor(slot.of[0], entry));
    const belowId = fieldFor(slot.of[1], entry);
    const blank = slot.blankIsZero && !this.ctx.isFilled(belowId);
    // A blank counts as 0 only beside entries that fill the column: when none does, the column was
    // not given at all (a report stating its 年初预算 in total, not by 类) and the rate is left
    // unsaid rather than "年初未作预算" for every entry.
    if (blank && entry?.peers && !entry.peers.some((p) => this.ctx.isFilled(fieldFor(slot.of[1], p)))) return "";
    const below = blank ? undefined : this.usable(belowId);
    if (!top || (!blank && !below)) return "";
    const negative = negatives(below ? [top, below] : [top]);
    if (negative.length) return this.lacks(negative);
    const value = below ? share(top.value, below.value) : null;
    if (value === null) {
      if (slot.zero === undefined) return this.lacks(below ? [zeroDivisor(below)] : []);
      return this.write(slot.zero, undefined, {}, entry);
    }
    const shown = ratePhrase(value, this.ctx.options.percentDecimals);
    const label = (slot.fact ?? `${top.label} ÷ ${below!.label}`).replace(/\{#name\}/g, entry?.name ?? "");
    this.facts.push(computed(slot.as ?? "share", label, value, formatPercent(value, this.ctx.options.percentDecimals), [top, below!]));
    return this.write(slot.text, undefined, { rate: shown }, entry);
  }

  /**
   * A − B worded by its sign; its magnitude printed in A's unit. {rate} in the wording is the
   * change on B as a percentage; on a zero B the zeroBase wording says so instead.
   */
  private difference(slot: DifferenceSlot, entry?: Entry): string {
    const a = this.usable(fieldFor(slot.of[0], entry));
    const b = this.usable(fieldFor(slot.of[1], entry));
    if (!a || !b) return "";
    const diff = a.value.minus(b.value);
    const onZeroBase = b.value.isZero() && !diff.isZero() && slot.zeroBase !== undefined;
    const wording = onZeroBase ? slot.zeroBase! : diff.isZero() ? (slot.zero ?? slot.positive) : diff.gt(0) ? slot.positive : slot.negative;
    const extras: Record<string, string> = { "": printed(this.ctx, a, diff.abs()) };
    const label = slot.fact?.replace(/\{#name\}/g, entry?.name ?? "");
    if (placeholders(wording).includes("rate")) {
      const negative = negatives([a, b]);
      if (negative.length) return this.lacks(negative);
      const ratio = percentChange(b.value, a.value);
      if (ratio === null) return this.lacks([zeroDivisor(b)]);
      extras.rate = ratePhrase(ratio, this.ctx.options.percentDecimals);
      this.facts.push(computed("percentChange", `${label ?? `${a.label}比${b.label}`}变动率`, ratio, formatPercent(ratio.abs(), this.ctx.options.percentDecimals), [a, b]));
    }
    const text = this.write(wording, undefined, extras, entry);
    if (label !== undefined) {
      this.facts.push(computed("difference", label, diff, bare(this.ctx, a, slot.signed ? diff : diff.abs()), [a, b], "exact"));
    }
    return text;
  }

  /** The items whose cells are all filled, after the lead; nothing when none is. */
  private filled(slot: FilledSlot): string {
    const items = slot.items.filter((item) => {
      const ids = templateFields(this.ctx, item, undefined, "with");
      if (!ids.every((id) => this.ctx.isFilled(id))) return false;
      return !slot.skipZero || ids.some((id) => {
        const r = this.ctx.read(id);
        return !isMissing(r) && !r.value.isZero();
      });
    });
    return items.length ? `${slot.lead}${items.map((item) => this.write(item, slot.slots)).join(slot.joiner)}` : "";
  }

  /**
   * One clause per entry. Each entry is remembered on its own cells: after an edit only that
   * entry is written again, however long the list.
   */
  private each(slot: EachSlot): string {
    const entries = listedEntries(this.ctx, slot);
    if (entries.length < (slot.minEntries ?? 1)) return "";
    const parts = entries.map((entry) => {
      const part = this.ctx.remember(`${this.key}#${entry.n}:${entry.name}`, () => {
        const w = new Writer(this.ctx, this.key);
        return { text: w.write(slot.item, slot.slots, {}, { ...entry, peers: entries }), facts: w.facts, missing: w.missing };
      });
      this.lacks(part.missing);
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
      const readings = entries.map((e) => present(this.ctx, fieldFor(first, e)));
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
