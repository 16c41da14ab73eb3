import { Dec, withoutNegativeZero } from "./decimal";

/**
 * What a cell holds, read as an amount.
 * - amount: `value` is the number as written, in the unit written (the caller
 *   converts 万元/元 with `unitHint`), except that a percentage is already a
 *   ratio ("44.77%" -> 0.4477). `decimals` counts the digits after the point
 *   as written ("1,299.70" -> 2, "105" -> 0; for scientific notation, the
 *   places of the value written: "1.29977E+3" -> 2). `negative` is true when
 *   the value is below zero (a sign written on zero is dropped: "-0" is 0).
 * - none: the cell deliberately holds no figure (empty, "-", "—", "/", "无", "本表无数据").
 * - invalid: anything that is not one unambiguous number; `reason` says why,
 *   in Chinese, quoting the part of the text at fault.
 */
export type ParsedAmount =
  | { kind: "amount"; value: Dec; decimals: number; negative: boolean; unitHint?: UnitHint }
  | { kind: "none"; text: string }
  | { kind: "invalid"; text: string; reason: string };

export type UnitHint = "元" | "万元" | "%";

/**
 * Amounts stay within 20 integer and 20 fraction digits, so every sum of them
 * fits Dec's 40-digit precision and stays exact. Nothing in a budget table
 * comes near either limit; a value beyond them is a pasting accident.
 */
export const MAX_INTEGER_DIGITS = 20;
export const MAX_DECIMAL_PLACES = 20;

/** Beyond this an exponent is certainly not an amount (and would make decimal.js build huge strings). */
const MAX_WRITTEN_EXPONENT = 100;

const REASON_PREFIX = "无法识别为金额：";

/**
 * Read a cell as an amount. Accepts what officers type and exports write:
 * thousands separators, full-width digits and punctuation, ￥/¥/RMB, a
 * trailing 元/万元/万, percentages, accounting negatives "(12.30)" and
 * "▲12.30", Excel's text apostrophe and scientific notation, JS numbers.
 * Never throws.
 */
export function parseAmount(text: string | number | null | undefined): ParsedAmount {
  if (text === null || text === undefined) return { kind: "none", text: "" };
  if (typeof text === "number") {
    if (!Number.isFinite(text)) return invalid(String(text), `不是有限的数“${String(text)}”`);
    // String(n) is the shortest text that reads back as n: 1112.8 -> "1112.8".
    return parseText(String(text));
  }
  // Callers in plain JavaScript (or Office.js values typed loosely) may pass other things.
  if (typeof text !== "string") return invalid(String(text), `不是数字或文本“${String(text)}”`);
  const plain = parsePlainDecimal(text);
  if (plain) return plain;
  try {
    return parseText(text);
  } catch {
    // A safety net only: the scanner builds valid decimal strings, but a cell
    // must never crash the pane or the CLI.
    return invalid(text, `无法解析“${text}”`);
  }
}

/**
 * The fast path for a plain decimal ("1299.77", "-12.3", "0", or correctly grouped:
 * "12,997,700.00"), giving exactly what the full scanner gives for it (a test compares the two);
 * everything else, irregular grouping included, goes through the scanner and its messages.
 * Checking a workbook parses every cell on every edit, so this is the hot path.
 */
function parsePlainDecimal(text: string): ParsedAmount | undefined {
  const written = plainDecimalText(text);
  if (written === undefined) return undefined;
  // The fraction is everything after the point; the written form keeps every decimal typed and
  // never writes a zero with a minus sign.
  const point = written.indexOf(".");
  const value = new Dec(written);
  return { kind: "amount", value, decimals: point < 0 ? 0 : written.length - point - 1, negative: value.isNegative() };
}

const GROUPED_DECIMAL = /^-?[1-9]\d{0,2}(?:,\d{3})+(?:\.\d{1,20})?$/;

/**
 * What parseAmount(text).value.toFixed(decimals) gives for a plain or correctly grouped decimal
 * ("12,997,700.50" → "12997700.50", "007" → "7", "-0.00" → "0.00"), made from the text without
 * building a decimal: an import writes this for every cell. Undefined for anything else.
 */
export function plainDecimalText(text: string): string | undefined {
  const plain = text.includes(",") ? (GROUPED_DECIMAL.test(text) ? text.replace(/,/g, "") : undefined) : text;
  if (plain === undefined) return undefined;
  // -?\d{1,20}(\.\d{1,20})? read by hand: a cell already in written form is returned as it is.
  const negative = plain.charCodeAt(0) === 45; // "-"
  const start = negative ? 1 : 0;
  const integerEnd = digitsEnd(plain, start);
  if (integerEnd === start || integerEnd - start > MAX_INTEGER_DIGITS) return undefined;
  if (integerEnd < plain.length) {
    if (plain.charCodeAt(integerEnd) !== 46) return undefined; // "."
    const end = digitsEnd(plain, integerEnd + 1);
    if (end !== plain.length || end === integerEnd + 1 || end - integerEnd - 1 > MAX_DECIMAL_PLACES) return undefined;
  }
  let first = start;
  while (first < integerEnd - 1 && plain.charCodeAt(first) === 48) first++; // leading "0"
  if (!negative) return first === 0 ? plain : plain.slice(first);
  const body = plain.slice(first);
  // "-0.00" is written "0.00", as Dec writes a zero.
  return /[1-9]/.test(body) ? `-${body}` : body;
}

