/**
 * After a surgical write, every formula's cached result computed again by the core's evaluator
 * (core/formula, the one `template` uses), so `check` and readers that do not recalculate see
 * the new totals and verdicts instead of none. All or nothing: when any formula of the workbook
 * is one the evaluator cannot be trusted with — a shared or array formula, a defined name, an
 * unknown function, another workbook, a cell type it does not read — nothing is computed and
 * the caller drops the results as before (the workbook then recalculates on open).
 */
import { a1, columnNumber } from "../../core/excel/address";
import { FormulaGrid, type GridCell } from "../../core/formula/grid";
import { isError, type CellResult } from "../../core/formula/values";
import { escapeXml, unescapeXml } from "./names";
import { itemText } from "./cell-xml";

interface FormulaCell {
  sheet: string;
  row: number;
  column: number;
}

const CELL = /<((?:\w+:)?)c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/\1c>)/g;
const attribute = (attrs: string, name: string): string | undefined => new RegExp(`(?:^|\\s)${name}\\s*=\\s*"([^"]*)"`).exec(attrs)?.[1];

/** A constant cell as the grid holds it; undefined when the evaluator must not be trusted with it. */
function constant(type: string, body: string, strings: string[]): GridCell | "unreadable" | undefined {
  if (type === "inlineStr") {
    const is = /<(?:\w+:)?is\b[^>]*>([\s\S]*?)<\/(?:\w+:)?is>/.exec(body);
    return { value: is ? itemText(is[1]) : "" };
  }
  const v = /<(?:\w+:)?v\b[^>]*?(?:\/>|>([\s\S]*?)<\/(?:\w+:)?v>)/.exec(body);
  if (!v) return undefined;
  const text = unescapeXml(v[1] ?? "");
  if (type === "s") {
    const s = strings[Number(text)];
    return s === undefined ? "unreadable" : { value: s };
  }
  if (type === "str") return { value: text };
  if (type === "b") return { value: text === "1" || text.toLowerCase() === "true" };
  if (type === "n") {
    const n = Number(text);
    return text.trim() !== "" && Number.isFinite(n) ? { value: n } : "unreadable";
  }
  // Error constants (e) and ISO dates (d) the grid cannot hold.
  return "unreadable";
}

/** The cell's XML with its cached result replaced by `result` (the formula and the style kept). */
function withResult(prefix: string, attrs: string, body: string, result: CellResult): string {
  const kept = attrs.replace(/\s+t\s*=\s*"[^"]*"/, "");
  const formula = body.replace(/<(?:\w+:)?v\b[^>]*?(?:\/>|>[\s\S]*?<\/(?:\w+:)?v>)/g, "");
  let type: string;
  let value: string;
  if (result === null || typeof result === "string") [type, value] = ["str", escapeXml(result ?? "")];
  else if (typeof result === "boolean") [type, value] = ["b", result ? "1" : "0"];
  else if (isError(result)) [type, value] = ["e", escapeXml(result.error)];
  else [type, value] = ["", String(result)];
  return `<${prefix}c${kept}${type ? ` t="${type}"` : ""}>${formula}<${prefix}v>${value}</${prefix}v></${prefix}c>`;
}

/** Whether a cell's cached result already says `result` (then its XML is left as it was). */
function cachedSame(attrs: string, body: string, result: CellResult): boolean {
  const v = /<(?:\w+:)?v\b[^>]*?(?:\/>|>([\s\S]*?)<\/(?:\w+:)?v>)/.exec(body);
  if (!v) return false;
  const text = unescapeXml(v[1] ?? "");
  const type = attribute(attrs, "t") ?? "n";
  if (typeof result === "number") return type === "n" && Number(text) === result;
  if (result === null || typeof result === "string") return type === "str" && text === (result ?? "");
  if (typeof result === "boolean") return type === "b" && (text === "1") === result;
  return type === "e" && text === result.error;
}

/**
 * Each sheet's XML with every formula's result as the core computes it, by sheet name; undefined
 * when some formula cannot be computed safely (see the file's comment).
 */
export function recomputeFormulaResults(sheets: Map<string, string>, strings: string[]): Map<string, string> | undefined {
  const grid = new FormulaGrid();
  const formulas: FormulaCell[] = [];
  for (const [sheet, xml] of sheets) {
    for (const m of xml.matchAll(CELL)) {
      const [, , attrs, body = ""] = m;
      const ref = attribute(attrs, "r");
      if (!ref) return undefined;
      const at = /^([A-Za-z]+)(\d+)$/.exec(ref);
      if (!at) return undefined;
      const row = Number(at[2]);
      const column = columnNumber(at[1].toUpperCase());
      const f = /<(?:\w+:)?f\b([^>]*?)(?:\/>|>([\s\S]*?)<\/(?:\w+:)?f>)/.exec(body);
      if (f) {
        if (attribute(f[1], "t") !== undefined || !f[2]) return undefined;
        grid.set(sheet, row, column, { formula: unescapeXml(f[2]) });
        formulas.push({ sheet, row, column });
        continue;
      }
      const content = constant(attribute(attrs, "t") ?? "n", body, strings);
      if (content === "unreadable") return undefined;
      if (content) grid.set(sheet, row, column, content);
    }
  }
  const results = new Map<string, CellResult>();
  for (const f of formulas) {
    let result: CellResult;
    try {
      result = grid.cellValue(f.sheet, f.row, f.column);
    } catch {
      return undefined;
    }
    // #NAME? (a function or name the evaluator does not know) and #REF! (a sheet it was not given)
    // say the evaluator, not the workbook, is at a loss.
    if (isError(result) && (result.error === "#NAME?" || result.error === "#REF!")) return undefined;
    results.set(`${f.sheet}!${a1(f.row, f.column)}`, result);
  }
  const out = new Map<string, string>();
  for (const [sheet, xml] of sheets) {
    out.set(
      sheet,
      xml.replace(CELL, (whole, prefix: string, attrs: string, body: string | undefined) => {
        if (body === undefined || !/<(?:\w+:)?f\b/.test(body)) return whole;
        const result = results.get(`${sheet}!${attribute(attrs, "r")!.toUpperCase()}`);
        if (result === undefined || cachedSame(attrs, body, result)) return whole;
        return withResult(prefix, attrs, body, result);
      }),
    );
  }
  return out;
}
