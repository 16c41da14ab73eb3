/**
 * Evaluates the subset of Excel formulas ZiPing lays out (SUM, ROUND, IF, ABS, COUNT, COUNTA,
 * ISNUMBER, ISTEXT, ISBLANK, COUNTIF, AND, OR, NOT, MAX, MIN, IFERROR; arithmetic, &, comparisons,
 * cross-sheet references and defined names) with Excel's semantics where they decide a verdict:
 * - arithmetic is IEEE double, as in Excel, so 0.1+0.2 is not 0.3 and a bare = on sums can fail;
 * - ROUND rounds half away from zero on the value's 15-significant-digit decimal form, as
 *   Excel's ROUND does (https://support.microsoft.com/office/round-function-c018c5d8-40fb-4053-90b1-b3e7f61a213c);
 * - SUM and COUNT skip text and blanks in ranges but coerce a text argument given directly
 *   (https://support.microsoft.com/office/sum-function-043e1c7d-7726-4e80-8f32-07b23e057f89);
 * - = compares numbers to 15 significant digits (Excel's displayed precision), text without case;
 * - an unknown function is #NAME?, a division by zero #DIV/0!.
 */
import Decimal from "decimal.js";
import { isError, textToNumber, type CellError, type CellResult, type Scalar } from "../cells";
import type { Area } from "../refs";
import type { Node } from "./parse";

export interface RangeValue {
  range: true;
  sheet: string;
  area: Area;
}

type Value = Scalar | CellError | RangeValue;

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

function rangeCells(host: EvalHost, r: RangeValue): CellResult[] {
  const out: CellResult[] = [];
  for (let row = r.area.top; row <= r.area.bottom; row++) {
    for (let column = r.area.left; column <= r.area.right; column++) out.push(host.cellValue(r.sheet, row, column));
  }
  return out;
}

