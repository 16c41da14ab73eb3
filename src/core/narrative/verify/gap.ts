import type { Base, Concept, Role } from "./vocabulary";

/**
 * The words between a label and the figure it governs: fillers ("实际支出", "本年", "的") and at
 * most one qualifier saying what the figure is (比上年降低, 占…的, 人均, 超支…). Anything else in
 * between means the figure is about something else, and it is not tied to the label.
 */
export type Direction = "decrease" | "increase" | "flat";

export type Qualifier =
  | { kind: "plain" }
  | { kind: "change"; direction: Direction; word: string; comparison: boolean; year?: number; base?: Base; alternative?: string }
  | { kind: "share"; denominator: Concept; denominatorRole?: Role; denominatorFields?: string[] }
  | { kind: "perCapita" }
  | { kind: "perItem" }
  | { kind: "overspend" }
  | { kind: "executionRate" }
  | { kind: "headcountGap"; direction: "less" | "more"; word: string };

/** 预算, 年初预算, 预算数 → budget; 决算, 决算数 → actual. */
export function baseOf(word: string | undefined): Base | undefined {
  if (!word) return undefined;
  return /预算/.test(word) ? "budget" : "actual";
}

export interface Gap {
  qualifier: Qualifier;
  /** A role the gap's own words give the figure (预算…, 实际…, 上年…). */
  hint?: Role;
  /** "较2024年的2190万元": the year a prior-year figure is said to be of. */
  year?: number;
}

/** 与/比/较 and the year compared with (上年, 去年, 2019年度); `year` names a year. */
const COMPARED_YEAR = "(?:与|比|较)\\s*(?:上年度?|去年|(?<year>\\d{4})\\s*年度?)";
/** 预算 or 决算 named after the year: the prior year's figure of that kind (`base`). */
const COMPARED_BASE = "(?<base>年初预算数?|预算数?|决算数?)?";

/**
 * "比上年累计支出433万元减少2万元", "较2024年的2190万元": a comparison with no direction word
 * after it introduces the prior year's figure itself. With 预算/决算 after the year it is left
 * unread (which prior-year column it is would need the column's kind).
 */
const PRIOR_FIGURE = new RegExp(`${COMPARED_YEAR}(?:同期)?${COMPARED_BASE}`, "y");

/** A piece of the gap: plain text, or a label (only allowed right after 占, as the share's whole). */
export type GapPiece = { text: string } | { concept: Concept };

/**
 * 比上年, 较上年同期, 与上年相比, 比2019年度, 同比 …; with the base named after the year
 * (比上年预算, 比2021年预算数, 比上年年初预算, 与2023年预算相比, 比上年决算数): the change is then
 * on that figure of the prior year, and only a prior-year column of that kind can check it.
 */
const COMPARISON = `同比|${COMPARED_YEAR}\\s*(?:同期)?${COMPARED_BASE}(?:相比|比较)?`;
const DIRECTION_WORDS: Array<[string, Direction]> = [
  ["基本持平", "flat"],
  ["持平", "flat"],
  ["降低", "decrease"],
  ["下降", "decrease"],
  ["减少", "decrease"],
  ["压减", "decrease"],
  ["降幅", "decrease"],
  ["增长", "increase"],
  ["增加", "increase"],
  ["上升", "increase"],
  ["提高", "increase"],
  ["增幅", "increase"],
];
/** Groups: `comparison` (any), `year` (a named year), `base` (预算/决算 named after it), `word` (the direction word). */
export const DIRECTION_PATTERN = new RegExp(`(?<comparison>${COMPARISON})?(?<word>${DIRECTION_WORDS.map(([w]) => w).join("|")})了?`, "y");

/** "（增长）" right after a direction word: the other word of a template. */
const ALTERNATIVE = /[（(](增长|增加|上升|提高|下降|降低|减少)[）)]/y;

const SIMPLE_QUALIFIERS: Array<[RegExp, Qualifier]> = [
  [/人均/y, { kind: "perCapita" }],
  [/(?:平均)?每台|台均/y, { kind: "perItem" }],
  // "决算数大于预算数55.93万元" is the overspend too (小于 is not read: its figure is the saving).
  [/超支|超出预算|超预算|(?:决算数?)?大于(?:年初)?预算数?/y, { kind: "overspend" }],
  [/(?:预算)?(?:执行|完成)率|完成了?(?:全年|年初|年度)?预算(?:数)?的?/y, { kind: "executionRate" }],
];

