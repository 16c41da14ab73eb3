/**
 * What the narrative produces: sentences that can each be traced back to the cells they used.
 * Everything here is plain JSON-compatible data (the CLI prints it as is).
 */

/** Which figures the arithmetic starts from: the cells as the report shows them (2 decimals
 * 万元, whole headcounts) or as stored (an import in 元 keeps every digit). */
export type Precision = "shown" | "full";

/** A cell the sentence read. */
export interface CellFact {
  kind: "cell";
  field: string;
  /** The field's label from the spec, e.g. 「“三公经费”与上年比较·公务接待费·本年」. */
  label: string;
  /** The cell as written ("1.90", "无"). */
  written: string;
  /** The value the arithmetic used (after rounding to the shown decimals when precision is "shown"). */
  value: string;
  /** The value as the sentence prints it ("1.90"). */
  shown: string;
}

export type ComputedKind =
  | "percentChange" // (current − prior) / prior
  | "difference" // a − b: change in 万元, overspend, balance, headcount gap
  | "sum" // Σ parts
  | "share" // part / total
  | "perCapita" // amount / 实有人数
  | "perItem" // amount / count (每台)
  | "executionRate" // 决算 / 预算
  | "ratio" // a ratio slot: numerator / denominator
  | "given"; // computed outside the form by the caller (a scoring table's indicator), with its inputs

/** A figure the sentence computed. */
export interface ComputedFact {
  kind: ComputedKind;
  /** What it is, in the report's words, e.g. 「公务接待费比上年变动」. */
  label: string;
  /** The exact result (a ratio for percentages: -0.4476744186…). */
  value: string;
  /** As printed in the sentence ("44.77%", "0.049", "273.68"). */
  shown: string;
  /** Field ids the figure is computed from, in the order of the formula. */
  inputs: string[];
  /** How the shown figure was rounded. */
  rounding: "halfUp" | "largestRemainder" | "exact";
  /** The divisor of a per-capita or per-item figure, named (实有人数, 在用公车). */
  divisor?: { field: string; label: string };
}

/** Where a wording choice came from when it is not a cell (the self-reference default). */
export interface WordingFact {
  kind: "wording";
  label: string;
  value: string;
  source: "cell" | "option" | "default";
  field?: string;
}

export type Fact = CellFact | ComputedFact | WordingFact;

export interface Sentence {
  /** Stable id, e.g. "sangong.change.reception". */
  id: string;
  /** The sentence or clause, without the closing 。 (the paragraph adds punctuation). */
  text: string;
  facts: Fact[];
  /** Every field id the sentence used (cells read and inputs of computed figures), deduplicated. */
  fields: string[];
  precision: Precision;
  /** Things the officer should know about the figures (a total that disagrees with its parts). */
  notes?: string[];
  /** The one word of the sentence the officer may swap for another of its set (see WordingSlot). */
  wording?: WordingSlot;
}

/**
 * A direction word (降低/下降/减少, 增长/增加/上升) in a sentence's text. The wording options apply
 * to a whole narrative; a reader offering the choice per sentence swaps the word at `at`
 * (`sentenceWithWord`), which gives the text narrate writes with that option.
 */
export interface WordingSlot {
  /** A direction word, or how a 人均 figure is written (0.049万元, 487元, 487.18元). */
  slot: "decrease" | "increase" | "perCapita";
  /** The word as the text has it. */
  word: string;
  /** Where it starts in `text` (UTF-16 index). */
  at: number;
  /** The choices when they depend on the figure (perCapita), the text's own first. */
  options?: readonly string[];
}

/** A run of a paragraph's text: joining words and punctuation, or a sentence (by id). */
export type ParagraphSegment = { glue: string } | { sentence: string };

/** An input a sentence needs but the workbook does not provide usably. */
export interface MissingField {
  field: string;
  label: string;
  /** zero: a divisor (total, headcount, vehicles) that is 0, so the ratio has no value. */
  reason: "empty" | "text" | "invalid" | "negative" | "zero" | "notInForm" | "notGiven";
  /** The cell as written, when it holds something unusable. */
  written?: string;
}

export type Built = { ok: true; sentence: Sentence } | { ok: false; missing: MissingField[] };

/** A builder that may have nothing to say (no row overspent) returns null rather than a sentence. */
export type MaybeBuilt = Built | null;

/** A paragraph id from the form's narrative bindings, e.g. "sangong". */
export type ParagraphId = string;

export interface Paragraph {
  id: ParagraphId;
  /** The report's heading for it, e.g. 「三公经费支出使用和管理情况」. */
  title: string;
  /**
   * "ok": every sentence written. "partial": some required sentences lack inputs; the others are
   * written and `unwritten` says what each missing one lacks. "missing": nothing could be written.
   */
  status: "ok" | "partial" | "missing";
  /** The paragraph as it goes into the report: the sentences written ("" when missing). */
  text: string;
  sentences: Sentence[];
  /** `text` in runs, in order: glue and each sentence's text joined give `text` ([] when missing). */
  segments: ParagraphSegment[];
  /** Required inputs that are missing, over all unwritten sentences (each once). */
  missing: MissingField[];
  /** Optional sentences left out because their inputs are missing, with what they lacked. */
  skipped: Array<{ id: string; missing: MissingField[] }>;
  /** Required sentences not written, each with the inputs it lacks. */
  unwritten: Array<{ id: string; missing: MissingField[] }>;
}

export interface Narrative {
  paragraphs: Paragraph[];
  precision: Precision;
}
