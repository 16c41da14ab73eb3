/**
 * One character for one: the forms finance prose is typed or pasted in (traditional characters,
 * full-width letters and digits, the ideographic space) reduced to the simplified, half-width
 * form the spec's labels use. Offsets into the text stay valid because nothing is added or removed.
 */

/** Traditional → simplified, for the characters 报告 and 决算 prose uses (labels, units, verbs). */
const TRADITIONAL =
  "費费萬万預预額额經经務务車车與与較较際际資资産产產产補补僅仅為为個个結结餘余長长減减條条號号" +
  "開开關关辦办機机構构門门單单員员職职業业養养險险衛卫醫医療疗敎教學学據据計计劃划實实際际" +
  "決决進进運运維维護护購购置置數数項项級级類类專专戶户撥拨財财稅税場场區区縣县鄉乡鎮镇黨党" +
  "國国區区舊旧總总體体億亿圓圆錢钱並并於于這这從从對对無无將将後后時时間间備备歲岁幣币" +
  "統统籌筹準准則则標标績绩評评價价諾诺請请問问題题應应當当發发數数據据據据優优況况響响" +
  "劃划規规範范轉转賬账錄录禮礼儀仪會会議议訓训練练辦办電电話话郵邮費费車车勞劳動动營营";

const MAP = new Map<string, string>();
for (let i = 0; i + 1 < TRADITIONAL.length; i += 2) MAP.set(TRADITIONAL[i], TRADITIONAL[i + 1]);

/** The simplified, half-width form of one character. */
export function simplifyChar(c: string): string {
  const code = c.charCodeAt(0);
  if (code >= 0xff01 && code <= 0xff5e) return String.fromCharCode(code - 0xfee0);
  if (code === 0x3000) return " ";
  return MAP.get(c) ?? c;
}

/** Every character simplifyChar changes, as one class: most text has few, and passes untouched. */
const CHANGED = new RegExp(`[\\uff01-\\uff5e\\u3000${[...MAP.keys()].filter((c) => MAP.get(c) !== c).join("")}]`, "g");

/** The text with every character simplified; same length, same offsets. */
export function simplify(text: string): string {
  return text.replace(CHANGED, simplifyChar);
}

/** Characters a label may carry or drop in prose: blanks, quotes and the optional 的/之/费. */
export const OPTIONAL = /[\s“”"‘’「」『』的之费]/;
const OPTIONAL_ALL = /[\s“”"‘’「」『』的之费]/g;

/** A term as labels are matched: simplified, without the characters prose may add or drop. */
export function matchKey(term: string): string {
  return simplify(term).replace(OPTIONAL_ALL, "");
}
