/**
 * Tokens of an Excel formula in its stored (English, comma-separated, A1) form. Every token keeps
 * its source text, so a formula can be printed back unchanged except for the references a row
 * insert, a row delete or a sheet rename moved.
 */
import { columnLetters, columnNumber, quoteSheet } from "../plan/address";
import { MAX_COLUMN, MAX_ROW } from "./area";

export interface CellRef {
  row: number;
  column: number;
  rowAbsolute: boolean;
  columnAbsolute: boolean;
}

export type Token =
  | { type: "number"; text: string; value: number }
  | { type: "string"; text: string; value: string }
  | { type: "bool"; text: string; value: boolean }
  | { type: "error"; text: string }
  | { type: "ref"; text: string; sheet?: string; start: CellRef; end?: CellRef }
  /** A defined name (or anything else that is not a function, a cell or a boolean). */
  | { type: "name"; text: string }
  | { type: "func"; text: string; name: string }
  | { type: "op"; text: string }
  | { type: "paren"; text: "(" | ")" }
  | { type: "comma"; text: "," }
  /** Array constants: {"无","-"} with ";" between rows. */
  | { type: "brace"; text: "{" | "}" }
  | { type: "semicolon"; text: ";" }
  | { type: "space"; text: string };

export class FormulaSyntaxError extends Error {}

const ERRORS = ["#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#N/A"];
const CELL_AT = /^(\$?)([A-Za-z]{1,3})(\$?)(\d{1,7})/;
const NUMBER_AT = /^(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?/;
const IDENT_AT = /^[\p{L}_\\][\p{L}\p{N}_.?]*/u;

function cellRef(m: RegExpExecArray): CellRef | undefined {
  const column = columnNumber(m[2]);
  const row = Number(m[4]);
  if (row < 1 || row > MAX_ROW || column > MAX_COLUMN) return undefined;
  return { row, column, rowAbsolute: m[3] === "$", columnAbsolute: m[1] === "$" };
}

/** A cell or range reference starting at `text` (after any sheet prefix). */
function readRef(text: string): { start: CellRef; end?: CellRef; length: number } | undefined {
  const a = CELL_AT.exec(text);
  if (!a) return undefined;
  // "A1" must not continue as an identifier ("A1B" is a name, "LOG10(" a function).
  const after = text[a[0].length];
  if (after !== undefined && /[\p{L}\p{N}_(]/u.test(after)) return undefined;
  const start = cellRef(a);
  if (!start) return undefined;
  if (text[a[0].length] === ":") {
    const b = CELL_AT.exec(text.slice(a[0].length + 1));
    const end = b && cellRef(b);
    if (b && end) return { start, end, length: a[0].length + 1 + b[0].length };
  }
  return { start, length: a[0].length };
}

export function tokenize(formula: string): Token[] {
  const src = formula.startsWith("=") ? formula.slice(1) : formula;
  const out: Token[] = [];
  let i = 0;
  while (i < src.length) {
    const rest = src.slice(i);
    const c = src[i];
    if (/\s/.test(c)) {
      const m = /^\s+/.exec(rest)!;
      out.push({ type: "space", text: m[0] });
      i += m[0].length;
      continue;
    }
    if (c === '"') {
      let j = i + 1;
      let value = "";
      for (;;) {
        if (j >= src.length) throw new FormulaSyntaxError("unterminated string");
        if (src[j] === '"') {
          if (src[j + 1] === '"') {
            value += '"';
            j += 2;
            continue;
          }
          break;
        }
        value += src[j++];
      }
      out.push({ type: "string", text: src.slice(i, j + 1), value });
      i = j + 1;
      continue;
    }
    if (c === "#") {
      const e = ERRORS.find((x) => rest.toUpperCase().startsWith(x));
      if (!e) throw new FormulaSyntaxError(`unknown error literal at ${i}`);
      out.push({ type: "error", text: e });
      i += e.length;
      continue;
    }
    if (c === "'") {
      // 'Sheet name'!A1
      let j = i + 1;
      let name = "";
      for (;;) {
        if (j >= src.length) throw new FormulaSyntaxError("unterminated sheet name");
        if (src[j] === "'") {
          if (src[j + 1] === "'") {
            name += "'";
            j += 2;
            continue;
          }
          break;
        }
        name += src[j++];
      }
      if (src[j + 1] !== "!") throw new FormulaSyntaxError("quoted name without !");
      const ref = readRef(src.slice(j + 2));
      if (!ref) throw new FormulaSyntaxError("sheet name without a cell reference");
      const len = j + 2 - i + ref.length;
      out.push({ type: "ref", text: src.slice(i, i + len), sheet: name, start: ref.start, end: ref.end });
      i += len;
      continue;
    }
    const num = NUMBER_AT.exec(rest);
    if (num && !/^\d+:/.test(rest)) {
      out.push({ type: "number", text: num[0], value: Number(num[0]) });
      i += num[0].length;
      continue;
    }
    const ref = readRef(rest);
    if (ref) {
      out.push({ type: "ref", text: rest.slice(0, ref.length), start: ref.start, end: ref.end });
      i += ref.length;
      continue;
    }
    const id = IDENT_AT.exec(rest);
    if (id) {
      const word = id[0];
      const next = src[i + word.length];
      if (next === "!") {
        const r = readRef(src.slice(i + word.length + 1));
        if (!r) throw new FormulaSyntaxError("sheet name without a cell reference");
        const len = word.length + 1 + r.length;
        out.push({ type: "ref", text: src.slice(i, i + len), sheet: word, start: r.start, end: r.end });
        i += len;
        continue;
      }
      if (next === "(") out.push({ type: "func", text: word, name: word.toUpperCase() });
      else if (/^(TRUE|FALSE)$/i.test(word)) out.push({ type: "bool", text: word, value: word.toUpperCase() === "TRUE" });
      else out.push({ type: "name", text: word });
      i += word.length;
      continue;
    }
    const two = rest.slice(0, 2);
    if (two === "<>" || two === "<=" || two === ">=") {
      out.push({ type: "op", text: two });
      i += 2;
      continue;
    }
    if ("+-*/^&=<>%".includes(c)) {
      out.push({ type: "op", text: c });
      i += 1;
      continue;
    }
    if (c === "(" || c === ")") {
      out.push({ type: "paren", text: c });
      i += 1;
      continue;
    }
    if (c === ",") {
      out.push({ type: "comma", text: "," });
      i += 1;
      continue;
    }
    if (c === "{" || c === "}") {
      out.push({ type: "brace", text: c });
      i += 1;
      continue;
    }
    if (c === ";") {
      out.push({ type: "semicolon", text: ";" });
      i += 1;
      continue;
    }
    throw new FormulaSyntaxError(`unexpected ${c} at ${i}`);
  }
  return out;
}

function printCell(ref: CellRef): string {
  return `${ref.columnAbsolute ? "$" : ""}${columnLetters(ref.column)}${ref.rowAbsolute ? "$" : ""}${ref.row}`;
}

export function printRef(sheet: string | undefined, start: CellRef, end?: CellRef): string {
  const local = end ? `${printCell(start)}:${printCell(end)}` : printCell(start);
  return sheet === undefined ? local : `${quoteSheet(sheet)}!${local}`;
}

/** Prints tokens back into a formula, with its leading "=". */
export function printTokens(tokens: Token[]): string {
  return `=${tokens.map((t) => t.text).join("")}`;
}
