import type { ParagraphBinding } from "../../spec/types";
import type { NarrativeContext } from "../context";
import { buildClause, clausesOf } from "../sentences";
import type { MaybeBuilt, MissingField, Paragraph, ParagraphSegment, Sentence } from "../types";

/**
 * The last paragraph written per compiled form and paragraph id, with the clause results it was
 * written from. Clause results are remembered objects (ctx.remember): when every clause returns
 * the very same result as last time, the paragraph is the same and is not joined again.
 */
const written = new WeakMap<object, Map<string, { results: MaybeBuilt[]; paragraph: Paragraph }>>();
function lastWritten(ctx: NarrativeContext): Map<string, { results: MaybeBuilt[]; paragraph: Paragraph }> {
  let memo = written.get(ctx.values.compiled);
  if (!memo) written.set(ctx.values.compiled, (memo = new Map()));
  return memo;
}

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
  // A table marked 本表无数据 has its own wording ("无…支出"), not the figures it does not have.
  const sentenceGroups = paragraph.noData && ctx.markedNoData(paragraph.noData.table) ? paragraph.noData.sentences : paragraph.sentences;
  const groups = sentenceGroups.map((group) =>
    group.clauses.flatMap((binding) => clausesOf(ctx, binding, paragraph)).map((clause) => ({ clause, result: ctx.remember(clause.key, () => buildClause(ctx, clause)) })),
  );
  const results = groups.flat().map((g) => g.result);
  const memo = lastWritten(ctx);
  const previous = memo.get(id);
  if (previous && previous.results.length === results.length && previous.results.every((r, i) => r === results[i])) return previous.paragraph;

  const unwritten: Paragraph["unwritten"] = [];
  const skipped: Paragraph["skipped"] = [];
  const built = sentenceGroups.map((group, g) => {
    const sentences: Sentence[] = [];
    for (const { clause, result } of groups[g]) {
      if (result === null) continue;
      if (result.ok) sentences.push(result.sentence);
      else (clause.optional ? skipped : unwritten).push({ id: clause.id, missing: result.missing });
    }
    return { group, sentences };
  });
  const missing = dedupe(unwritten.flatMap((u) => u.missing));
  const sentences = built.flatMap((b) => b.sentences);
  let result: Paragraph;
  if (missing.length && !sentences.length) {
    // Nothing is written, so nothing is "left out": only the missing inputs matter.
    result = { id, title, status: "missing", text: "", sentences: [], segments: [], missing, skipped: [], unwritten };
  } else {
    const writtenGroups = built.filter((b) => b.sentences.length);
    const text = writtenGroups.map((b) => `${b.group.prefix ?? ""}${b.sentences.map((s) => s.text).join(b.group.joiner ?? "")}。`).join("");
    const segments = mergeGlue(writtenGroups.flatMap((b) => sentenceSegments(b.group.prefix, b.group.joiner ?? "", b.sentences)));
    result = { id, title, status: missing.length ? "partial" : "ok", text, sentences, segments, missing, skipped, unwritten };
  }
  memo.set(id, { results, paragraph: result });
  return result;

}

/** prefix, clause, joiner, clause, …, 。 — the glue kept apart from the clauses it joins. */
function sentenceSegments(prefix: string | undefined, joiner: string, sentences: Sentence[]): ParagraphSegment[] {
  const out: ParagraphSegment[] = [];
  if (prefix) out.push({ glue: prefix });
  sentences.forEach((s, i) => {
    if (i > 0 && joiner) out.push({ glue: joiner });
    out.push({ sentence: s.id });
  });
  out.push({ glue: "。" });
  return out;
}

/** Neighbouring glue runs as one, so a reader never sees two runs where the text has one. */
function mergeGlue(segments: ParagraphSegment[]): ParagraphSegment[] {
  const out: ParagraphSegment[] = [];
  for (const seg of segments) {
    const last = out[out.length - 1];
    if ("glue" in seg && last && "glue" in last) out[out.length - 1] = { glue: last.glue + seg.glue };
    else out.push(seg);
  }
  return out;
}
