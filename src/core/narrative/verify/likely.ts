/**
 * 可能有误: a figure that could not be tied to one label (未核对) but sits in a sentence whose other
 * figures were tied to some tables, and equals no amount of those tables while one of them is a
 * single keystroke away from it (one digit typed wrong, or two neighbours swapped): "收入合计…，
 * 支出合计…，结余187.97万元" where the 支出和结余 table's 累计结余 is 186.97. Precision first: a
 * notice with both values, never an error, and only when exactly one table figure is that near.
 */
import { parseAmount, formatNumber, Dec } from "../../money";
import { expandFields } from "../../spec/instances";
import { rawText, type ReportData } from "../../spec/data";
import type { FormSpec } from "../../spec/types";
import { figuresIn, sentenceSpans, type FigureToken, type Span } from "./scan";

export interface LikelySlip {
  /** The figure as written, in 万元. */
  figure: FigureToken;
  field: string;
  /** The table's figure at the figure's decimals, e.g. "186.97". */
  tableValue: string;
  tableLabel: string;
}

/** Table id of a field id: `expense.all.total` → expense. */
const tableOf = (field: string) => /^[^.[]+/.exec(field)?.[0] ?? "";

/** One digit changed, or two adjacent digits swapped; same length. */
function oneKeystrokeApart(a: string, b: string): boolean {
  if (a.length !== b.length || a === b) return false;
  const diff: number[] = [];
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) diff.push(i);
  if (diff.length === 1) return /\d/.test(a[diff[0]]) && /\d/.test(b[diff[0]]);
  return diff.length === 2 && diff[1] === diff[0] + 1 && a[diff[0]] === b[diff[1]] && a[diff[1]] === b[diff[0]];
}

/** The figure in 万元 (元 figures converted), or undefined for anything that is not an amount. */
function inWan(figure: FigureToken): Dec | undefined {
  if (figure.unit === "万元") return figure.value;
  if (figure.unit === "元") return figure.value.div(10000);
  return undefined;
}

/**
 * Whether the figure is the sum or the difference of two other amounts its paragraph states up to
 * the end of its sentence ("…支出815.00万元…。…年初预算为800.00万元…决算数大于预算数15.00万元"):
 * then the text itself explains it, and a table figure one keystroke away is a coincidence, not a
 * slip.
 */
function explainedByParagraph(text: string, sentence: Span, figure: FigureToken, written: string, places: number): boolean {
  const paragraph = { start: text.lastIndexOf("\n", sentence.start) + 1, end: sentence.end };
  const others = figuresIn(text, paragraph, [])
    .filter((f) => f.end !== figure.end)
    .map(inWan)
    .filter((v): v is Dec => v !== undefined);
  for (let i = 0; i < others.length; i++) {
    for (let j = i + 1; j < others.length; j++) {
      for (const v of [others[i].plus(others[j]), others[i].minus(others[j]).abs()]) if (formatNumber(v, places) === written) return true;
    }
  }
  return false;
}

/**
 * For each untied span, the one table figure it is likely a slip of, given the tables the same
 * sentence's tied figures (`tied`: their fields and where they end) come from.
 */
export function likelySlips(
  text: string,
  untied: readonly Span[],
  tied: ReadonlyArray<{ end: number; fields: readonly string[] }>,
  form: FormSpec,
  data: ReportData,
): Map<Span, LikelySlip> {
  const out = new Map<Span, LikelySlip>();
  if (untied.length === 0) return out;
  const sentences = sentenceSpans(text);
  const sentenceOf = (offset: number) => sentences.find((s) => s.start <= offset && offset <= s.end);
  const amounts = expandFields(form, data.lists).filter((f) => f.kind === "amount" && f.unit === "万元");
  for (const span of untied) {
    const sentence = sentenceOf(span.end);
    if (!sentence) continue;
    const figure = figuresIn(text, span, []).find((f) => f.end === span.end);
    const value = figure && inWan(figure);
    if (!figure || !value) continue;
    const tables = new Set(tied.filter((t) => t.end > sentence.start && t.end <= sentence.end).flatMap((t) => t.fields.map(tableOf)));
    if (tables.size === 0) continue;
    const places = figure.unit === "元" ? figure.decimals + 4 : figure.decimals;
    const written = formatNumber(value, places);
    const near = new Map<string, { field: string; label: string }>();
    let equal = false;
    for (const field of amounts) {
      if (!tables.has(field.table.id)) continue;
      const parsed = parseAmount(rawText(data.values[field.id]));
      if (parsed.kind !== "amount") continue;
      const shown = formatNumber(parsed.value, places);
      if (shown === written) equal = true;
      else if (oneKeystrokeApart(shown, written) && !near.has(shown)) near.set(shown, { field: field.id, label: field.label });
    }
    if (equal || near.size !== 1 || explainedByParagraph(text, sentence, figure, written, places)) continue;
    const [[tableValue, { field, label }]] = [...near];
    out.set(span, { figure, field, tableValue, tableLabel: label });
  }
  return out;
}
