/**
 * Evaluates the Excel formulas ZiPing lays out — totals, the 校验 sheet's verdicts and the
 * conditional formats — with Excel's semantics where they decide a verdict:
 * - arithmetic is IEEE double, as in Excel, so 0.1+0.2 is not 0.3 and a bare = on sums can fail;
 * - ROUND rounds half away from zero on the value's 15-significant-digit decimal form, as
 *   Excel's ROUND does (https://support.microsoft.com/office/round-function-c018c5d8-40fb-4053-90b1-b3e7f61a213c);
 * - SUM, COUNT skip text and blanks in ranges and arrays but coerce a text argument given directly
 *   (https://support.microsoft.com/office/sum-function-043e1c7d-7726-4e80-8f32-07b23e057f89);
 * - SUMPRODUCT treats non-numeric entries as 0 and evaluates its arguments as arrays, so
 *   ISNUMBER(range), TEXT(range,…), comparisons and COUNTIF(range,{…}) give one result per cell
 *   (https://support.microsoft.com/office/sumproduct-function-16753e75-9f68-4874-94ac-4d2145a2fd2e);
 *   element-wise operations broadcast a single row, column or value, as Excel's arrays do;
 * - COUNTIF criteria: comparison prefixes, * and ? wildcards that match text only, case-insensitive
 *   (https://support.microsoft.com/office/countif-function-e0de10c6-f885-4e71-abb4-1f464816df34);
 * - TEXT formats numbers with the same display rules as cells (15 significant digits first);
 * - = compares numbers to 15 significant digits (Excel's precision), text without case;
 * - an unknown function is #NAME?, a division by zero #DIV/0!.
 */
import Decimal from "decimal.js";
import { isError, textToNumber, type CellError, type CellResult, type Scalar } from "./values";
import { displayGeneral, displayText } from "./display";
import type { Area } from "../excel/address";
import type { Node } from "./parse";

export interface RangeValue {
  range: true;
  sheet: string;
  area: Area;
}

interface ArrayValue {
  array: CellResult[][];
}

type Value = Scalar | CellError | RangeValue | ArrayValue;

export interface EvalHost {
  /** Computed value of a cell (null when empty); an error value when the sheet does not exist. */
  cellValue(sheet: string, row: number, column: number): CellResult;
  /** A defined name: its range, or a constant, or undefined when there is no such name. */
  resolveName(name: string): RangeValue | CellResult | undefined;
}

export interface EvalPosition {
  sheet: string;
  /** Offset applied to relative references (conditional formats evaluated per cell). */
  rowOffset?: number;
  columnOffset?: number;
}

const err = (code: string): CellError => ({ error: code });
const isRange = (v: Value): v is RangeValue => typeof v === "object" && v !== null && "range" in v;
const isArray = (v: Value): v is ArrayValue => typeof v === "object" && v !== null && "array" in v;

/** Excel's ROUND: half away from zero on the 15-digit decimal form of the double. */
export function excelRound(x: number, places: number): number {
  const d = new Decimal(x.toPrecision(15));
  const p = Math.trunc(places);
  if (p >= 0) return d.toDecimalPlaces(p, Decimal.ROUND_HALF_UP).toNumber();
  const unit = new Decimal(10).pow(-p);
  return d.div(unit).toDecimalPlaces(0, Decimal.ROUND_HALF_UP).times(unit).toNumber();
}

class Evaluator {
  constructor(
    private readonly host: EvalHost,
    private readonly at: EvalPosition,
  ) {}

  // ---- shapes ----------------------------------------------------------------------------

  grid(v: Value): CellResult[][] {
    if (isArray(v)) return v.array;
    if (isRange(v)) {
      const out: CellResult[][] = [];
      for (let r = v.area.top; r <= v.area.bottom; r++) {
        const row: CellResult[] = [];
        for (let c = v.area.left; c <= v.area.right; c++) row.push(this.host.cellValue(v.sheet, r, c));
        out.push(row);
      }
      return out;
    }
    return [[v]];
  }

