import type { Narrative } from "../narrative/types";

/**
 * The 报告综述 area's rows: each written paragraph's title, then its text, as the pane inserts
 * them; a paragraph that could not be written (a required cell missing) is left out.
 */
export function narrativeLines(narrative: Narrative): string[] {
  return narrative.paragraphs.filter((p) => p.status === "ok" && p.text).flatMap((p) => [p.title ?? "", p.text]).filter(Boolean);
}
