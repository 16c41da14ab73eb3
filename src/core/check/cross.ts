import { Dec, formatAmount } from "../money";
import type { ReportData } from "../spec/data";
import type { CrossFormLink } from "../spec/cross/types";
import type { FormSpec } from "../spec/types";
import type { Locate } from "./evaluate";
import type { Finding } from "./finding";
import { readValues, type CellState } from "./values";

/** One of the two reports compared: its form, its figures, where its cells are, and a name for it. */
export interface CrossSide {
  form: FormSpec;
  data: ReportData;
  locate: Locate;
  /** The file (or workbook) name the finding quotes beside its cells. */
  source: string;
}

export interface CrossCheck {
  /** The link used, or undefined when no link pairs these two forms. */
  link?: CrossFormLink;
  findings: Finding[];
  /** Pairs compared (both figures present) and pairs skipped (a figure missing in either report). */
  compared: number;
  skipped: Array<{ pair: string; reason: string }>;
}

/** The link between the two forms, with its sides in the order given: [first, second] field ids. */
function orient(links: CrossFormLink[], a: string, b: string): { link: CrossFormLink; pairs: Array<{ id: string; label: string; a: string; b: string }> } | undefined {
  for (const link of links) {
    if (link.forms[0] === a && link.forms[1] === b) return { link, pairs: link.pairs };
    if (link.forms[0] === b && link.forms[1] === a) return { link, pairs: link.pairs.map((p) => ({ ...p, a: p.b, b: p.a })) };
  }
  return undefined;
}

type Figure = Extract<CellState, { state: "number" }>;

/**
 * Two figures shown to the same decimals are the same figure only when equal (the same amount
 * rounds the same way in both reports). A figure known exactly (an import from 元) agrees with
 * a shown one when it rounds, half up, to it.
 */
function sameFigure(a: Figure, b: Figure): boolean {
  const rounded = (exact: Figure, shown: Figure) => exact.value.toDecimalPlaces(shown.halfWidth.times(2).decimalPlaces(), Dec.ROUND_HALF_UP).eq(shown.value);
  if (a.halfWidth.isZero() && !b.halfWidth.isZero()) return rounded(a, b);
  if (b.halfWidth.isZero() && !a.halfWidth.isZero()) return rounded(b, a);
  return a.value.eq(b.value);
}

/**
 * Where two reports of the same department and year disagree on the same figure: one finding
 * per pair of the link whose two figures differ, naming both files' cells. A figure missing on
 * either side is not compared (nothing to disagree with), and said so in `skipped`.
 */
export function crossCheck(first: CrossSide, second: CrossSide, links: CrossFormLink[]): CrossCheck {
  const oriented = orient(links, first.form.id, second.form.id);
  if (!oriented) return { findings: [], compared: 0, skipped: [] };
  const va = readValues(first.form, first.data);
  const vb = readValues(second.form, second.data);
  const findings: Finding[] = [];
  const skipped: CrossCheck["skipped"] = [];
  let compared = 0;
  for (const pair of oriented.pairs) {
    const ca = va.cells.get(pair.a);
    const cb = vb.cells.get(pair.b);
    if (ca?.state !== "number" || cb?.state !== "number") {
      const missing = ca?.state !== "number" ? first.source : second.source;
      skipped.push({ pair: pair.id, reason: `${pair.label}：${missing} 中没有数字，未比对` });
      continue;
    }
    compared++;
    if (sameFigure(ca, cb)) continue;
    const cellA = `${first.source}：${first.locate(pair.a)}`;
    const cellB = `${second.source}：${second.locate(pair.b)}`;
    const difference = ca.value.minus(cb.value);
    findings.push({
      ruleId: `cross:${oriented.link.id}.${pair.id}`,
      relationId: `cross:${oriented.link.id}`,
      kind: "same",
      severity: "error",
      fields: [pair.a, pair.b],
      cell: cellA,
      cells: [cellA, cellB],
      expected: cb.value.toFixed(),
      actual: ca.value.toFixed(),
      difference: difference.toFixed(),
      message:
        `${pair.label}：${first.source} ${first.locate(pair.a)} 为${formatAmount(ca.value, 2)}万元，` +
        `${second.source} ${second.locate(pair.b)} 为${formatAmount(cb.value, 2)}万元，` +
        `${difference.isPositive() ? "多" : "少"}${formatAmount(difference.abs(), 2)}万元，请核对两表`,
    });
  }
  return { link: oriented.link, findings, compared, skipped };
}
