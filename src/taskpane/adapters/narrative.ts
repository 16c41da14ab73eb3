/**
 * The narrative as the 叙述 tab shows it, built by src/core/narrative and mapped here, in one
 * place, onto what the tab renders.
 *
 * The core's wording options (降低/下降/减少, 增长/增加/上升) apply to a whole narrative. The tab
 * offers them per sentence: the narrative is built once per word, a sentence whose text changes
 * with the word gets the choice, and each sentence is taken from the build with its chosen word.
 * Every figure is the core's either way; only the word differs.
 */
import { templateLocator } from "../../core/check";
import {
  DECREASE_WORDS,
  DEFAULT_OPTIONS,
  INCREASE_WORDS,
  narrate,
  type DecreaseWord,
  type Fact,
  type IncreaseWord,
  type MissingField,
  type Narrative,
  type Sentence,
} from "../../core/narrative";
import type { ReportData } from "../../core/spec";
import type { FormSpec } from "../../core/spec/types";

/** One cell or computed figure a sentence used. */
export interface FactView {
  label: string;
  /** As the sentence shows it. */
  value: string;
  /** Sheet-qualified A1 address of a cell fact. */
  cell?: string;
}

export type WordingSlot = "decrease" | "increase";

export interface WordingView {
  slot: WordingSlot;
  options: readonly string[];
  chosen: string;
}

export interface SentenceView {
  id: string;
  text: string;
  facts: FactView[];
  wording?: WordingView;
}

/** A paragraph as runs of text: the sentences, and the joining words and punctuation between them. */
export type Segment = { glue: string } | { sentence: SentenceView };

export interface ParagraphView {
  id: string;
  title: string;
  /** Empty when the paragraph cannot be written; then `missing` says why. */
  segments: Segment[];
  text: string;
  /** Inputs the paragraph needs and lacks, in Chinese. */
  missing: string[];
}

export interface NarrativeView {
  paragraphs: ParagraphView[];
}

/** sentence id → chosen word. */
export type WordingChoices = Record<string, string>;

const MISSING_REASON: Record<MissingField["reason"], string> = {
  empty: "未填写",
  text: "不是数字",
  invalid: "无法识别",
  negative: "为负数",
  zero: "为 0，无法相除",
  notInForm: "不在表中",
};

function describeMissing(m: MissingField): string {
  return `${m.label}${MISSING_REASON[m.reason]}${m.written ? `（“${m.written}”）` : ""}`;
}

function factView(fact: Fact, locate: (field: string) => string): FactView {
  switch (fact.kind) {
    case "cell":
      return { label: fact.label, value: fact.shown || fact.written, cell: locate(fact.field) };
    case "wording":
      return { label: fact.label, value: fact.value };
    default:
      return { label: fact.label, value: fact.shown };
  }
}

/** Splits the paragraph's text around its sentences (they appear in order, verbatim). */
function segmentsOf(text: string, sentences: SentenceView[]): Segment[] | undefined {
  const out: Segment[] = [];
  let at = 0;
  for (const sentence of sentences) {
    const start = text.indexOf(sentence.text, at);
    if (start < 0) return undefined;
    if (start > at) out.push({ glue: text.slice(at, start) });
    out.push({ sentence });
    at = start + sentence.text.length;
  }
  if (at < text.length) out.push({ glue: text.slice(at) });
  return out;
}

type Variant = { decrease: DecreaseWord; increase: IncreaseWord };

function sentencesById(narrative: Narrative): Map<string, Sentence> {
  return new Map(narrative.paragraphs.flatMap((p) => p.sentences.map((s) => [s.id, s] as const)));
}

/** The narrative of a report with per-sentence wording choices applied. Pure. */
export function buildNarrativeView(form: FormSpec, data: ReportData, choices: WordingChoices): NarrativeView {
  const cache = new Map<string, Map<string, Sentence>>();
  const build = (v: Variant) => narrate(form, data, { decreaseWord: v.decrease, increaseWord: v.increase });
  const byVariant = (v: Variant) => {
    const key = `${v.decrease}|${v.increase}`;
    let found = cache.get(key);
    if (!found) {
      found = sentencesById(build(v));
      cache.set(key, found);
    }
    return found;
  };
  const base: Variant = { decrease: DEFAULT_OPTIONS.decreaseWord, increase: DEFAULT_OPTIONS.increaseWord };
  const narrative = build(base);
  cache.set(`${base.decrease}|${base.increase}`, sentencesById(narrative));

  const slotOf = (id: string, text: string): WordingSlot | undefined => {
    if (DECREASE_WORDS.some((w) => byVariant({ ...base, decrease: w }).get(id)?.text !== text)) return "decrease";
    if (INCREASE_WORDS.some((w) => byVariant({ ...base, increase: w }).get(id)?.text !== text)) return "increase";
    return undefined;
  };

  const locator = templateLocator(form, data);
  const paragraphs = narrative.paragraphs.map((p): ParagraphView => {
    if (p.status === "missing") {
      return { id: p.id, title: p.title, segments: [], text: "", missing: p.missing.map(describeMissing) };
    }
    const sentences = p.sentences.map((s): SentenceView => {
      const slot = slotOf(s.id, s.text);
      const facts = s.facts.map((f) => factView(f, locator));
      if (!slot) return { id: s.id, text: s.text, facts };
      const options = slot === "decrease" ? DECREASE_WORDS : INCREASE_WORDS;
      const chosen = options.find((w) => w === choices[s.id]) ?? (slot === "decrease" ? base.decrease : base.increase);
      const variant = slot === "decrease" ? { ...base, decrease: chosen as DecreaseWord } : { ...base, increase: chosen as IncreaseWord };
      const text = byVariant(variant).get(s.id)?.text ?? s.text;
      return { id: s.id, text, facts, wording: { slot, options, chosen } };
    });
    // Glue comes from the base text; sentences from their chosen variants.
    const baseSegments = segmentsOf(p.text, p.sentences.map((s) => ({ id: s.id, text: s.text, facts: [] })));
    const segments: Segment[] = baseSegments
      ? baseSegments.map((seg) => ("sentence" in seg ? { sentence: sentences.find((s) => s.id === seg.sentence.id)! } : seg))
      : [{ sentence: { id: p.id, text: p.text, facts: sentences.flatMap((s) => s.facts) } }];
    const text = segments.map((seg) => ("glue" in seg ? seg.glue : seg.sentence.text)).join("");
    // A partial paragraph shows what it could write and what the rest still needs.
    return { id: p.id, title: p.title, segments, text, missing: p.missing.map(describeMissing) };
  });
  return { paragraphs };
}