  isMulti(v: Value): boolean {
    if (isArray(v)) return v.array.length > 1 || (v.array[0]?.length ?? 0) > 1;
    if (isRange(v)) return v.area.top !== v.area.bottom || v.area.left !== v.area.right;
    return false;
  }

  /** One value where one is expected: a one-cell range gives its cell, an array its first element. */
  scalar(v: Value): CellResult {
    if (isArray(v)) return v.array[0]?.[0] ?? null;
    if (isRange(v)) {
      if (this.isMulti(v)) return err("#VALUE!");
      return this.host.cellValue(v.sheet, v.area.top, v.area.left);
    }
    return v;
  }

  /** Applies f per element when an argument is an array or a multi-cell range. */
  map(args: Value[], f: (...xs: CellResult[]) => CellResult): Value {
    if (!args.some((a) => this.isMulti(a))) return f(...args.map((a) => this.scalar(a)));
    const grids = args.map((a) => this.grid(a));
    const rows = Math.max(...grids.map((g) => g.length));
    const cols = Math.max(...grids.map((g) => g[0]?.length ?? 0));
    const pick = (g: CellResult[][], i: number, j: number): CellResult => {
      const r = g.length === 1 ? 0 : i;
      const c = (g[0]?.length ?? 0) === 1 ? 0 : j;
      return r < g.length && c < (g[r]?.length ?? 0) ? g[r][c] : err("#N/A");
    };
    const out: CellResult[][] = [];
    for (let i = 0; i < rows; i++) {
      const row: CellResult[] = [];
      for (let j = 0; j < cols; j++) row.push(f(...grids.map((g) => pick(g, i, j))));
      out.push(row);
    }
    return { array: out };
  }

  /** Elements of ranges and arrays (skip-text semantics) and direct arguments (coerced). */
  numbers(args: Value[]): number[] | CellError {
    const out: number[] = [];
    for (const a of args) {
      if (isRange(a) || isArray(a)) {
        for (const c of this.grid(a).flat()) {
          if (isError(c)) return c;
          if (typeof c === "number") out.push(c);
        }
        continue;
      }
      if (a === null) continue;
      const n = toNumber(a);
      if (isError(n)) return n;
      out.push(n);
    }
    return out;
  }

  // ---- evaluation ------------------------------------------------------------------------

  eval(node: Node): Value {
    switch (node.kind) {
      case "number":
      case "string":
      case "bool":
        return node.value;
      case "error":
        return err(node.value);
      case "array":
        return { array: node.rows.map((r) => r.map((x) => x as CellResult)) };
      case "ref": {
        const dr = this.at.rowOffset ?? 0;
        const dc = this.at.columnOffset ?? 0;
        const move = (r: typeof node.start) => ({
          row: r.rowAbsolute ? r.row : r.row + dr,
          column: r.columnAbsolute ? r.column : r.column + dc,
        });
        const a = move(node.start);
        const b = node.end ? move(node.end) : a;
        return {
          range: true,
          sheet: node.sheet ?? this.at.sheet,
          area: { top: Math.min(a.row, b.row), bottom: Math.max(a.row, b.row), left: Math.min(a.column, b.column), right: Math.max(a.column, b.column) },
        };
      }
      case "name": {
        const v = this.host.resolveName(node.name);
        return v === undefined ? err("#NAME?") : v;
      }
      case "call": {
        const fn = FUNCTIONS[node.name];
        return fn ? fn(this, node.args) : err("#NAME?");
      }
      case "unary":
        return this.map([this.eval(node.arg)], (x) => {
          const n = toNumber(x);
          return isError(n) ? n : node.op === "-" ? -n : n;
        });
      case "percent":
        return this.map([this.eval(node.arg)], (x) => {
          const n = toNumber(x);
          return isError(n) ? n : n / 100;
        });
      case "binary":
        return this.map([this.eval(node.left), this.eval(node.right)], (l, r) => binary(node.op, l, r));
    }
  }
}

