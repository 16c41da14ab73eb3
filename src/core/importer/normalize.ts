/**
 * Label text as exports write it, reduced to what identifies it: the same header or row label
 * written with full-width letters, spaces from a PDF, （）or ()，“”, a 其中： or 1、 prefix, or a
 * trailing 数/金额 normalises to one string. Regexes here are anchored and have no nested
 * quantifiers, so each call is linear in the label's length.
 */
export function normalizeLabel(text: string): string {
  let s = text.normalize("NFKC");
  // Blanks and quotes go (removing both sets at once is removing one, then the other).
  s = s.replace(/[\s\u200b\ufeff\u3000"'“”‘’「」『』《》〈〉]+/g, "");
  s = s.replace(/^(?:其中|含)[:：]?/, "");
  s = stripEnumeration(s);
  s = s.replace(/[(（\[【](?:单位[:：]?)?(?:人民币)?(?:万元|元)[)）\]】]$/, "");
  s = s.replace(/[:：]$/, "");
  const trimmed = s.replace(/(?:数|金额)$/, "");
  if (trimmed !== s && trimmed.length >= 2) s = trimmed;
  return s.toLowerCase();
}

/** "1、" "2." "（一）" "一、" "(3)" "①" in front of a label: numbering, not part of the name. */
function stripEnumeration(s: string): string {
  return s.replace(/^(?:\(?[一二三四五六七八九十]{1,3}\)|[一二三四五六七八九十]{1,3}[、.]|\(\d{1,2}\)|\d{1,2}[、.](?!\d)|[\u2460-\u2473])/, "");
}

/** Words that head a group of columns without naming one ("其中：" over 人员支出/公用支出). */
export function isGroupWord(text: string): boolean {
  const s = text.normalize("NFKC").replace(/[\s\u3000:：]+/g, "");
  return s === "其中" || s === "含";
}

/** Labels of total lines and total columns. */
const TOTAL_WORDS = new Set(["合计", "总计", "小计", "汇总", "总合计", "合计数", "本年合计", "累计"]);

export function isTotalWord(normalized: string): boolean {
  return TOTAL_WORDS.has(normalized);
}

/**
 * Width of a label's indentation: a half-width space counts 1, a full-width space 2 (one CJK
 * character), a tab 4. Exports show 类/款/项 this way.
 */
export function indentWidth(text: string): number {
  let width = 0;
  for (let k = 0; k < text.length; k++) {
    const c = text.charCodeAt(k);
    if (c === 0x20 || c === 0xa0) width += 1;
    else if (c === 0x3000) width += 2;
    else if (c === 0x09) width += 4;
    else break;
  }
  return width;
}

export interface CodedLabel {
  /** 科目编码 (digits only), when the label starts with one. */
  code?: string;
  /** The name without code or indentation. */
  name: string;
}

/**
 * "2060101 行政运行", "【301】工资福利支出", "30101-基本工资", "301" → code and name. A code is
 * 3 or more digits followed by a separator or a non-digit name; "1、局机关" and "12.5" are not
 * codes.
 */
export function splitCode(text: string): CodedLabel {
  const s = text.normalize("NFKC").trim();
  let i = 0;
  const bracketed = s[0] === "[" || s[0] === "【" || s[0] === "(";
  if (bracketed) i++;
  const start = i;
  while (i < s.length && s[i] >= "0" && s[i] <= "9") i++;
  const digits = s.slice(start, i);
  if (digits.length < 3 || digits.length > 12) return { name: s };
  if (bracketed && (s[i] === "]" || s[i] === "】" || s[i] === ")")) i++;
  // "12345.67" or "1,234" is a number, not a code.
  if ((s[i] === "." || s[i] === ",") && /\d/.test(s[i + 1] ?? "")) return { name: s };
  while (i < s.length && /[\s\-—.、:]/.test(s[i])) i++;
  return { code: digits, name: s.slice(i).trim() };
}

/** Statement of the unit in a title, unit line or header: "单位：元", "金额单位：万元", "（万元）". */
export function unitInText(text: string): "元" | "万元" | undefined {
  const s = text.normalize("NFKC").replace(/[\s\u3000]+/g, "");
  const m = /单位[:：]?(?:人民币)?(万元|元)/.exec(s) ?? /[(\[【](?:人民币)?(万元|元)[)\]】]/.exec(s);
  return m ? (m[1] as "元" | "万元") : undefined;
}

/** Lines below a table that are not data: 注/说明/填表人/制表/审核/负责人/日期 …. */
export function isNoteLabel(text: string): boolean {
  const s = text.normalize("NFKC").replace(/[\s\u3000]+/g, "");
  return /^(?:注|备注|说明|填表人|填报人|制表|制表人|审核|审核人|负责人|单位负责人|财务负责人|联系电话|日期|填报日期|编制单位|数据来源)/.test(s);
}

/**
 * "本表无数据", "此表为空表", "（本表无数据）": the 决算 software prints this in a table the
 * department has nothing to report in (no 政府性基金, no 国有资本经营 funds). A deliberate empty
 * table, not a row to import.
 */
export function isNoDataNote(text: string): boolean {
  const s = text.normalize("NFKC").replace(/[\s\u3000()（）。.,，:：]+/g, "");
  return /^(?:注)?(?:本表|此表|该表)?(?:无数据|为空表|为空|无内容)$/.test(s) || /(?:本表|此表|该表)(?:无数据|为空表)/.test(s);
}

/**
 * A row name as it should be stored (a new 机构 or 科目 entry): without the export's numbering
 * ("1、", "（一）"), surrounding blanks, or the stray spaces a PDF leaves between Chinese
 * characters. Letters and punctuation are kept as written.
 */
export function cleanName(text: string): string {
  // Without any blank (the usual case: the name was trimmed) only the numbering can go.
  const blank = /[\s\u200b]/.test(text);
  const trimmed = blank ? text.replace(/^[\s\u3000\u200b\ufeff]+|[\s\u3000\u200b\ufeff]+$/g, "") : text;
  const unnumbered = trimmed.replace(
    /^(?:[(（]?[一二三四五六七八九十]{1,3}[)）]|[一二三四五六七八九十]{1,3}[、.．]|[(（][0-9０-９]{1,2}[)）]|[0-9０-９]{1,2}[、.．](?![0-9０-９])|[\u2460-\u2473])[\s\u3000]*/,
    "",
  );
  return blank ? unnumbered.replace(/([\u4e00-\u9fff\u3000-\u303f\uff00-\uffef])[\s\u3000]+(?=[\u4e00-\u9fff\u3000-\u303f\uff00-\uffef])/g, "$1") : unnumbered;
}