/** A value used where one value is expected: a one-cell range gives its cell. */
function scalarOf(host: EvalHost, v: Value): CellResult {
  if (!isRange(v)) return v;
  const { area } = v;
  if (area.top === area.bottom && area.left === area.right) return host.cellValue(v.sheet, area.top, area.left);
  return err("#VALUE!");
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

/** Excel's General display of a number: at most 15 significant digits, no float artefacts. */
export function displayGeneral(n: number): string {
  if (Number.isInteger(n) && Math.abs(n) < 1e15) return String(n);
  return String(Number(n.toPrecision(15)));
}

/** Excel's ROUND: half away from zero on the 15-digit decimal form of the double. */
export function excelRound(x: number, places: number): number {
  const d = new Decimal(x.toPrecision(15));
  const p = Math.trunc(places);
  const scaled = p >= 0 ? d.toDecimalPlaces(p, Decimal.ROUND_HALF_UP) : d.div(new Decimal(10).pow(-p)).toDecimalPlaces(0, Decimal.ROUND_HALF_UP).times(new Decimal(10).pow(-p));
  return scaled.toNumber();
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

function numbersIn(host: EvalHost, args: Value[], countText: boolean): number[] | CellError {
  const out: number[] = [];
  for (const a of args) {
    if (isRange(a)) {
      for (const c of rangeCells(host, a)) {
        if (isError(c)) return c;
        if (typeof c === "number") out.push(c);
      }
      continue;
    }
    if (isError(a)) return a;
    if (a === null) continue;
    if (typeof a === "string" && !countText) {
      const n = textToNumber(a);
      if (n === undefined) return err("#VALUE!");
      out.push(n);
      continue;
    }
    const n = toNumber(a);
    if (isError(n)) return n;
    out.push(n);
  }
  return out;
}

function criteriaMatcher(criteria: CellResult): (v: CellResult) => boolean {
  if (typeof criteria === "number" || typeof criteria === "boolean" || criteria === null || isError(criteria)) {
    return (v) => !isError(v) && v !== null && compare(v, criteria as Scalar) === 0;
  }
  const m = /^(<=|>=|<>|<|>|=)?(.*)$/s.exec(criteria)!;
  const op = m[1] ?? "=";
  const operand = m[2];
  const n = textToNumber(operand);
  const target: Scalar = n !== undefined ? n : operand;
  const wildcard = typeof target === "string" && /[*?]/.test(target);
  const pattern = wildcard
    ? new RegExp(`^${(target as string).replace(/[.+^${}()|[\]\\]/g, "\\$&").replace(/\*/g, ".*").replace(/\?/g, ".")}$`, "i")
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

type Fn = (host: EvalHost, args: Node[], ev: (n: Node) => Value) => Value;

const FUNCTIONS: Record<string, Fn> = {
  SUM: (host, args, ev) => {
    const ns = numbersIn(host, args.map(ev), false);
    return isError(ns) ? ns : ns.reduce((s, x) => s + x, 0);
  },
  ROUND: (host, args, ev) => {
    if (args.length !== 2) return err("#VALUE!");
    const x = toNumber(scalarOf(host, ev(args[0])));
    const p = toNumber(scalarOf(host, ev(args[1])));
    if (isError(x)) return x;
    if (isError(p)) return p;
    return excelRound(x, p);
  },
  ABS: (host, args, ev) => {
    const x = toNumber(scalarOf(host, ev(args[0])));
    return isError(x) ? x : Math.abs(x);
  },
  IF: (host, args, ev) => {
    const c = toBool(scalarOf(host, ev(args[0])));
    if (isError(c)) return c;
    if (c) return args.length > 1 ? ev(args[1]) : true;
    return args.length > 2 ? ev(args[2]) : false;
  },
  IFERROR: (host, args, ev) => {
    const v = scalarOf(host, ev(args[0]));
    return isError(v) ? ev(args[1]) : v;
  },
  AND: (host, args, ev) => logical(host, args.map(ev), (bs) => bs.every(Boolean)),
  OR: (host, args, ev) => logical(host, args.map(ev), (bs) => bs.some(Boolean)),
  NOT: (host, args, ev) => {
    const b = toBool(scalarOf(host, ev(args[0])));
    return isError(b) ? b : !b;
  },
  COUNT: (host, args, ev) => {
    let n = 0;
    for (const a of args.map(ev)) {
      if (isRange(a)) n += rangeCells(host, a).filter((c) => typeof c === "number").length;
      else if (typeof a === "number" || (typeof a === "string" && textToNumber(a) !== undefined)) n++;
    }
    return n;
  },
  COUNTA: (host, args, ev) => {
    let n = 0;
    for (const a of args.map(ev)) {
      if (isRange(a)) n += rangeCells(host, a).filter((c) => c !== null).length;
      else if (a !== null) n++;
    }
    return n;
  },
  ISNUMBER: (host, args, ev) => typeof scalarOf(host, ev(args[0])) === "number",
  ISTEXT: (host, args, ev) => typeof scalarOf(host, ev(args[0])) === "string",
  ISBLANK: (host, args, ev) => scalarOf(host, ev(args[0])) === null,
  COUNTIF: (host, args, ev) => {
    const r = ev(args[0]);
    if (!isRange(r)) return err("#VALUE!");
    const match = criteriaMatcher(scalarOf(host, ev(args[1])));
    return rangeCells(host, r).filter(match).length;
  },
  MAX: (host, args, ev) => {
    const ns = numbersIn(host, args.map(ev), false);
    return isError(ns) ? ns : ns.length ? Math.max(...ns) : 0;
  },
  MIN: (host, args, ev) => {
    const ns = numbersIn(host, args.map(ev), false);
    return isError(ns) ? ns : ns.length ? Math.min(...ns) : 0;
  },
};

function logical(host: EvalHost, values: Value[], combine: (bs: boolean[]) => boolean): Value {
  const bs: boolean[] = [];
  for (const v of values) {
    if (isRange(v)) {
      for (const c of rangeCells(host, v)) {
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

function arithmetic(op: string, a: number, b: number): number | CellError {
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

export function evaluateNode(host: EvalHost, node: Node, at: EvalPosition): Value {
  const ev = (n: Node): Value => evaluateNode(host, n, at);
  switch (node.kind) {
    case "number":
    case "string":
    case "bool":
      return node.value;
    case "error":
      return err(node.value);
    case "ref": {
      const dr = at.rowOffset ?? 0;
      const dc = at.columnOffset ?? 0;
      const move = (r: typeof node.start) => ({
        row: r.rowAbsolute ? r.row : r.row + dr,
        column: r.columnAbsolute ? r.column : r.column + dc,
      });
      const a = move(node.start);
      const b = node.end ? move(node.end) : a;
      return {
        range: true,
        sheet: node.sheet ?? at.sheet,
        area: { top: Math.min(a.row, b.row), bottom: Math.max(a.row, b.row), left: Math.min(a.column, b.column), right: Math.max(a.column, b.column) },
      };
    }
    case "name": {
      const v = host.resolveName(node.name);
      return v === undefined ? err("#NAME?") : v;
    }
    case "call": {
      const fn = FUNCTIONS[node.name];
      return fn ? fn(host, node.args, ev) : err("#NAME?");
    }
    case "unary": {
      const x = toNumber(scalarOf(host, ev(node.arg)));
      if (isError(x)) return x;
      return node.op === "-" ? -x : x;
    }
    case "percent": {
      const x = toNumber(scalarOf(host, ev(node.arg)));
      return isError(x) ? x : x / 100;
    }
    case "binary": {
      const l = scalarOf(host, ev(node.left));
      const r = scalarOf(host, ev(node.right));
      if (node.op === "&") {
        const a = toText(l);
        const b = toText(r);
        if (isError(a)) return a;
        if (isError(b)) return b;
        return a + b;
      }
      if (["=", "<>", "<", ">", "<=", ">="].includes(node.op)) {
        const c = compare(l, r);
        if (isError(c)) return c;
        switch (node.op) {
          case "=":
            return c === 0;
          case "<>":
            return c !== 0;
          case "<":
            return c < 0;
          case ">":
            return c > 0;
          case "<=":
            return c <= 0;
          default:
            return c >= 0;
        }
      }
      const a = toNumber(l);
      const b = toNumber(r);
      if (isError(a)) return a;
      if (isError(b)) return b;
      return arithmetic(node.op, a, b);
    }
  }
}

/** The value a formula cell shows: a range result collapses to its one cell; blank shows as 0. */
export function evaluateFormula(host: EvalHost, node: Node, at: EvalPosition): CellResult {
  const v = scalarOf(host, evaluateNode(host, node, at));
  if (typeof v === "number" && !Number.isFinite(v)) return err("#NUM!");
  return v === null ? 0 : v;
}
