/**
 * Dates in the tables. Excel turns "3-5", "2020/3/5" or "3月5日" typed into a General cell into
 * a date: Range.values then gives its serial (43895 for 2020-03-05), a plain number, and only
 * the cell's number format tells it is a date. Read as it is, the serial would pass as a figure
 * of 43895 万元. So the check's one read also loads `numberFormat`, and every number shown
 * through a date format is handed to the core as the date the officer sees ("3月5日"): a figure
 * field then holds text that is no figure, and its finding says the cell holds a date.
 */
import type { Finding } from "../../core/check";
import { isDateFormat, shownDate } from "../../core/excel/dates";
import { sheetAddress, topLeftOf } from "../../core/excel/address";
import type { ReadCell } from "../../core/plan/read-plan";
import type { TableRead } from "./read";

/** Formats seen so far: a workbook uses a handful, and a live check looks at every cell. */
const dateFormats = new Map<string, boolean>();

function isDate(format: unknown): boolean {
  if (typeof format !== "string") return false;
  let known = dateFormats.get(format);
  if (known === undefined) dateFormats.set(format, (known = isDateFormat(format)));
  return known;
}

export interface DatesRead {
  /** The tables as read, with each date replaced by its shown text (the same objects when there is none). */
  tables: Record<string, TableRead>;
  /** Sheet-qualified address → the date as shown, for every date found. */
  dates: Map<string, string>;
}

/** Replaces the dates in what was read by the dates as shown (see the file comment). */
export function datesAsShown(tables: Record<string, TableRead>): DatesRead {
  const dates = new Map<string, string>();
  const out: Record<string, TableRead> = {};
  for (const [id, read] of Object.entries(tables)) {
    out[id] = read;
    const formats = read.numberFormats;
    if (!formats) continue;
    let values: ReadCell[][] | undefined;
    let origin: ReturnType<typeof topLeftOf>;
    read.values.forEach((row, i) => {
      row.forEach((value, j) => {
        const format = formats[i]?.[j];
        if (typeof value !== "number" || !isDate(format)) return;
        const shown = shownDate(value, format as string);
        if (shown === undefined) return;
        origin ??= topLeftOf(read.address);
        if (!origin) return;
        values ??= read.values.map((r) => [...r]);
        values[i][j] = shown;
        dates.set(sheetAddress(origin.sheet, origin.row + i, origin.column + j), shown);
      });
    });
    if (values) out[id] = { ...read, values };
  }
  return { tables: out, dates };
}

/**
 * The core's "not a figure" finding for a cell that holds a date, worded for what happened:
 * the cell and the date it shows, and how to get a figure back (the cell keeps its date format,
 * so a number typed again would show as a date too).
 */
export function explainDates(findings: Finding[], dates: Map<string, string>, kindOf: (fieldId: string) => string | undefined): Finding[] {
  if (dates.size === 0) return findings;
  return findings.map((finding) => {
    const shown = finding.kind === "invalid" ? dates.get(finding.cell) : undefined;
    if (shown === undefined) return finding;
    const what = kindOf(finding.fields[0]) === "amount" ? "金额" : "数字";
    return {
      ...finding,
      actual: shown,
      message:
        `${finding.cell} 是日期（${shown}），不是${what}：Excel 把输入的内容当成了日期。` +
        "请在“开始 → 数字格式”中把该单元格改为“数值”或“常规”，再重新输入数字。含此单元格的合计与核对暂不校验。",
    };
  });
}
