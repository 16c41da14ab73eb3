/**
 * A small spreadsheet engine for the tests: the subset of Excel formulas the layout plan writes
 * (SUM, N, COUNT, COUNTIF, SUMPRODUCT, ISNUMBER, ISTEXT, TEXT, RIGHT, LEFT, LEN, TRIM, EXACT,
 * ROUND, ABS, IF, AND, OR, IFERROR, arithmetic, comparison, &, array constants), with Excel's
 * rules where the plan relies on them:
 *  - SUM/COUNT/N skip text and blanks in references; arithmetic on non-numeric text is #VALUE!;
 *  - a multi-cell range is only allowed where Excel takes a range (SUM, COUNT, COUNTIF) or
 *    inside SUMPRODUCT (array evaluation). Anywhere else Excel would silently intersect it with
 *    the formula's row, so this engine throws instead: such a formula is a bug in the plan;
 *  - IF/IFERROR evaluate lazily, so an IFERROR guard works as in Excel;
 *  - ROUND and TEXT read a double to 15 significant digits, as Excel does, then round half away
 *    from zero; comparisons are exact (stricter than Excel or LibreOffice).
 * It is the fast judge; LibreOffice is the real one (workbook tests).
 *
 * It reads formulas with its own tokenizer on purpose, not src/core/excel/tokens: the formulas
 * it judges are printed by the same core/excel (quoteSheet, absoluteRange) and the in-memory
 * Excel evaluates them with core/excel's tokenizer, so a shared reader would agree with the
 * printer's mistakes (a sheet name left bare that Excel needs quoted, a misread range) instead
 * of catching them. Only columnNumber, plain letter arithmetic, is shared.
 */
import Decimal from "decimal.js";
import { columnNumber } from "../../../src/core/excel/address";

export class XlError {
  constructor(readonly code: string) {}
  toString(): string {
    return this.code;
  }
}
export type Scalar = number | string | boolean | null | XlError;
export interface ArrayValue {
  kind: "array";
  rows: Scalar[][];
}
export interface RangeValue {
  kind: "range";
  sheet: string;
  top: number;
  left: number;
  bottom: number;
  right: number;
}
type Value = Scalar | ArrayValue | RangeValue;

export interface CellContent {
  value?: number | string | boolean | null;
  formula?: string;
}

const VALUE = new XlError("#VALUE!");
const D = Decimal.clone({ precision: 60 });

// ── tokens ───────────────────────────────────────────────────────────────
type Token =
  | { t: "num"; v: number }
  | { t: "str"; v: string }
  | { t: "bool"; v: boolean }
  | { t: "ref"; sheet?: string; from: string; to?: string }
  | { t: "fn"; v: string }
  | { t: "op"; v: string };

const CELL = /^\$?[A-Za-z]{1,3}\$?\d+/;
const SHEET_NAME = /^[\p{L}_][\p{L}\p{N}_.]*!/u;