/** Position after the run of ASCII digits starting at `from`. */
function digitsEnd(text: string, from: number): number {
  let k = from;
  while (k < text.length) {
    const c = text.charCodeAt(k);
    if (c < 48 || c > 57) break;
    k++;
  }
  return k;
}

/** Exposed for the test that holds the fast path to the scanner's result. */
export function parseWithScanner(text: string): ParsedAmount {
  return parseText(text);
}

function invalid(text: string, detail: string): ParsedAmount {
  return { kind: "invalid", text, reason: REASON_PREFIX + detail };
}

/** Unicode spaces Excel, Word and Chinese input methods leave in cells. */
const SPACE = /[\s\u200b]/;

/** Map one code point to the ASCII form the scanner reads; anything else passes through. */
function normalizeChar(c: string): string {
  const code = c.codePointAt(0) ?? 0;
  // Full-width ASCII block (１２９９．７７ ，－（）％＋＇): same layout, offset 0xFEE0.
  if (code >= 0xff01 && code <= 0xff5e) return String.fromCharCode(code - 0xfee0);
  if (SPACE.test(c)) return " ";
  if (c === "\u2212" || c === "\ufe63") return "-"; // minus sign, small hyphen-minus
  if (c === "\uffe5" || c === "\u00a5") return "¥"; // full-width and half-width yen/yuan sign
  if (c === "\u2018" || c === "\u2019") return "'"; // Word's curly apostrophes
  return c;
}

/** Whole-cell markers for "no figure here" (after trimming). */
/** 本表无数据: how the 决算 tables mark a table the department has nothing to report in. */
export const NO_DATA_PHRASE = "本表无数据";

function isNoFigure(body: string): boolean {
  return body === "" || body === "/" || body === "无" || body === NO_DATA_PHRASE || /^[-\u2013\u2014\u2015]+$/.test(body);
}

const isDigit = (c: string | undefined): boolean => c !== undefined && c >= "0" && c <= "9";
const isLetter = (c: string): boolean => /\p{L}/u.test(c);
const SIGNS = new Set(["+", "-", "▲"]);
const CURRENCY_WORDS = ["RMB", "CNY"];

interface WrittenNumber {
  integerDigits: string;
  fraction: string;
  exponent: number;
}

