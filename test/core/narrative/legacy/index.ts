/**
 * The narrative engine as it was before paragraphs became spec data: the seven hand-written
 * paragraphs and their builders, kept here only as the oracle the spec-driven engine is held to
 * (test/core/narrative/bindings-equivalence.test.ts). Not product code.
 */
import { createContext } from "../../../../src/core/narrative/context";
import type { NarrativeOptions } from "../../../../src/core/narrative/options";
import type { FormSpec, ReportData } from "../../../../src/core/spec";
import { PARAGRAPHS } from "./paragraphs";
import type { Paragraph } from "./types";

export function legacyNarrate(form: FormSpec, data: ReportData, options: Partial<NarrativeOptions> = {}): { paragraphs: Paragraph[]; precision: string } {
  const ctx = createContext(form, data, options);
  return { paragraphs: PARAGRAPHS.map((p) => p(ctx)), precision: ctx.options.precision };
}
