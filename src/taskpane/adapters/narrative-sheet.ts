/**
 * Reads and writes the 报告综述 area (the ZP_narrative defined name the template lays out, one
 * paragraph a row) through the same `run` as the session.
 *
 * This belongs in the Office host (src/hosts/office); the session API has no call for it yet,
 * so it lives here behind this small interface and is the only Office.js code in the pane.
 */
import type { ExcelRun } from "../../hosts/office";
import { NARRATIVE_NAME } from "../../core/plan/names";

export interface NarrativeArea {
  /** Sheet-qualified address of the area, e.g. 报告综述!$A$3:$A$12. */
  address: string;
  /** Cell texts, one paragraph a row. */
  lines: string[];
}

export interface NarrativeSheet {
  /** The area's current text, or undefined when the workbook has no 报告综述 area. */
  read(): Promise<NarrativeArea | undefined>;
  /** Writes one paragraph a row from the area's top, as text; clears rows left over. */
  write(lines: readonly string[]): Promise<void>;
}

function cellText(value: unknown): string {
  return value === null || value === undefined ? "" : String(value);
}

export function createNarrativeSheet(run: ExcelRun): NarrativeSheet {
  return {
    read: () =>
      run(async (context) => {
        const item = context.workbook.names.getItemOrNullObject(NARRATIVE_NAME);
        await context.sync();
        if (item.isNullObject) return undefined;
        const range = item.getRangeOrNullObject();
        range.load(["values", "address"]);
        await context.sync();
        if (range.isNullObject) return undefined;
        return { address: range.address, lines: range.values.map((row) => cellText(row[0])) };
      }),
    write: (lines) =>
      run(async (context) => {
        const range = context.workbook.names.getItem(NARRATIVE_NAME).getRange();
        range.load(["rowCount"]);
        await context.sync();
        // More paragraphs than rows: write on below the area rather than drop text.
        const rows = Math.max(range.rowCount, lines.length);
        const target = range.getColumn(0).getResizedRange(rows - range.rowCount, 0);
        const column = Array.from({ length: rows }, (_, i) => [lines[i] ?? ""]);
        // Text format first, so a paragraph is never read as a formula or a number.
        target.numberFormat = column.map(() => ["@"]);
        target.values = column;
        await context.sync();
      }),
  };
}
