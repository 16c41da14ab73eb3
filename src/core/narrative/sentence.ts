import { formatAmount, formatNumber, formatPercent, type Dec } from "../money";
import type { NarrativeContext, Reading } from "./context";
import type { Built, ComputedFact, Fact, MissingField, Sentence } from "./types";

/** 1.9 -> "1.90万元": every amount in 万元 with 2 decimals, as the tables print them. */
export function wan(value: Dec): string {
  return `${formatAmount(value, 2)}万元`;
}

/** "我局部门" reads right; "我部门部门" would not. */
export function departmentSubject(selfRef: string): string {
  return selfRef.endsWith("部门") ? selfRef : `${selfRef}部门`;
}

/** A headcount or a number of vehicles: whole numbers. */
export function whole(value: Dec): string {
  return formatNumber(value, 0);
}

/** A ratio's magnitude as a percentage: -0.447674 -> "44.77%" (the direction word carries the sign). */
export function percentOfMagnitude(ratio: Dec, decimals: number): string {
  return formatPercent(ratio.abs(), decimals);
}

/** "A、B和C": how the reports join a short list of names. */
export function joinNames(names: string[]): string {
  if (names.length <= 1) return names.join("");
  return `${names.slice(0, -1).join("、")}和${names[names.length - 1]}`;
}

/**
 * Text a sentence must never contain: what a bug in formatting would print. Each builder's
 * output is checked, so a slip throws in tests rather than reaching a report.
 */
const ARTEFACT = /NaN|Infinity|undefined|\[object|-0(?:\.0+)?(?=[%万元人台]|$)|\d\.\d*0{6,}[1-9]|\d\.\d*9{6,}\d|\de[+-]?\d/;

export function assertClean(text: string): void {
  const match = ARTEFACT.exec(text);
  if (match) throw new Error(`narrative produced an artefact «${match[0]}» in: ${text}`);
}

export function fieldsOf(facts: Fact[]): string[] {
  const out = new Set<string>();
  for (const f of facts) {
    if (f.kind === "cell") out.add(f.field);
    else if (f.kind === "wording") {
      if (f.field) out.add(f.field);
    } else {
      f.inputs.forEach((id) => out.add(id));
      if (f.divisor) out.add(f.divisor.field);
    }
  }
  return [...out];
}

export function makeSentence(ctx: NarrativeContext, id: string, text: string, facts: Fact[], notes: string[] = []): Built {
  assertClean(text);
  const sentence: Sentence = { id, text, facts, fields: fieldsOf(facts), precision: ctx.options.precision };
  if (notes.length) sentence.notes = notes;
  return { ok: true, sentence };
}

export function missing(fields: MissingField[]): Built {
  return { ok: false, missing: fields };
}

export function computed(
  kind: ComputedFact["kind"],
  label: string,
  value: Dec,
  shown: string,
  inputs: Reading[],
  rounding: ComputedFact["rounding"] = "halfUp",
): ComputedFact {
  return { kind, label, value: value.toString(), shown, inputs: inputs.map((r) => r.field), rounding };
}

/** A negative amount where the wording assumes none (a refund shown as −) is not worded by guess. */
export function negatives(readings: Reading[]): MissingField[] {
  return readings
    .filter((r) => r.value.isNegative())
    .map((r) => ({ field: r.field, label: r.label, reason: "negative" as const, written: r.fact.written }));
}

/** A divisor of 0 leaves a share or per-capita figure undefined: say so rather than print one. */
export function zeroDivisor(r: Reading): MissingField {
  return { field: r.field, label: r.label, reason: "zero", written: r.fact.written };
}
