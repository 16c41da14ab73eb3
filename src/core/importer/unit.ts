import { Dec, parseAmount } from "../money";
import { rawText, type ReportData } from "../spec/data";
import { isBlank, type SourceGrid } from "./grid";
import type { Layout } from "./layout";
import { unitInText } from "./normalize";
import type { SourceUnit, UnitChoice } from "./types";

export interface StatedUnit {
  unit: SourceUnit;
  row: number;
  column: number;
  text: string;
}

/** "单位：元" / "金额单位：万元" / "（万元）" in the lines above the data or in the header. */
export function statedUnits(grid: SourceGrid, layout: Layout): StatedUnit[] {
  const out: StatedUnit[] = [];
  for (const r of [...layout.preamble, ...layout.header]) {
    grid.rows[r].forEach((text, c) => {
      if (isBlank(text)) return;
      const unit = unitInText(text);
      // A header cell's own "(元)" is that column's unit; only whole-table statements count here.
      if (unit && (layout.preamble.includes(r) || /单位/.test(text))) out.push({ unit, row: r, column: c, text });
    });
  }
  // An explicit "单位：…" line outranks a unit in a title's parentheses.
  return [...out.filter((s) => /单位/.test(s.text)), ...out.filter((s) => !/单位/.test(s.text))];
}

/** An amount read from the export together with the field it goes to. */
export interface SampleAmount {
  fieldId: string;
  value: Dec;
  decimals: number;
  line: number;
  text: string;
}

/** Beyond this a 万元 figure would be 10亿元 and more: not a department's line item. */
const YUAN_MEDIAN = new Dec(100000);

function median(values: Dec[]): Dec {
  const sorted = [...values].sort((a, b) => a.comparedTo(b));
  return sorted[Math.floor(sorted.length / 2)];
}

/**
 * 元 or 万元 when the export does not say. In order of strength:
 * 1. a figure with more than 2 decimals is not 元 (元 stops at 分);
 * 2. figures for cells the workbook already holds, at about 10,000× those values, are 元
 *    (at about 1×, 万元);
 * 3. a median far above what a 万元 line item can be is 元;
 * otherwise 万元, the form's unit — said to be a default the officer can override.
 */
export function inferUnit(amounts: SampleAmount[], reference: ReportData | undefined): UnitChoice {
  const nonZero = amounts.filter((a) => !a.value.isZero());
  const fine = amounts.find((a) => a.decimals > 2);
  if (fine) {
    return { value: "万元", how: "inferred", reason: `未注明单位；第${fine.line}行“${fine.text.trim()}”有${fine.decimals}位小数，元不会有分以下的位数，按万元` };
  }
  if (reference) {
    const ratios: Dec[] = [];
    let example: { a: SampleAmount; existing: Dec } | undefined;
    for (const a of nonZero) {
      const raw = rawText(reference.values[a.fieldId]);
      const p = raw === null ? undefined : parseAmount(raw);
      if (!p || p.kind !== "amount" || p.value.isZero()) continue;
      ratios.push(a.value.div(p.value).abs());
      example ??= { a, existing: p.value };
    }
    if (ratios.length && example) {
      const m = median(ratios);
      const shown = `如第${example.a.line}行“${example.a.text.trim()}”，工作簿中已有 ${example.existing.toString()} 万元`;
      if (m.gte(1000) && m.lte(100000)) {
        return { value: "元", how: "inferred", reason: `未注明单位；与工作簿中已有的同一单元格相比约为 10000 倍（${shown}），按元` };
      }
      if (m.gte(0.1) && m.lte(10)) {
        return { value: "万元", how: "inferred", reason: `未注明单位；与工作簿中已有的同一单元格量级相同（${shown}），按万元` };
      }
    }
  }
  if (nonZero.length) {
    const m = median(nonZero.map((a) => a.value.abs()));
    if (m.gte(YUAN_MEDIAN)) {
      return { value: "元", how: "inferred", reason: `未注明单位；数值中位数 ${m.toString()} 若按万元即超过 10 亿元，按元` };
    }
    return { value: "万元", how: "inferred", reason: `未注明单位；数值中位数 ${m.toString()} 与万元相符，按万元（如实为元，请指定单位“元”）` };
  }
  return { value: "万元", how: "inferred", reason: "未注明单位，也没有可比较的数值，按表格单位万元" };
}
