import type { NarrativeContext } from "../../../../../src/core/narrative/context";
import type { MaybeBuilt, MissingField, Paragraph, ParagraphId, Sentence } from "../types";

/** One clause of a sentence, made by one builder. */
export interface ClauseStep {
  /** The built sentence's id (builders are given it). */
  build: () => MaybeBuilt;
  /** A required clause that cannot be built makes the whole paragraph "missing". */
  required: boolean;
  /** The id reported when an optional clause is skipped. */
  id: string;
}

/** One Chinese sentence: clauses joined, then 。. */
export interface SentenceStep {
  prefix?: string;
  joiner: string;
  clauses: ClauseStep[];
}

export const required = (id: string, build: () => MaybeBuilt): ClauseStep => ({ id, build, required: true });
export const optional = (id: string, build: () => MaybeBuilt): ClauseStep => ({ id, build, required: false });

function dedupe(fields: MissingField[]): MissingField[] {
  const seen = new Set<string>();
  return fields.filter((f) => (seen.has(f.field) ? false : (seen.add(f.field), true)));
}

/**
 * Runs every builder and joins what they say. A paragraph is not guessed: if a required clause
 * lacks an input, the paragraph has no text and lists every required input that is missing.
 * Optional clauses without their inputs are left out of a written paragraph and listed under `skipped`.
 */
export function assemble(ctx: NarrativeContext, id: ParagraphId, title: string, steps: SentenceStep[]): Paragraph {
  const missing: MissingField[] = [];
  const skipped: Paragraph["skipped"] = [];
  const built = steps.map((step) => {
    const sentences: Sentence[] = [];
    for (const clause of step.clauses) {
      const result = ctx.remember(`legacy:${id}/${clause.id}`, clause.build);
      if (result === null) continue;
      if (result.ok) sentences.push(result.sentence);
      else if (clause.required) missing.push(...result.missing);
      else skipped.push({ id: clause.id, missing: result.missing });
    }
    return { step, sentences };
  });
  // Nothing is written, so nothing is "left out": only the missing inputs matter.
  if (missing.length) return { id, title, status: "missing", text: "", sentences: [], missing: dedupe(missing), skipped: [] };
  const text = built
    .filter((b) => b.sentences.length)
    .map((b) => `${b.step.prefix ?? ""}${b.sentences.map((s) => s.text).join(b.step.joiner)}。`)
    .join("");
  return { id, title, status: "ok", text, sentences: built.flatMap((b) => b.sentences), missing: [], skipped };
}