export function tokenize(formula: string): Token[] {
  const s = formula.startsWith("=") ? formula.slice(1) : formula;
  const out: Token[] = [];
  let i = 0;
  const refAt = (sheet: string | undefined): void => {
    const m = CELL.exec(s.slice(i));
    if (!m) throw new Error(`bad reference at ${i} in ${formula}`);
    i += m[0].length;
    let to: string | undefined;
    if (s[i] === ":") {
      const n = CELL.exec(s.slice(i + 1));
      if (!n) throw new Error(`bad range at ${i} in ${formula}`);
      to = n[0];
      i += 1 + n[0].length;
    }
    out.push({ t: "ref", sheet, from: m[0], to });
  };
  while (i < s.length) {
    const c = s[i];
    if (c === " ") {
      i++;
    } else if (c === '"') {
      let j = i + 1;
      let v = "";
      for (;;) {
        if (j >= s.length) throw new Error(`unterminated string in ${formula}`);
        if (s[j] === '"') {
          if (s[j + 1] === '"') {
            v += '"';
            j += 2;
            continue;
          }
          break;
        }
        v += s[j++];
      }
      out.push({ t: "str", v });
      i = j + 1;
    } else if (c === "'") {
      const end = s.indexOf("'!", i + 1);
      const sheet = s.slice(i + 1, end).replace(/''/g, "'");
      i = end + 2;
      refAt(sheet);
    } else if (/[0-9.]/.test(c)) {
      const m = /^(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?/.exec(s.slice(i))!;
      out.push({ t: "num", v: Number(m[0]) });
      i += m[0].length;
    } else if (SHEET_NAME.test(s.slice(i)) && !/^(TRUE|FALSE)\b/i.test(s.slice(i))) {
      const m = SHEET_NAME.exec(s.slice(i))!;
      i += m[0].length;
      refAt(m[0].slice(0, -1));
    } else if (CELL.test(s.slice(i)) && !/^[A-Za-z]+\(/.test(s.slice(i))) {
      refAt(undefined);
    } else if (/[A-Za-z]/.test(c)) {
      const m = /^[A-Za-z][A-Za-z0-9.]*/.exec(s.slice(i))!;
      i += m[0].length;
      const name = m[0].toUpperCase();
      if (s[i] === "(") out.push({ t: "fn", v: name });
      else if (name === "TRUE" || name === "FALSE") out.push({ t: "bool", v: name === "TRUE" });
      else throw new Error(`unknown name ${name} in ${formula}`);
    } else {
      const two = s.slice(i, i + 2);
      if (two === "<>" || two === "<=" || two === ">=") {
        out.push({ t: "op", v: two });
        i += 2;
      } else if ("+-*/&=<>(),{};".includes(c)) {
        out.push({ t: "op", v: c });
        i++;
      } else throw new Error(`unexpected ${c} in ${formula}`);
    }
  }
  return out;
}

// ── syntax tree ──────────────────────────────────────────────────────────
export type Node =
  | { k: "lit"; v: Scalar }
  | { k: "array"; rows: Scalar[][] }
  | { k: "ref"; sheet?: string; from: string; to?: string }
  | { k: "call"; name: string; args: Node[] }
  | { k: "neg"; x: Node }
  | { k: "bin"; op: string; a: Node; b: Node };

export function parse(formula: string): Node {
  const toks = tokenize(formula);
  let i = 0;
  const peek = (): Token | undefined => toks[i];
  const isOp = (v: string): boolean => peek()?.t === "op" && (peek() as { v: string }).v === v;
  const expect = (v: string): void => {
    if (!isOp(v)) throw new Error(`expected ${v} at token ${i} in ${formula}`);
    i++;
  };
  const binary = (ops: string[], next: () => Node): (() => Node) => () => {
    let a = next();
    while (peek()?.t === "op" && ops.includes((peek() as { v: string }).v)) {
      const op = (toks[i++] as { v: string }).v;
      a = { k: "bin", op, a, b: next() };
    }
    return a;
  };
  const primary = (): Node => {
    const t = toks[i++];
    if (!t) throw new Error(`unexpected end of ${formula}`);
    switch (t.t) {
      case "num":
      case "str":
      case "bool":
        return { k: "lit", v: t.v };
      case "ref":
        return { k: "ref", sheet: t.sheet, from: t.from, to: t.to };
      case "fn": {
        expect("(");
        const args: Node[] = [];
        if (!isOp(")")) {
          args.push(comparison());
          while (isOp(",")) {
            i++;
            args.push(comparison());
          }
        }
        expect(")");
        return { k: "call", name: t.v, args };
      }
      case "op":
        if (t.v === "(") {
          const x = comparison();
          expect(")");
          return x;
        }
        if (t.v === "{") {
          const rows: Scalar[][] = [[]];
          for (;;) {
            const item = toks[i++];
            if (!item || (item.t !== "str" && item.t !== "num" && item.t !== "bool")) throw new Error(`bad array constant in ${formula}`);
            rows[rows.length - 1].push(item.v);
            if (isOp(",")) i++;
            else if (isOp(";")) {
              i++;
              rows.push([]);
            } else break;
          }
          expect("}");
          return { k: "array", rows };
        }
        if (t.v === "-") return { k: "neg", x: unary() };
        if (t.v === "+") return unary();
        throw new Error(`unexpected ${t.v} in ${formula}`);
    }
  };
  const unary = (): Node => primary();
  const multiplicative = binary(["*", "/"], unary);
  const additive = binary(["+", "-"], multiplicative);
  const concat = binary(["&"], additive);
  const comparison = binary(["=", "<>", "<", ">", "<=", ">="], concat);
  const tree = comparison();
  if (i !== toks.length) throw new Error(`trailing tokens in ${formula}`);
  return tree;
}

/** Every reference in a formula, as written. */
export function references(formula: string): Array<{ sheet?: string; from: string; to?: string }> {
  return tokenize(formula).flatMap((t) => (t.t === "ref" ? [{ sheet: t.sheet, from: t.from, to: t.to }] : []));
}

/** Every reference under a node of a parsed formula, left to right. */
export function nodeReferences(n: Node): Array<{ sheet?: string; from: string; to?: string }> {
  switch (n.k) {
    case "ref":
      return [{ sheet: n.sheet, from: n.from, to: n.to }];
    case "call":
      return n.args.flatMap(nodeReferences);
    case "neg":
      return nodeReferences(n.x);
    case "bin":
      return [...nodeReferences(n.a), ...nodeReferences(n.b)];
    default:
      return [];
  }
}

export function cellOf(a1: string): { row: number; column: number } {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(a1);
  if (!m) throw new Error(`bad cell ${a1}`);
  return { row: Number(m[2]), column: columnNumber(m[1]) };
}

// ── workbook ─────────────────────────────────────────────────────────────
const key = (row: number, column: number): string => `${row},${column}`;

export class Workbook {
  private readonly sheets = new Map<string, Map<string, CellContent>>();
  private readonly cache = new Map<string, Scalar>();
  private readonly parsed = new Map<string, Node>();
  private readonly evaluating = new Set<string>();

  set(sheet: string, row: number, column: number, content: CellContent): void {
    let s = this.sheets.get(sheet);
    if (!s) this.sheets.set(sheet, (s = new Map()));
    s.set(key(row, column), content);
    this.cache.clear();
  }

  content(sheet: string, row: number, column: number): CellContent | undefined {
    return this.sheets.get(sheet)?.get(key(row, column));
  }

  /** The computed value of a cell (formulas evaluated, with a cycle check). */
  value(sheet: string, row: number, column: number): Scalar {
    const id = `${sheet}!${key(row, column)}`;
    const cached = this.cache.get(id);
    if (cached !== undefined) return cached;
    const c = this.content(sheet, row, column);
    let v: Scalar;
    if (c?.formula) {
      if (this.evaluating.has(id)) throw new Error(`circular reference at ${id}`);
      this.evaluating.add(id);
      try {
        v = this.evaluateFormula(c.formula, sheet);
      } finally {
        this.evaluating.delete(id);
      }
    } else v = c?.value ?? null;
    this.cache.set(id, v);
    return v;
  }

  evaluateFormula(formula: string, sheet: string): Scalar {
    let tree = this.parsed.get(formula);
    if (!tree) this.parsed.set(formula, (tree = parse(formula)));
    const v = new Evaluator(this, sheet).scalar(tree, false);
    // A formula that ends in a blank cell shows 0 (=B4 with B4 empty).
    return v === null ? 0 : v;
  }
}

// ── evaluation ───────────────────────────────────────────────────────────
const isArray = (v: Value): v is ArrayValue => typeof v === "object" && v !== null && (v as ArrayValue).kind === "array";
const isRange = (v: Value): v is RangeValue => typeof v === "object" && v !== null && (v as RangeValue).kind === "range";
const isError = (v: unknown): v is XlError => v instanceof XlError;

function toNumber(v: Scalar): number | XlError {
  if (isError(v)) return v;
  if (v === null) return 0;
  if (typeof v === "number") return v;
  if (typeof v === "boolean") return v ? 1 : 0;
  if (/^\s*[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?\s*$/.test(v)) return Number(v);
  return VALUE;
}

function toText(v: Scalar): string | XlError {
  if (isError(v)) return v;
  if (v === null) return "";
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  if (typeof v === "number") return new D(v.toPrecision(15)).toString();
  return v;
}

function toBool(v: Scalar): boolean | XlError {
  if (isError(v)) return v;
  if (typeof v === "boolean") return v;
  if (v === null) return false;
  if (typeof v === "number") return v !== 0;
  const u = v.toUpperCase();
  if (u === "TRUE" || u === "FALSE") return u === "TRUE";
  return VALUE;
}

/** Excel's ordering: numbers < text < booleans; blank is 0 against numbers, "" against text. */
function compare(a: Scalar, b: Scalar): number | XlError {
  if (isError(a)) return a;
  if (isError(b)) return b;
  const rank = (x: Scalar): number => (typeof x === "number" ? 0 : typeof x === "string" ? 1 : 2);
  if (a === null) a = typeof b === "string" ? "" : typeof b === "boolean" ? false : 0;
  if (b === null) b = typeof a === "string" ? "" : typeof a === "boolean" ? false : 0;
  if (rank(a) !== rank(b)) return rank(a) - rank(b);
  if (typeof a === "string") {
    const x = a.toUpperCase();
    const y = (b as string).toUpperCase();
    return x < y ? -1 : x > y ? 1 : 0;
  }
  const x = Number(a);
  const y = Number(b);
  return x < y ? -1 : x > y ? 1 : 0;
}

function round15(n: number): Decimal {
  return new D(n.toPrecision(15));
}

function wildcardToRegExp(pattern: string): RegExp {
  let re = "";
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === "~" && i + 1 < pattern.length) re += pattern[++i].replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    else if (c === "*") re += "[\\s\\S]*";
    else if (c === "?") re += "[\\s\\S]";
    else re += c.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  }
  return new RegExp(`^${re}$`, "i");
}

/** COUNTIF's criterion as a predicate (the forms the plan uses: text, wildcards, operators). */
function criterion(c: Scalar): (v: Scalar) => boolean {
  if (typeof c === "number") return (v) => typeof v === "number" && v === c;
  const text = String(c ?? "");
  const m = /^(<>|<=|>=|=|<|>)([\s\S]*)$/.exec(text);
  if (m) {
    const [, op, rest] = m;
    const n = toNumber(rest);
    const target: Scalar = rest === "" ? null : typeof n === "number" ? n : rest;
    return (v) => {
      if (target === null) return op === "=" ? v === null || v === "" : op === "<>" ? !(v === null || v === "") : false;
      if (typeof target === "number" && typeof v !== "number") return op === "<>";
      if (typeof target === "string" && typeof v !== "string") return op === "<>";
      const r = compare(v, target) as number;
      return { "=": r === 0, "<>": r !== 0, "<": r < 0, ">": r > 0, "<=": r <= 0, ">=": r >= 0 }[op]!;
    };
  }
  const n = toNumber(text);
  if (text !== "" && typeof n === "number") return (v) => (typeof v === "number" && v === n) || (typeof v === "string" && v === text);
  if (text === "") return (v) => v === null || v === "";
  // Excel matches wildcards against text only, LibreOffice against numbers too: not portable.
  if (/[*?]/.test(text)) throw new Error(`COUNTIF wildcard criterion "${text}" behaves differently in LibreOffice`);
  const re = wildcardToRegExp(text);
  return (v) => typeof v === "string" && re.test(v);
}

class Evaluator {
  constructor(
    private readonly wb: Workbook,
    private readonly sheet: string,
  ) {}

  private range(n: Extract<Node, { k: "ref" }>): RangeValue {
    const a = cellOf(n.from);
    const b = n.to ? cellOf(n.to) : a;
    return {
      kind: "range",
      sheet: n.sheet ?? this.sheet,
      top: Math.min(a.row, b.row),
      left: Math.min(a.column, b.column),
      bottom: Math.max(a.row, b.row),
      right: Math.max(a.column, b.column),
    };
  }

  private cells(r: RangeValue): Scalar[][] {
    const rows: Scalar[][] = [];
    for (let row = r.top; row <= r.bottom; row++) {
      const line: Scalar[] = [];
      for (let col = r.left; col <= r.right; col++) line.push(this.wb.value(r.sheet, row, col));
      rows.push(line);
    }
    return rows;
  }

  /** Evaluates to a scalar, a range (kept as a reference) or an array. */
  private eval(n: Node, arrayMode: boolean): Value {
    switch (n.k) {
      case "lit":
        return n.v;
      case "array":
        return { kind: "array", rows: n.rows };
      case "ref":
        return this.range(n);
      case "neg":
        return this.lift([this.eval(n.x, arrayMode)], arrayMode, ([x]) => {
          const v = toNumber(x);
          return isError(v) ? v : -v;
        });
      case "bin":
        return this.lift([this.eval(n.a, arrayMode), this.eval(n.b, arrayMode)], arrayMode, ([a, b]) => this.binary(n.op, a, b));
      case "call":
        return this.call(n.name, n.args, arrayMode);
    }
  }

  scalar(n: Node, arrayMode: boolean): Scalar {
    const v = this.eval(n, arrayMode);
    return this.toScalar(v, arrayMode);
  }

  private toScalar(v: Value, arrayMode: boolean): Scalar {
    if (isRange(v)) {
      if (v.top === v.bottom && v.left === v.right) return this.wb.value(v.sheet, v.top, v.left);
      throw new Error(`a multi-cell range used where Excel expects one value (implicit intersection)${arrayMode ? "" : " outside SUMPRODUCT"}`);
    }
    if (isArray(v)) {
      if (v.rows.length === 1 && v.rows[0].length === 1) return v.rows[0][0];
      throw new Error("an array used where one value is expected");
    }
    return v;
  }

  /** Applies a scalar function elementwise; arrays and ranges only in array mode. */
  private lift(args: Value[], arrayMode: boolean, fn: (xs: Scalar[]) => Scalar): Value {
    const grids = args.map((a) => {
      if (isRange(a)) {
        if (a.top === a.bottom && a.left === a.right) return this.wb.value(a.sheet, a.top, a.left);
        if (!arrayMode) throw new Error("multi-cell range in a scalar position (Excel would intersect it)");
        return { kind: "array" as const, rows: this.cells(a) };
      }
      if (isArray(a) && !arrayMode && !(a.rows.length === 1 && a.rows[0].length === 1)) throw new Error("array in a scalar position");
      return a;
    });
    const arrays = grids.filter(isArray);
    if (arrays.length === 0) return fn(grids as Scalar[]);
    const h = Math.max(...arrays.map((a) => a.rows.length));
    const w = Math.max(...arrays.map((a) => a.rows[0].length));
    for (const a of arrays) {
      const ok = (a.rows.length === h || a.rows.length === 1) && (a.rows[0].length === w || a.rows[0].length === 1);
      if (!ok) throw new Error("arrays of different shapes");
    }
    const rows: Scalar[][] = [];
    for (let r = 0; r < h; r++) {
      const line: Scalar[] = [];
      for (let c = 0; c < w; c++) {
        line.push(
          fn(
            grids.map((g) => {
              if (!isArray(g)) return g as Scalar;
              return g.rows[g.rows.length === 1 ? 0 : r][g.rows[0].length === 1 ? 0 : c];
            }),
          ),
        );
      }
      rows.push(line);
    }
    return { kind: "array", rows };
  }

  private binary(op: string, a: Scalar, b: Scalar): Scalar {
    if (op === "&") {
      const x = toText(a);
      const y = toText(b);
      return isError(x) ? x : isError(y) ? y : x + y;
    }
    if (["=", "<>", "<", ">", "<=", ">="].includes(op)) {
      const r = compare(a, b);
      if (isError(r)) return r;
      return { "=": r === 0, "<>": r !== 0, "<": r < 0, ">": r > 0, "<=": r <= 0, ">=": r >= 0 }[op]!;
    }
    const x = toNumber(a);
    const y = toNumber(b);
    if (isError(x)) return x;
    if (isError(y)) return y;
    switch (op) {
      case "+":
        return x + y;
      case "-":
        return x - y;
      case "*":
        return x * y;
      case "/":
        return y === 0 ? new XlError("#DIV/0!") : x / y;
    }
    throw new Error(`operator ${op}`);
  }

  /** Every value an aggregate sees: cells of ranges, elements of arrays, scalars. */
  private flat(args: Node[], arrayMode: boolean): Array<{ v: Scalar; fromRef: boolean }> {
    return args.flatMap((a): Array<{ v: Scalar; fromRef: boolean }> => {
      const v = this.eval(a, arrayMode);
      if (isRange(v)) return this.cells(v).flat().map((x) => ({ v: x, fromRef: true }));
      if (isArray(v)) return v.rows.flat().map((x) => ({ v: x, fromRef: true }));
      return [{ v, fromRef: false }];
    });
  }

  private call(name: string, args: Node[], arrayMode: boolean): Value {
    const need = (n: number): void => {
      if (args.length !== n) throw new Error(`${name} takes ${n} arguments`);
    };
    const scalarFn = (fn: (xs: Scalar[]) => Scalar): Value =>
      this.lift(
        args.map((a) => this.eval(a, arrayMode)),
        arrayMode,
        fn,
      );
    switch (name) {
      case "SUM": {
        // Doubles added one by one, as a spreadsheet does: the binary noise is part of the test.
        let s = 0;
        for (const { v, fromRef } of this.flat(args, arrayMode)) {
          if (isError(v)) return v;
          if (typeof v === "number") s += v;
          else if (!fromRef) {
            const n = toNumber(v);
            if (isError(n)) return n;
            s += n;
          }
        }
        return s;
      }
      case "COUNT":
        return this.flat(args, arrayMode).filter(({ v }) => typeof v === "number").length;
      case "N": {
        need(1);
        const v = this.eval(args[0], arrayMode);
        const x = this.toScalar(v, arrayMode);
        if (isError(x)) return x;
        return typeof x === "number" ? x : typeof x === "boolean" ? (x ? 1 : 0) : 0;
      }
      case "COUNTIF": {
        need(2);
        const r = this.eval(args[0], arrayMode);
        if (!isRange(r)) throw new Error("COUNTIF needs a reference");
        const cells = this.cells(r).flat();
        const crit = this.eval(args[1], true);
        const count = (c: Scalar): number => {
          const p = criterion(c);
          return cells.filter((v) => !isError(v) && p(v)).length;
        };
        if (isArray(crit)) return { kind: "array", rows: crit.rows.map((row) => row.map(count)) };
        return count(this.toScalar(crit, true));
      }
      case "SUMPRODUCT": {
        const arrays = args.map((a) => {
          const v = this.eval(a, true);
          if (isRange(v)) return this.cells(v);
          if (isArray(v)) return v.rows;
          return [[v]];
        });
        const h = arrays[0].length;
        const w = arrays[0][0].length;
        if (arrays.some((a) => a.length !== h || a[0].length !== w)) return VALUE;
        let s = 0;
        for (let r = 0; r < h; r++)
          for (let c = 0; c < w; c++) {
            let p = 1;
            for (const a of arrays) {
              const v = a[r][c];
              if (isError(v)) return v;
              p *= typeof v === "number" ? v : 0; // SUMPRODUCT takes anything not a number as 0
            }
            s += p;
          }
        return s;
      }
      case "ISNUMBER":
        need(1);
        return scalarFn(([x]) => typeof x === "number");
      case "ISTEXT":
        need(1);
        return scalarFn(([x]) => typeof x === "string");
      case "TEXT":
        need(2);
        return scalarFn(([x, f]) => {
          if (f !== "0.000000000") throw new Error(`TEXT format ${String(f)} not modelled`);
          if (isError(x)) return x;
          if (typeof x === "string") return x;
          if (typeof x === "boolean") return x ? "TRUE" : "FALSE";
          return round15(x ?? 0).toFixed(9, D.ROUND_HALF_UP);
        });
      case "RIGHT":
      case "LEFT":
        need(2);
        return scalarFn(([x, n]) => {
          const t = toText(x);
          const k = toNumber(n);
          if (isError(t)) return t;
          if (isError(k)) return k;
          const chars = Array.from(t);
          return name === "RIGHT" ? chars.slice(Math.max(0, chars.length - k)).join("") : chars.slice(0, k).join("");
        });
      case "LEN":
        need(1);
        return scalarFn(([x]) => {
          const t = toText(x);
          return isError(t) ? t : Array.from(t).length;
        });
      case "TRIM":
        need(1);
        return scalarFn(([x]) => {
          const t = toText(x);
          return isError(t) ? t : t.replace(/ +/g, " ").replace(/^ | $/g, "");
        });
      case "EXACT":
        need(2);
        return scalarFn(([a, b]) => {
          const x = toText(a);
          const y = toText(b);
          return isError(x) ? x : isError(y) ? y : x === y;
        });
      case "ROUND":
        need(2);
        return scalarFn(([x, n]) => {
          const v = toNumber(x);
          const p = toNumber(n);
          if (isError(v)) return v;
          if (isError(p)) return p;
          const r = round15(v).toDecimalPlaces(p, D.ROUND_HALF_UP);
          return r.isZero() ? 0 : r.toNumber();
        });
      case "HYPERLINK":
        // What the cell shows is the friendly name; the link itself is not evaluated.
        need(2);
        return this.scalar(args[1], arrayMode);
      case "ABS":
        need(1);
        return scalarFn(([x]) => {
          const v = toNumber(x);
          return isError(v) ? v : Math.abs(v);
        });
      case "IF": {
        const c = toBool(this.scalar(args[0], arrayMode));
        if (isError(c)) return c;
        const branch = c ? args[1] : args[2];
        if (!branch) return c ? true : false;
        return this.scalar(branch, arrayMode);
      }
      case "IFERROR": {
        need(2);
        const v = this.scalar(args[0], arrayMode);
        return isError(v) ? this.scalar(args[1], arrayMode) : v;
      }
      case "AND":
      case "OR": {
        const vals = this.flat(args, arrayMode);
        const bools: boolean[] = [];
        for (const { v, fromRef } of vals) {
          if (isError(v)) return v;
          if (fromRef && typeof v === "string") continue;
          if (v === null && fromRef) continue;
          const b = toBool(v);
          if (isError(b)) return b;
          bools.push(b);
        }
        if (bools.length === 0) return VALUE;
        return name === "AND" ? bools.every(Boolean) : bools.some(Boolean);
      }
      case "NOT": {
        need(1);
        const b = toBool(this.scalar(args[0], arrayMode));
        return isError(b) ? b : !b;
      }
    }
    throw new Error(`function ${name} not modelled`);
  }
}
