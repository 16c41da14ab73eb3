/** What a report value becomes in a cell: figures as numbers, everything else as text. */
import { Dec, parseAmount } from "../../core/money";
import { rawText, type RawValue } from "../../core/spec";
import { isNumericKind, type FieldDef } from "../../core/spec/instances";

/**
 * A plain figure ("1112.80", 987.55) is written as a number so the workbook's formulas add it;
 * the cell's number format shows its decimals. A figure Excel's double cannot hold exactly,
 * a unit or percent sign, "无" and anything unreadable stay text as written, so the checks see
 * exactly what the data said. undefined: nothing to write.
 */
export function cellContent(field: Pick<FieldDef, "kind"> | undefined, raw: RawValue | undefined): string | number | undefined {
  const content = rawText(raw);
  if (content === null) return undefined;
  const text = String(content);
  if (text.trim() === "") return undefined;
  if (!field || !isNumericKind(field.kind)) return text;
  const parsed = parseAmount(content);
  if (parsed.kind !== "amount" || parsed.unitHint !== undefined) return text;
  const asNumber = parsed.value.toNumber();
  // Only when the double reads back as the same decimal (always so for 2-decimal 万元 figures).
  return new Dec(String(asNumber)).eq(parsed.value) ? asNumber : text;
}