/** Words that may stand between a label and its figure, with the role some of them imply. */
const FILLERS: Array<[RegExp, Role | undefined]> = [
  [/预算|年初/y, "budget"],
  [/决算|实际/y, "actual"],
  [/上年|去年/y, "prior"],
  [/本年度|本年|当年|全年|年度|支出|使用|投入|金额|合计|总额|共计|总计|达到|其中|比重|比例|分别|累计|完成|全部|部门|共|为|是|达|了|的|约|中|在|数|与|已|均/y, undefined],
  // "按同口径同比减少": the same basis, said; "收、支总计各增加": each of the two by the same figure.
  [/按?同口径|各/y, undefined],
  // "一般公共服务支出（类）": the level of a 功能分类 heading, not another item.
  [/[（(][类款项][）)]/y, undefined],
  [/[\s，,、；;：:“”"‘’（()）]+/y, undefined],
  [/\d{4}\s*年度?/y, undefined],
];

function matchAt(re: RegExp, text: string, at: number): RegExpExecArray | null {
  re.lastIndex = at;
  return re.exec(text);
}

/** Parses the gap; null when something in it is not a filler or the one qualifier. */
export function parseGap(pieces: GapPiece[]): Gap | null {
  let qualifier: Qualifier = { kind: "plain" };
  let hint: Role | undefined;
  let year: number | undefined;
  let afterComparison = false;
  const take = (q: Qualifier): boolean => {
    if (qualifier.kind !== "plain") return false;
    qualifier = q;
    return true;
  };
  for (let p = 0; p < pieces.length; p++) {
    const piece = pieces[p];
    if ("concept" in piece) return null; // a label not after 占
    const text = piece.text;
    let i = 0;
    while (i < text.length) {
      // 占 + the label of the whole (+ 的 / 比重 / 比例): the next piece must be that label.
      if (text[i] === "占" && i === text.length - 1) {
        const next = pieces[p + 1];
        // "占基本支出预算的": a role word right after the whole says which of its figures.
        const after = pieces[p + 2];
        const role = after && "text" in after ? /^(预算|年初)|^(决算|实际)|^(上年)/.exec(after.text) : null;
        const denominatorRole: Role | undefined = role ? (role[1] ? "budget" : role[2] ? "actual" : "prior") : undefined;
        if (!next || !("concept" in next) || !take({ kind: "share", denominator: next.concept, ...(denominatorRole ? { denominatorRole } : {}) })) return null;
        p++;
        i++;
        continue;
      }
      const direction = matchAt(DIRECTION_PATTERN, text, i);
      if (direction) {
        const { comparison, year, word, base } = direction.groups as { comparison?: string; year?: string; word: string; base?: string };
        const kind = DIRECTION_WORDS.find(([w]) => w === word)![1];
        const named = baseOf(base);
        // "下降（增长）27.78%": a template's two words, both left in; which one is meant is not said.
        const other = matchAt(ALTERNATIVE, text, i + direction[0].length);
        const otherKind = other ? DIRECTION_WORDS.find(([w]) => w === other[1])?.[1] : undefined;
        const alternative = other && otherKind && otherKind !== kind ? other : null;
        const q: Qualifier = { kind: "change", direction: kind, word, comparison: comparison !== undefined, ...(year ? { year: Number(year) } : {}), ...(named ? { base: named } : {}), ...(alternative ? { alternative: alternative[1] } : {}) };
        if (!take(q)) return null;
        i += direction[0].length + (alternative ? alternative[0].length : 0);
        continue;
      }
      const prior = matchAt(PRIOR_FIGURE, text, i);
      if (prior) {
        const groups = prior.groups as { year?: string; base?: string };
        if (groups.base || hint) return null;
        hint = "prior";
        afterComparison = true;
        if (groups.year) year = Number(groups.year);
        i += prior[0].length;
        continue;
      }
      const gap = matchAt(/([少多])了?/y, text, i);
      if (gap) {
        if (!take({ kind: "headcountGap", direction: gap[1] === "少" ? "less" : "more", word: gap[1] })) return null;
        i += gap[0].length;
        continue;
      }
      const simple = SIMPLE_QUALIFIERS.find(([re]) => matchAt(re, text, i));
      if (simple) {
        if (!take(simple[1])) return null;
        i += matchAt(simple[0], text, i)![0].length;
        continue;
      }
      const filler = FILLERS.map(([re, role]) => ({ m: matchAt(re, text, i), role })).find((f) => f.m);
      if (!filler?.m) return null;
      // After 比上年 the figure is last year's: a role word after it would contradict that.
      if (filler.role && afterComparison && filler.role !== "prior") return null;
      if (filler.role) hint = filler.role;
      i += filler.m[0].length;
    }
  }
  // Text after the share's label: only 的/比重/比例/为 may follow, and fillers cover them.
  // "比2021年支出减少…": a change on a named year is read only with its comparison whole (比2021年减少).
  if (year !== undefined && qualifier.kind !== "plain") return null;
  return { qualifier, ...(hint ? { hint } : {}), ...(year !== undefined ? { year } : {}) };
}

/** Roles named by words anywhere in a stretch of text (for the sentence before the figure). */
export function lastRoleHint(text: string): Role | undefined {
  const re = /预算|年初|决算|实际|(?<![比较与])上年|去年/g;
  let last: string | undefined;
  for (const m of text.matchAll(re)) last = m[0];
  if (!last) return undefined;
  if (last === "预算" || last === "年初") return "budget";
  if (last === "决算" || last === "实际") return "actual";
  return "prior";
}
