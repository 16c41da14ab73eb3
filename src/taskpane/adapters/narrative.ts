/**
 * The narrative as the 叙述 tab shows it, built by src/core/narrative and mapped here, in one
 * place, onto what the tab renders.
 *
 * The core's sentences name their direction word (降低/下降/减少, 增长/增加/上升) and its place;
 * the tab offers the choice per sentence and shows each sentence with its chosen word. The
 * paragraph's runs (sentences and the glue between them) are the core's too: nothing here
 * re-narrates or compares texts.
 */
import { templateLocator } from "../../core/check";
import {
  describeMissing,
  narrate,
  sentenceWithWord,
  wordingOptions,
  type Fact,
  type GivenFigure,
  type Sentence,
  type WordingSlot as CoreWordingSlot,
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

export type WordingSlot = CoreWordingSlot["slot"];

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

/**
 * The narrative of a report with per-sentence wording choices applied. Pure. `figures` are the
 * scoring table's (the 绩效 sentences); without them those sentences say they need the table.
 */
export function buildNarrativeView(
  form: FormSpec,
  data: ReportData,
  choices: WordingChoices,
  figures?: Record<string, GivenFigure>,
): NarrativeView {
  const locator = templateLocator(form, data);
  const paragraphs = narrate(form, data, figures ? { figures } : {}).paragraphs.map((p): ParagraphView => {
    if (p.status === "missing") return { id: p.id, title: p.title, segments: [], text: "", missing: p.missing.map(describeMissing) };
    const byId = new Map(p.sentences.map((s) => [s.id, sentenceView(s, choices[s.id], locator)] as const));
    const segments = p.segments.map((seg): Segment => ("glue" in seg ? seg : { sentence: byId.get(seg.sentence)! }));
    const text = segments.map((seg) => ("glue" in seg ? seg.glue : seg.sentence.text)).join("");
    // A partial paragraph shows what it could write and what the rest still needs.
    return { id: p.id, title: p.title, segments, text, missing: p.missing.map(describeMissing) };
  });
  return { paragraphs };
}

function sentenceView(s: Sentence, choice: string | undefined, locate: (field: string) => string): SentenceView {
  const facts = s.facts.map((f) => factView(f, locate));
  if (!s.wording) return { id: s.id, text: s.text, facts };
  const options = wordingOptions(s.wording);
  const chosen = choice !== undefined && options.includes(choice) ? choice : s.wording.word;
  return { id: s.id, text: sentenceWithWord(s, chosen), facts, wording: { slot: s.wording.slot, options, chosen } };
}
