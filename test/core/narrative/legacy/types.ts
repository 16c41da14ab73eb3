/**
 * The narrative's types as the hand-written paragraphs produced them, before paragraphs became
 * spec data: the oracle's own copy, so the new engine's types can grow without changing it.
 */
export type { Built, ComputedFact, Fact, MaybeBuilt, MissingField, Sentence } from "../../../../src/core/narrative/types";
import type { MissingField, Sentence } from "../../../../src/core/narrative/types";

export type ParagraphId = "staff" | "budget" | "execution" | "basic" | "sangong" | "special" | "functional";

export interface Paragraph {
  id: ParagraphId;
  title: string;
  status: "ok" | "missing";
  text: string;
  sentences: Sentence[];
  missing: MissingField[];
  skipped: Array<{ id: string; missing: MissingField[] }>;
}