/** Scans one trimmed cell: [sign|currency|"("]* number [")"|"%"|unit]*. */
function parseText(text: string): ParsedAmount {
  const raw = Array.from(text);
  const chars = raw.map(normalizeChar);
  let start = 0;
  let end = chars.length;
  while (start < end && chars[start] === " ") start++;
  while (end > start && chars[end - 1] === " ") end--;
  // Excel's "store as text" apostrophe.
  if (chars[start] === "'") {
    start++;
    while (start < end && chars[start] === " ") start++;
  }
  const body = chars.slice(start, end).join("");
  if (isNoFigure(body)) return { kind: "none", text };

  const quote = (from: number, to: number): string => `“${raw.slice(from, to).join("")}”`;
  const whole = quote(start, end);
  const fail = (detail: string): ParsedAmount => invalid(text, detail);

  if (body.startsWith("#")) return fail(`单元格是 Excel 错误值${whole}`);

  /** Explains a character the grammar has no place for. */
  const unexpected = (at: number): ParsedAmount => {
    if (isLetter(chars[at] ?? "")) {
      let to = at;
      while (to < end && isLetter(chars[to] ?? "")) to++;
      return fail(`含有文字${quote(at, to)}`);
    }
    return fail(`含有无法识别的符号${quote(at, at + 1)}`);
  };
  let i = start;
  const skipSpaces = (): void => {
    while (i < end && chars[i] === " ") i++;
  };

  // Prefix: one sign, one currency mark, one opening parenthesis, any order.
  let sign: string | undefined;
  let currency = false;
  let parenthesised = false;
  for (;;) {
    skipSpaces();
    const c = chars[i];
    if (c === undefined || i >= end) break;
    const word = chars.slice(i, i + 3).join("").toUpperCase();
    if (SIGNS.has(c)) {
      if (sign !== undefined) return fail(`正负号重复${whole}`);
      if (parenthesised) return fail(`括号已表示负数，不能再带正负号${whole}`);
      sign = c;
      i++;
    } else if (c === "¥" || CURRENCY_WORDS.includes(word)) {
      if (currency) return fail(`货币符号重复${whole}`);
      currency = true;
      i += c === "¥" ? 1 : 3;
    } else if (c === "(") {
      if (parenthesised) return fail(`括号重复${whole}`);
      if (sign !== undefined) return fail(`括号已表示负数，不能再带正负号${whole}`);
      parenthesised = true;
      i++;
    } else break;
  }

  const startsNumber = (c: string | undefined): boolean => isDigit(c) || c === "." || c === ",";
  if (i >= end) return fail(`没有数字${whole}`);
  if (!startsNumber(chars[i])) {
    const digitAhead = chars.slice(i, end).some(isDigit);
    return digitAhead || isLetter(chars[i] ?? "") ? unexpected(i) : fail(`没有数字${whole}`);
  }

  // The number: digits, "," and "." then an optional exponent.
  const numberStart = i;
  while (i < end && startsNumber(chars[i])) i++;
  const mantissa = chars.slice(numberStart, i).join("");
  let exponentText: string | undefined;
  const afterE = chars[i + 1] === "+" || chars[i + 1] === "-" ? i + 2 : i + 1;
  if ((chars[i] === "e" || chars[i] === "E") && isDigit(chars[afterE]) && afterE < end) {
    let to = afterE;
    while (to < end && isDigit(chars[to])) to++;
    exponentText = chars.slice(i + 1, to).join("");
    i = to;
  }
  const written = readNumber(mantissa, exponentText);
  if (typeof written === "string") return fail(`${written}${quote(numberStart, i)}`);

  // Suffix: closing parenthesis, percent sign, unit, any order, each once.
  let closed = false;
  let percent = false;
  let unit: "元" | "万元" | undefined;
  for (;;) {
    const before = i;
    skipSpaces();
    const c = chars[i];
    if (c === undefined || i >= end) break;
    if (startsNumber(c)) {
      if (i === before && exponentText !== undefined) return fail(`科学计数法写法不对${whole}`);
      return fail(`数字之间有空格或符号，像是两个数${whole}`);
    }
    if (c === ")") {
      if (!parenthesised || closed) return fail(`括号不成对${whole}`);
      closed = true;
      i++;
    } else if (c === "%") {
      if (percent) return fail(`百分号重复${whole}`);
      percent = true;
      i++;
    } else if (c === "元" || c === "万") {
      if (unit !== undefined) return fail(`单位重复${whole}`);
      // "6.45万" in the reports means 6.45万元.
      const wan = c === "万";
      unit = wan ? "万元" : "元";
      i += wan && chars[i + 1] === "元" ? 2 : 1;
    } else if (SIGNS.has(c)) {
      return fail(`正负号位置不对${whole}`);
    } else if (c === "(") {
      return fail(`括号位置不对${whole}`);
    } else {
      return unexpected(i);
    }
  }
  if (parenthesised && !closed) return fail(`括号不成对${whole}`);
  if (percent && unit !== undefined) return fail(`百分号和单位不能同时出现${whole}`);
  if (percent && currency) return fail(`百分数不能带货币符号${whole}`);

  const shift = percent ? -2 : 0;
  const digits = `${written.integerDigits || "0"}.${written.fraction || "0"}`;
  const magnitude = new Dec(`${digits}e${written.exponent + shift}`);
  if (!magnitude.isZero() && magnitude.e >= MAX_INTEGER_DIGITS) {
    return fail(`数值超出范围${whole}（整数部分最多${MAX_INTEGER_DIGITS}位）`);
  }
  if (magnitude.decimalPlaces() > MAX_DECIMAL_PLACES) {
    return fail(`小数位数过多${whole}（最多${MAX_DECIMAL_PLACES}位）`);
  }
  const negative = parenthesised || sign === "-" || sign === "▲";
  const value = withoutNegativeZero(negative ? magnitude.negated() : magnitude);
  const decimals = Math.max(0, written.fraction.length - written.exponent);
  const unitHint: UnitHint | undefined = percent ? "%" : unit;
  return {
    kind: "amount",
    value,
    decimals,
    negative: value.isNegative(),
    ...(unitHint === undefined ? {} : { unitHint }),
  };
}

/**
 * Checks the digits of one number and splits them. Thousands separators must
 * group by three from the point ("1,299.77"); Indian or 万 grouping
 * ("1,29,999", "12,99.77") is refused as ambiguous, as is a comma after the
 * point (a European decimal comma). Returns a Chinese reason on failure.
 */
function readNumber(mantissa: string, exponentText: string | undefined): WrittenNumber | string {
  const points = mantissa.split(".").length - 1;
  if (points > 1) return "有两个小数点";
  const [integerPart = "", fraction = ""] = mantissa.split(".");
  if (integerPart === "" && fraction === "") return "没有数字";
  if (fraction.includes(",")) return "千分位分隔符位置不对";
  let integerDigits = integerPart;
  if (integerPart.includes(",")) {
    if (exponentText !== undefined) return "科学计数法里不能有千分位分隔符";
    const [first = "", ...rest] = integerPart.split(",");
    const firstOk = /^[1-9]\d{0,2}$/.test(first);
    if (!firstOk || rest.some((group) => !/^\d{3}$/.test(group))) return "千分位分隔符位置不对";
    integerDigits = integerPart.replace(/,/g, "");
  }
  const exponent = exponentText === undefined ? 0 : Number(exponentText);
  if (exponent > MAX_WRITTEN_EXPONENT) return "数值超出范围";
  if (exponent < -MAX_WRITTEN_EXPONENT) return "小数位数过多";
  return { integerDigits, fraction, exponent };
}
