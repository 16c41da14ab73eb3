import type { ValueKind } from "../spec/types";
import type { CellStyle, StyleId } from "./layout-types";

/** Light yellow: cells the officer types in. */
export const INPUT_FILL = "#FFF9E5";
/** Light blue-grey: cells the template computes (formulas). */
export const COMPUTED_FILL = "#DDEBF7";
const HEADER_FILL = "#F2F2F2";

/**
 * The visual role of each planned cell, in terms every host can apply. Hosts map these fields
 * to their own API (Office.js Range.format, ExcelJS cell.style); nothing else decides formatting.
 */
export const CELL_STYLES: Record<StyleId, CellStyle> = {
  title: { bold: true, size: 14, horizontal: "center", vertical: "center" },
  unit: { size: 10, horizontal: "right" },
  header: { bold: true, horizontal: "center", vertical: "center", wrap: true, border: true, fill: HEADER_FILL },
  label: { border: true, vertical: "center", wrap: true, horizontal: "left" },
  listLabel: { border: true, vertical: "center", wrap: true, horizontal: "left", fill: INPUT_FILL, numberFormat: "@", locked: false },
  inputAmount: { border: true, numberFormat: "0.00", horizontal: "right", fill: INPUT_FILL, locked: false },
  inputCount: { border: true, numberFormat: "0", horizontal: "right", fill: INPUT_FILL, locked: false },
  inputText: { border: true, numberFormat: "@", wrap: true, horizontal: "left", vertical: "top", fill: INPUT_FILL, locked: false },
  computedAmount: { border: true, numberFormat: "0.00", horizontal: "right", fill: COMPUTED_FILL, locked: true },
  computedCount: { border: true, numberFormat: "0", horizontal: "right", fill: COMPUTED_FILL, locked: true },
  checkHeader: { bold: true, horizontal: "center", vertical: "center", wrap: true, border: true, fill: HEADER_FILL },
  checkCell: { border: true, wrap: true, vertical: "center" },
  narrative: { wrap: true, vertical: "top" },
};

/** Fill colours of the conditional formats that flag a cell in place, by severity. */
export const SEVERITY_FILLS: Record<"error" | "warning" | "info", { fill: string; fontColor: string }> = {
  error: { fill: "#FFC7CE", fontColor: "#9C0006" },
  warning: { fill: "#FFD8A8", fontColor: "#8A4B00" },
  info: { fill: "#FFF2A8", fontColor: "#6B5A00" },
};

export function inputStyleFor(kind: ValueKind): StyleId {
  switch (kind) {
    case "count":
    case "score":
      return "inputCount";
    case "text":
      return "inputText";
    default:
      return "inputAmount";
  }
}

export function computedStyleFor(kind: ValueKind): StyleId {
  return kind === "count" || kind === "score" ? "computedCount" : "computedAmount";
}

/**
 * A number format that differs from the style's, for kinds that share a style: a score may
 * carry decimals (97.5) so it is shown as typed; a percentage as a percentage.
 */
export function numberFormatOverride(kind: ValueKind): string | undefined {
  if (kind === "score") return "General";
  if (kind === "percent") return "0.00%";
  return undefined;
}
