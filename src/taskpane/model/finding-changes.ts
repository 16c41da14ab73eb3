/**
 * What an import changed in the findings: its own file so that it travels with the 导入 tab's
 * chunk, not with the pane's start-up script (model/findings is loaded at start).
 */
import type { Finding } from "../../core/check";

/** A finding's identity across two reports: the rule and the cell it names. */
export function findingKey(finding: Pick<Finding, "ruleId" | "cell">): string {
  return `${finding.ruleId}@${finding.cell}`;
}

export interface FindingChanges {
  /** In `after`, not in `before`: what the change brought. */
  added: Finding[];
  /** In `before`, not in `after`: what the change settled. */
  resolved: Finding[];
}

/** What changed between two reports' findings, by rule and cell (a reworded message is the same finding). */
export function findingChanges(before: readonly Finding[], after: readonly Finding[]): FindingChanges {
  const had = new Set(before.map(findingKey));
  const has = new Set(after.map(findingKey));
  return { added: after.filter((f) => !had.has(findingKey(f))), resolved: before.filter((f) => !has.has(findingKey(f))) };
}
