import type { ParagraphBinding } from "../../spec/types";
import type { NarrativeContext } from "../context";
import { clausesOf } from "../sentences";
import type { MissingField, Paragraph, Sentence } from "../types";

function dedupe(fields: MissingField[]): MissingField[] {
  const seen = new Set<string>();
  return fields.filter((f) => (seen.has(f.field) ? false : (seen.add(f.field), true)));
}

/**
 * A paragraph written from its bindings: each sentence's clauses joined, then 。. A clause that
 * lacks an input is not guessed: a required one is listed under `unwritten` with what it lacks
 * (the paragraph is "partial", or "missing" when nothing at all could be written), an optional
 * one under `skipped`. Each clause is remembered on the cells it read (ctx.remember).
 */
export function assemble(ctx: NarrativeContext, paragraph: ParagraphBinding): Paragraph {
  const { id, title } = paragraph;
  const unwritten: Paragraph["unwritten"] = [];
  const skipped: Paragraph["skipped"] = [];
  const built = paragraph.sentences.map((group) => {
    const sentences: Sentence[] = [];
    for (const clause of group.clauses.flatMap((binding) => clausesOf(ctx, binding, paragraph))) {
      const key = `${id}/${clause.id}`;
      const result = ctx.remember(key, () => clause.build(key));
      if (result === null) continue;
      if (result.ok) sentences.push(result.sentence);
      else (clause.optional ? skipped : unwritten).push({ id: clause.id, missing: result.missing });
    }
    return { group, sentences };
  });
  const missing = dedupe(unwritten.flatMap((u) => u.missing));
  const sentences = built.flatMap((b) => b.sentences);
  // Nothing is written, so nothing is "left out": only the missing inputs matter.
  if (missing.length && !sentences.length) return { id, title, status: "missing", text: "", sentences: [], missing, skipped: [], unwritten };
  const text = built
    .filter((b) => b.sentences.length)
    .map((b) => `${b.group.prefix ?? ""}${b.sentences.map((s) => s.text).join(b.group.joiner ?? "")}。`)
    .join("");
  return { id, title, status: missing.length ? "partial" : "ok", text, sentences, missing, skipped, unwritten };
}
