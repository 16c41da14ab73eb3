import { Dec, formatTrimmed } from "../money";
import { showFigure } from "../check/finding";
import type { CellState, ReadValues } from "../check/values";
import type { ScoreTerm } from "../spec/score-types";

/** One cell an indicator read, as the officer would look it up. */
export interface ScoreInput {
  field: string;
  label: string;
  /** What the cell holds as written; absent when empty. */
  written?: string;
  sign: 1 | -1;
}

/** A sum of terms, or the words saying why there is none. */
export type TermSum = { ok: true; value: Dec; inputs: ScoreInput[] } | { ok: false; reason: string; inputs: ScoreInput[] };

export function termRef(term: ScoreTerm): { ref: string; sign: 1 | -1 } {
  return typeof term === "string" ? { ref: term, sign: 1 } : term;
}

export function cellOf(values: ReadValues, field: string): CellState | undefined {
  const at = values.compiled.indexOf.get(field);
  return at === undefined ? undefined : values.states[at];
}

export function labelOf(values: ReadValues, field: string): string {
  return values.fields.get(field)?.label ?? field;
}

/**
 * The value of every term, added with its sign. An empty cell is missing, not 0: a base the
 * officer has not filled gives no indicator (the words say which cell), where "无" or "—"
 * counts as nothing. Text in a number cell names what was typed.
 */
export function sumTerms(values: ReadValues, terms: ScoreTerm[]): TermSum {
  const inputs: ScoreInput[] = [];
  const problems: string[] = [];
  let total = new Dec(0);
  for (const term of terms) {
    const { ref, sign } = termRef(term);
    const label = labelOf(values, ref);
    const cell = cellOf(values, ref);
    if (!cell) {
      inputs.push({ field: ref, label, sign });
      problems.push(`${label}不在本报表中`);
      continue;
    }
    switch (cell.state) {
      case "number":
        inputs.push({ field: ref, label, written: cell.text, sign });
        total = sign === 1 ? total.plus(cell.value) : total.minus(cell.value);
        break;
      case "none":
        inputs.push({ field: ref, label, written: cell.text, sign });
        break;
      case "empty":
        inputs.push({ field: ref, label, sign });
        problems.push(`${label}未填写`);
        break;
      default:
        inputs.push({ field: ref, label, written: cell.text, sign });
        problems.push(`${label}填写的是「${cell.text}」，不是数字`);
    }
  }
  return problems.length ? { ok: false, reason: problems.join("；"), inputs } : { ok: true, value: total, inputs };
}

/**
 * A sum as the working shows it: 万元 with 2 decimals as the tables print them, headcounts whole;
 * a sum of parts is shown as its parts added ("264.05 + 522.08 − 186.97").
 */
export function showTerms(values: ReadValues, sum: Extract<TermSum, { ok: true }>): string {
  const shown = sum.inputs.map((input, k) => {
    const cell = cellOf(values, input.field);
    const field = values.fields.get(input.field);
    const figure = cell?.state === "number" && field ? showFigure(field, cell.value) : "0";
    if (k === 0) return input.sign === 1 ? figure : `−${figure}`;
    return `${input.sign === 1 ? "+" : "−"} ${figure}`;
  });
  return shown.join(" ");
}

/** A decimal with at most `places` decimals and no trailing zeros (scores: 5, 3.5, 0.25). */
export function showPoints(value: Dec, places = 2): string {
  return formatTrimmed(value, places);
}
