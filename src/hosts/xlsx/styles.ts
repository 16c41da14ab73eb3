/** The core's named cell styles and finding colours, in ExcelJS's terms. */
import type { Alignment, Borders, Fill, Font, Style } from "exceljs";
import type { CellStyle, PlannedConditionalFormat } from "../../core/plan/layout-types";
import { SEVERITY_FILLS } from "../../core/plan/styles";

/** #RRGGBB → ExcelJS's ARGB. */
export function argb(colour: string): string {
  return `FF${colour.replace(/^#/, "").toUpperCase()}`;
}

const THIN_BORDER: Partial<Borders> = {
  top: { style: "thin" },
  left: { style: "thin" },
  bottom: { style: "thin" },
  right: { style: "thin" },
};

export function excelStyle(style: CellStyle): Partial<Style> {
  const font: Partial<Font> = { name: "宋体", size: style.size ?? 11 };
  if (style.bold) font.bold = true;
  if (style.fontColor) font.color = { argb: argb(style.fontColor) };
  const alignment: Partial<Alignment> = {};
  if (style.horizontal) alignment.horizontal = style.horizontal;
  alignment.vertical = style.vertical === "top" ? "top" : "middle";
  if (style.wrap) alignment.wrapText = true;
  if (style.indent) alignment.indent = style.indent;
  const out: Partial<Style> = { font, alignment, protection: { locked: style.locked ?? true } };
  if (style.fill) out.fill = { type: "pattern", pattern: "solid", fgColor: { argb: argb(style.fill) } } as Fill;
  if (style.border) out.border = THIN_BORDER;
  if (style.numberFormat) out.numFmt = style.numberFormat;
  return out;
}

/** The differential style a conditional format applies (a dxf: only what changes), in the core's colours. */
export function findingStyle(severity: PlannedConditionalFormat["severity"]): Partial<Style> {
  const colours = SEVERITY_FILLS[severity];
  return {
    // In a dxf Excel paints a solid pattern with bgColor, not fgColor.
    fill: { type: "pattern", pattern: "solid", bgColor: { argb: argb(colours.fill) } } as Fill,
    font: { color: { argb: argb(colours.fontColor) } },
  };
}
