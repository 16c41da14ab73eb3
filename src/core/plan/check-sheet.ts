import { expandRules, type Rule } from "../check/rules";
import type { Lists } from "../spec/instances";
import type { FormSpec } from "../spec/types";
import type { PlannedCell, PlannedConditionalFormat, PlannedName, SheetLayout } from "./layout-types";
import type { CellPosition } from "./placement";

export const CHECK_SHEET_ID = "checks";
export const CHECK_SHEET_NAME = "校验";

export interface CheckSheet {
  sheet: SheetLayout;
  names: PlannedName[];
  conditionalFormats: Array<{ sheet: string; format: PlannedConditionalFormat }>;
}

/** Skeleton: one row per rule (formulas follow). */
export function buildCheckSheet(form: FormSpec, lists: Lists, _index: Map<string, CellPosition>): CheckSheet {
  const rules: Rule[] = expandRules(form, lists);
  const cells: PlannedCell[] = rules.flatMap((rule, i) => [
    { row: i + 2, column: 1, value: rule.id, style: "checkCell" as const },
    { row: i + 2, column: 2, value: rule.relation.label, style: "checkCell" as const },
  ]);
  return {
    sheet: { name: CHECK_SHEET_NAME, id: CHECK_SHEET_ID, cells, merges: [], columnWidths: [], conditionalFormats: [] },
    names: [],
    conditionalFormats: [],
  };
}