function toNumber(v: CellResult): number | CellError {
  if (isError(v)) return v;
  if (v === null) return 0;
  if (typeof v === "number") return v;
  if (typeof v === "boolean") return v ? 1 : 0;
  const n = textToNumber(v);
  return n === undefined ? err("#VALUE!") : n;
}

function toBool(v: CellResult): boolean | CellError {
  if (isError(v)) return v;
  if (v === null) return false;
  if (typeof v === "boolean") return v;
  if (typeof v === "number") return v !== 0;
  if (/^true$/i.test(v)) return true;
  if (/^false$/i.test(v)) return false;
  return err("#VALUE!");
}

function toText(v: CellResult): string | CellError {
  if (isError(v)) return v;
  if (v === null) return "";
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  if (typeof v === "number") return displayGeneral(v);
  return v;
}

function sameNumber(a: number, b: number): boolean {
  return a === b || Number(a.toPrecision(15)) === Number(b.toPrecision(15));
}

/** Excel's ordering across types: numbers < text < booleans; blank acts as 0, "" or FALSE. */
function compare(a: CellResult, b: CellResult): number | CellError {
  if (isError(a)) return a;
  if (isError(b)) return b;
  const rank = (v: Scalar) => (typeof v === "number" ? 0 : typeof v === "string" ? 1 : typeof v === "boolean" ? 2 : -1);
  let x: Scalar = a;
  let y: Scalar = b;
  if (x === null) x = y === null ? 0 : typeof y === "string" ? "" : typeof y === "boolean" ? false : 0;
  if (y === null) y = typeof x === "string" ? "" : typeof x === "boolean" ? false : 0;
  if (rank(x) !== rank(y)) return rank(x) - rank(y);
  if (typeof x === "number" && typeof y === "number") return sameNumber(x, y) ? 0 : x < y ? -1 : 1;
  if (typeof x === "string" && typeof y === "string") {
    const p = x.toLowerCase();
    const q = y.toLowerCase();
    return p === q ? 0 : p < q ? -1 : 1;
  }
  return x === y ? 0 : x ? 1 : -1;
}

function binary(op: string, l: CellResult, r: CellResult): CellResult {
  if (op === "&") {
    const a = toText(l);
    const b = toText(r);
    if (isError(a)) return a;
    if (isError(b)) return b;
    return a + b;
  }
  if (["=", "<>", "<", ">", "<=", ">="].includes(op)) {
    const c = compare(l, r);
    if (isError(c)) return c;
    return op === "=" ? c === 0 : op === "<>" ? c !== 0 : op === "<" ? c < 0 : op === ">" ? c > 0 : op === "<=" ? c <= 0 : c >= 0;
  }
  const a = toNumber(l);
  const b = toNumber(r);
  if (isError(a)) return a;
  if (isError(b)) return b;
  switch (op) {
    case "+":
      return a + b;
    case "-":
      return a - b;
    case "*":
      return a * b;
    case "/":
      return b === 0 ? err("#DIV/0!") : a / b;
    case "^":
      return Math.pow(a, b);
  }
  return err("#VALUE!");
}

function criteriaMatcher(criteria: CellResult): (v: CellResult) => boolean {
  if (typeof criteria !== "string") {
    return (v) => !isError(v) && v !== null && !isError(criteria) && compare(v, criteria) === 0;
  }
  const m = /^(<=|>=|<>|<|>|=)?(.*)$/s.exec(criteria)!;
  const op = m[1] ?? "=";
  const operand = m[2];
  const n = textToNumber(operand);
  const target: Scalar = n !== undefined ? n : operand;
  const wildcard = typeof target === "string" && /[*?]/.test(target);
  const pattern = wildcard
    ? new RegExp(`^${(target as string).replace(/[.+^${}()|[\]\\]/g, "\\$&").replace(/\*/g, ".*").replace(/\?/g, ".")}$`, "is")
    : undefined;
  return (v) => {
    if (isError(v)) return false;
    if (op === "=" || op === "<>") {
      let equal: boolean;
      if (target === "") equal = v === null || v === "";
      else if (pattern) equal = typeof v === "string" && pattern.test(v);
      else if (typeof target === "number") equal = typeof v === "number" && sameNumber(v, target);
      else equal = typeof v === "string" && v.toLowerCase() === target.toLowerCase();
      return op === "=" ? equal : !equal;
    }
    if (v === null || typeof v !== typeof target) return false;
    const c = compare(v, target) as number;
    return op === "<" ? c < 0 : op === ">" ? c > 0 : op === "<=" ? c <= 0 : c >= 0;
  };
}

