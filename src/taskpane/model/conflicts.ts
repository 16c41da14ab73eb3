/**
 * The officer's own cells a re-layout would move (a note below a table, a formula of theirs).
 * The host refuses to touch them until the officer agrees; these turn the host's conflicts into
 * the lines the pane lists and tell whether a refusal was only for want of that agreement.
 */
import type { ContentConflict, LayoutProblem } from "../../hosts/office";

export interface ConflictLine {
  /** Stable React key: where the cell is now. */
  key: string;
  kind: ContentConflict["kind"];
  /** Sheet-qualified A1 address where the cell is now, e.g. 收入!A8. */
  from: string;
  /** Sheet-qualified A1 address where it will be. */
  to: string;
  /** What the cell holds, shortened to fit one line of the pane. */
  content: string;
}

/** Longer contents are cut (with …) so one long note cannot push the list off the pane. */
export const CONTENT_MAX = 40;

function shorten(text: string): string {
  const flat = text.replace(/\s+/g, " ").trim();
  const chars = Array.from(flat);
  return chars.length > CONTENT_MAX ? `${chars.slice(0, CONTENT_MAX - 1).join("")}…` : flat;
}

/** One line per cell, in the host's order; a cell listed twice (two tables growing) once. */
export function conflictLines(conflicts: readonly ContentConflict[] | undefined): ConflictLine[] {
  const seen = new Set<string>();
  const lines: ConflictLine[] = [];
  for (const c of conflicts ?? []) {
    if (seen.has(c.address)) continue;
    seen.add(c.address);
    lines.push({ key: c.address, kind: c.kind, from: c.address, to: c.to, content: shorten(c.content) });
  }
  return lines;
}

/**
 * The action wrote nothing only because the officer has not agreed to move their cells: asking
 * again with `moveForeignContent` can succeed. Any other problem (read-only, an Office error)
 * means agreeing would not help, so no confirmation is offered.
 */
export function refusedForConflicts(problems: readonly LayoutProblem[], conflicts: readonly ContentConflict[] | undefined): boolean {
  if (!conflicts || conflicts.length === 0) return false;
  if (!problems.some((p) => p.code === "foreignContent")) return false;
  return problems.every((p) => p.code === "foreignContent" || !blocks(p));
}

/** Problems that are information, not a reason the action stopped. */
function blocks(problem: LayoutProblem): boolean {
  return problem.code !== "sheetRenamed";
}
