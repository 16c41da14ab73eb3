/**
 * Whether inserting the narrative into 报告综述 may write without asking. Text the officer typed
 * there is never overwritten silently: only an empty area, or one still holding exactly what
 * the pane itself wrote earlier in this session, is written at once.
 */
export type InsertDecision =
  /** Write now. */
  | "write"
  /** The area already holds exactly this text: nothing to do. */
  | "same"
  /** The area holds other text (the officer's, or from an earlier session): ask first. */
  | "ask";

function meaningful(lines: readonly string[]): string[] {
  const out = lines.map((l) => l.trim());
  while (out.length > 0 && out[out.length - 1] === "") out.pop();
  return out;
}

function equal(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((line, i) => line === b[i]);
}

export function decideInsert(existing: readonly string[], next: readonly string[], lastWritten?: readonly string[]): InsertDecision {
  const now = meaningful(existing);
  if (now.length === 0) return "write";
  if (equal(now, meaningful(next))) return "same";
  if (lastWritten && equal(now, meaningful(lastWritten))) return "write";
  return "ask";
}