function textOf(v: CellResult, format: CellResult): CellResult {
  if (isError(v)) return v;
  if (isError(format)) return format;
  const f = toText(format) as string;
  if (typeof v === "string") {
    const n = textToNumber(v);
    return n === undefined ? v : displayText(n, f);
  }
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  return displayText(v ?? 0, f);
}

type Fn = (e: Evaluator, args: Node[]) => Value;

const elementwise =
  (f: (...xs: CellResult[]) => CellResult): Fn =>
  (e, args) =>
    e.map(args.map((a) => e.eval(a)), f);

function logical(e: Evaluator, args: Node[], combine: (bs: boolean[]) => boolean): Value {
  const bs: boolean[] = [];
  for (const v of args.map((a) => e.eval(a))) {
    if (isRange(v) || isArray(v)) {
      for (const c of e.grid(v).flat()) {
        if (isError(c)) return c;
        if (typeof c === "boolean") bs.push(c);
        else if (typeof c === "number") bs.push(c !== 0);
      }
      continue;
    }
    const b = toBool(v);
    if (isError(b)) return b;
    bs.push(b);
  }
  return bs.length ? combine(bs) : err("#VALUE!");
}

const FUNCTIONS: Record<string, Fn> = {
  SUM: (e, args) => {
    const ns = e.numbers(args.map((a) => e.eval(a)));
    return isError(ns) ? ns : ns.reduce((s, x) => s + x, 0);
  },
  SUMPRODUCT: (e, args) => {
    const grids = args.map((a) => e.grid(e.eval(a)));
    const rows = grids[0]?.length ?? 0;
    const cols = grids[0]?.[0]?.length ?? 0;
    if (grids.some((g) => g.length !== rows || (g[0]?.length ?? 0) !== cols)) return err("#VALUE!");
    let total = 0;
    for (let i = 0; i < rows; i++) {
      for (let j = 0; j < cols; j++) {
        let product = 1;
        for (const g of grids) {
          const v = g[i][j];
          if (isError(v)) return v;
          product *= typeof v === "number" ? v : 0;
        }
        total += product;
      }
    }
    return total;
  },
  ROUND: (e, args) => {
    if (args.length !== 2) return err("#VALUE!");
    return e.map([e.eval(args[0]), e.eval(args[1])], (x, p) => {
      const a = toNumber(x);
      const b = toNumber(p);
      if (isError(a)) return a;
      if (isError(b)) return b;
      return excelRound(a, b);
    });
  },
  /** Rounds down to a whole number (toward −∞), as Excel's INT: the 绩效评分 sheet counts whole steps with it. */
  INT: elementwise((x) => {
    const n = toNumber(x);
    return isError(n) ? n : Math.floor(n);
  }),
  ABS: elementwise((x) => {
    const n = toNumber(x);
    return isError(n) ? n : Math.abs(n);
  }),
  N: (e, args) => {
    const v = e.eval(args[0]);
    const x = isRange(v) ? e.grid(v)[0][0] : e.scalar(v);
    if (isError(x)) return x;
    return typeof x === "number" ? x : typeof x === "boolean" ? (x ? 1 : 0) : 0;
  },
  IF: (e, args) => {
    const c = toBool(e.scalar(e.eval(args[0])));
    if (isError(c)) return c;
    if (c) return args.length > 1 ? e.eval(args[1]) : true;
    return args.length > 2 ? e.eval(args[2]) : false;
  },
  // HYPERLINK(link, [friendly name]): the cell shows the friendly name, or the link without one;
  // following the link is the spreadsheet's business, not the value's.
  HYPERLINK: (e, args) => {
    if (args.length < 1 || args.length > 2) return err("#VALUE!");
    return e.scalar(e.eval(args[args.length - 1]));
  },
  IFERROR: (e, args) => {
    const v = e.scalar(e.eval(args[0]));
    return isError(v) ? e.eval(args[1]) : v;
  },
  // Excel's TRUE() and FALSE() functions: LibreOffice writes a bare FALSE this way when it saves.
  TRUE: () => true,
  FALSE: () => false,
  AND: (e, args) => logical(e, args, (bs) => bs.every(Boolean)),
  OR: (e, args) => logical(e, args, (bs) => bs.some(Boolean)),
  NOT: elementwise((x) => {
    const b = toBool(x);
    return isError(b) ? b : !b;
  }),
  COUNT: (e, args) => {
    let n = 0;
    for (const a of args.map((x) => e.eval(x))) {
      if (isRange(a) || isArray(a)) n += e.grid(a).flat().filter((c) => typeof c === "number").length;
      else if (typeof a === "number" || (typeof a === "string" && textToNumber(a) !== undefined)) n++;
    }
    return n;
  },
  COUNTA: (e, args) => {
    let n = 0;
    for (const a of args.map((x) => e.eval(x))) {
      if (isRange(a) || isArray(a)) n += e.grid(a).flat().filter((c) => c !== null).length;
      else if (a !== null) n++;
    }
    return n;
  },
  COUNTIF: (e, args) => {
    const r = e.eval(args[0]);
    if (!isRange(r)) return err("#VALUE!");
    const cells = e.grid(r).flat();
    const criteria = e.eval(args[1]);
    const count = (c: CellResult) => cells.filter(criteriaMatcher(c)).length;
    return isArray(criteria) || isRange(criteria) ? { array: e.grid(criteria).map((row) => row.map(count)) } : count(criteria);
  },
  ISNUMBER: elementwise((x) => typeof x === "number"),
  ISTEXT: elementwise((x) => typeof x === "string"),
  ISBLANK: elementwise((x) => x === null),
  TEXT: elementwise(textOf),
  LEFT: elementwise((x, n) => {
    const t = toText(x);
    const k = n === undefined ? 1 : toNumber(n);
    if (isError(t)) return t;
    if (isError(k)) return k;
    return [...t].slice(0, k).join("");
  }),
  RIGHT: elementwise((x, n) => {
    const t = toText(x);
    const k = n === undefined ? 1 : toNumber(n);
    if (isError(t)) return t;
    if (isError(k)) return k;
    const chars = [...t];
    return k <= 0 ? "" : chars.slice(Math.max(0, chars.length - k)).join("");
  }),
  LEN: elementwise((x) => {
    const t = toText(x);
    return isError(t) ? t : [...t].length;
  }),
  /** TRIM removes spaces (U+0020 only) at both ends and collapses runs inside to one. */
  TRIM: elementwise((x) => {
    const t = toText(x);
    return isError(t) ? t : t.replace(/ +/g, " ").replace(/^ | $/g, "");
  }),
  EXACT: elementwise((a, b) => {
    const x = toText(a);
    const y = toText(b);
    if (isError(x)) return x;
    if (isError(y)) return y;
    return x === y;
  }),
  MAX: (e, args) => {
    const ns = e.numbers(args.map((a) => e.eval(a)));
    return isError(ns) ? ns : ns.length ? Math.max(...ns) : 0;
  },
  MIN: (e, args) => {
    const ns = e.numbers(args.map((a) => e.eval(a)));
    return isError(ns) ? ns : ns.length ? Math.min(...ns) : 0;
  },
};

/** The value a formula cell shows: a range or array result gives its first cell; blank shows as 0. */
export function evaluateFormula(host: EvalHost, node: Node, at: EvalPosition): CellResult {
  const e = new Evaluator(host, at);
  const result = e.eval(node);
  const v = isRange(result) ? e.grid(result)[0][0] : e.scalar(result);
  if (typeof v === "number" && !Number.isFinite(v)) return err("#NUM!");
  return v === null ? 0 : v;
}
