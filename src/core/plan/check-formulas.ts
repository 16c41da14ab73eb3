import type { Rule } from "../spec/rules";
import { Dec } from "../money";
import type { FieldDef } from "../spec/instances";
import { shownDecimals } from "../spec/instances";
import { areaRef, groupAreas, isSingleCell, type Area, type Locator } from "./formulas";

/**
 * Excel formulas that give a rule the core's verdict (src/core/check/evaluate.ts), so the 校验
 * sheet and the in-place highlights agree with the pane and the CLI when the workbook is opened
 * without ZiPing, in Excel, WPS or LibreOffice.
 *
 * How the core's notions map onto a cell:
 *   number    ISNUMBER. Its rounding interval is ±0.005 when the field is shown at 2 decimals
 *             and the number has no more decimals than that; a number with more decimals is exact.
 *             "No more than 2 decimals" is tested as TEXT(x,"0.000000000") ending in 0000000:
 *             that survives the binary noise of a computed total (1112.7900000000002) and,
 *             unlike ROUND, does not fail on text, so it can run over a whole range inside
 *             SUMPRODUCT.
 *   none      the words the core reads as "deliberately no figure" (无, -, —, /): count 0, filled.
 *   empty     blank, "" (what a total of nothing shows: formulas.ts), or a lone space. A ""
 *             is text to ISTEXT but has LEN 0, COUNT skips it and no NONE word matches it,
 *             so `invalid` and `filled` below both read it as blank.
 *   invalid   any other text (the core also parses numeric text such as "1,299.77"; the sheet
 *             cannot add text, so it says 无法校验 and the pane offers to convert), and a
 *             non-whole number in a count field.
 * Every comparison is made on values rounded to 9 decimals, never on bare floating point: the
 * core's figures have at most 2 (or, when exact, a few more) decimals, so ROUND(x,9) removes the
 * binary noise without merging distinct figures.
 */

/** Text the core reads as "no figure" (money/parse.ts isNoFigure), as Excel stores it. */
export const NONE_MARKERS = ["无", "-", "--", "—", "——", "–", "―", "/", "－", "／", "本表无数据"];
/** Text the core reads as empty. */
export const BLANK_MARKERS = [" ", "\u3000"];
/** Decimals every check compares at (see above). */
export const COMPARE_PLACES = 9;
export const NINE_PLACES_FORMAT = "0.000000000";

const arrayConstant = (items: string[]): string => `{${items.map(quote).join(",")}}`;
const quote = (s: string): string => `"${s.replace(/"/g, '""')}"`;
const NONE = arrayConstant(NONE_MARKERS);
const NOT_INVALID = arrayConstant([...NONE_MARKERS, ...BLANK_MARKERS]);

/** A piece of a rule: an area of cells that all share one kind's reading. */
export interface RulePart {
  area: Area;
  /** Shown at 2 decimals: a number there carries ±0.005 unless it has more decimals. */
  rounded: boolean;
  /** A count: a non-whole number is invalid. */
  whole: boolean;
}

export function isRoundedKind(field: FieldDef): boolean {
  return field.kind !== "count" && field.kind !== "score" && shownDecimals(field.kind) === 2;
}

/** The cells of some fields as parts, grouped into ranges where the layout allows. */
export function ruleParts(ids: string[], fields: Map<string, FieldDef>, locate: Locator): RulePart[] {
  const classes = new Map<string, { rounded: boolean; whole: boolean; ids: string[] }>();
  for (const id of ids) {
    const f = fields.get(id);
    if (!f) throw new Error(`rule refers to unknown field ${id}`);
    const rounded = isRoundedKind(f);
    const whole = f.kind === "count";
    const key = `${rounded}/${whole}`;
    const c = classes.get(key) ?? { rounded, whole, ids: [] };
    c.ids.push(id);
    classes.set(key, c);
  }
  return [...classes.values()].flatMap((c) =>
    groupAreas(c.ids.map(locate)).map((area) => ({ area, rounded: c.rounded, whole: c.whole })),
  );
}

/** Builds the expressions for one formula sheet (references to other sheets are qualified). */
export class CheckFormulas {
  constructor(private readonly fromSheet: string) {}

  ref(area: Area): string {
    return areaRef(area, this.fromSheet);
  }

  /** An expression over a single cell, or the same lifted over a range with SUMPRODUCT. */
  private perCell(part: RulePart, expr: (r: string) => string): string {
    const r = this.ref(part.area);
    return isSingleCell(part.area) ? `(${expr(r)})` : `SUMPRODUCT(${expr(r)})`;
  }

  /** Cells holding text that is neither a no-figure word nor blank, plus non-whole counts. */
  invalid(parts: RulePart[]): string {
    return sumOf(
      parts.map((p) => {
        const r = this.ref(p.area);
        // Text of at least one character. Not COUNTIF(r,"?*"): LibreOffice matches numbers with it.
        const text = `${this.perCell(p, (x) => `ISTEXT(${x})*(LEN(${x})>0)`)}-SUMPRODUCT(COUNTIF(${r},${NOT_INVALID}))`;
        const fraction = p.whole
          ? `+${this.perCell(p, (x) => `ISNUMBER(${x})*(RIGHT(TEXT(${x},"${NINE_PLACES_FORMAT}"),9)<>"000000000")`)}`
          : "";
        return `${text}${fraction}`;
      }),
    );
  }

  /** Cells that count as filled: numbers and no-figure words. */
  filled(parts: RulePart[]): string {
    return sumOf(
      parts.map((p) => {
        const r = this.ref(p.area);
        return `COUNT(${r})+SUMPRODUCT(COUNTIF(${r},${NONE}))`;
      }),
    );
  }

  /** Numbers that stand for a ±0.005 interval (shown at 2 decimals, written with no more). */
  roundedNumbers(parts: RulePart[]): string {
    const rounded = parts.filter((p) => p.rounded);
    if (rounded.length === 0) return "0";
    return sumOf(rounded.map((p) => this.perCell(p, (x) => `ISNUMBER(${x})*(RIGHT(TEXT(${x},"${NINE_PLACES_FORMAT}"),7)="0000000")`)));
  }

  /** A cell's figure: the number, or 0 for text and blanks (N). */
  value(part: RulePart): string {
    return `N(${this.ref(part.area)})`;
  }

  /** Σ of areas, skipping text and blanks. */
  sum(parts: RulePart[]): string {
    return parts.length === 0 ? "0" : `SUM(${parts.map((p) => this.ref(p.area)).join(",")})`;
  }
}

function sumOf(terms: string[]): string {
  if (terms.length === 0) return "0";
  return terms.length === 1 ? terms[0] : terms.map((t) => `(${t})`).join("+");
}

/** The formulas of one 校验 row; cell names are the row's own working cells. */
export interface RuleRow {
  /** 结果: 通过 / 不通过 / 尾差 / 超支 / 超支（年初未作预算） / 未填 / 无法校验. */
  verdict: (cells: WorkingCells) => string;
  /** 差额 shown when the rule fails, from the raw difference. */
  showsDifference: boolean;
  tolerance?: string;
  difference?: string;
  invalid: string;
  mainFilled: string;
  otherFilled?: string;
  /** Same: both exact. Grade: the grade the score implies. */
  extra?: string;
  /** The cell at fault for in-place highlighting. */
  faultCell: Area;
}

/** Addresses (on the 校验 sheet) of a row's working cells. */
export interface WorkingCells {
  tolerance: string;
  difference: string;
  invalid: string;
  mainFilled: string;
  otherFilled: string;
  extra: string;
}

const r9 = (x: string): string => `ROUND(${x},${COMPARE_PLACES})`;
const guarded = (body: string): string => `=IFERROR(${body},"无法校验")`;

export const VERDICT = {
  pass: "通过",
  fail: "不通过",
  tail: "尾差",
  overspend: "超支",
  unbudgeted: "超支（年初未作预算）",
  blank: "未填",
  unreadable: "无法校验",
} as const;

function quoted(s: string): string {
  return quote(s);
}

export function ruleRow(rule: Rule, fields: Map<string, FieldDef>, locate: Locator, f: CheckFormulas): RuleRow {
  const parts = (ids: string[]): RulePart[] => ruleParts(ids, fields, locate);
  const single = (id: string): RulePart => parts([id])[0];
  const V = VERDICT;
  switch (rule.kind) {
    case "equation": {
      const target = single(rule.target);
      const plus = parts(rule.terms.filter((t) => t.sign === 1).map((t) => t.field));
      const minus = parts(rule.terms.filter((t) => t.sign === -1).map((t) => t.field));
      const terms = [...plus, ...minus];
      return {
        tolerance: `=0.005*(${sumOfParts([f.roundedNumbers([target]), f.roundedNumbers(terms)])})`,
        difference: `=${f.value(target)}-${f.sum(plus)}${minus.length ? `+${f.sum(minus)}` : ""}`,
        invalid: `=${f.invalid([target, ...terms])}`,
        mainFilled: `=${f.filled([target])}`,
        otherFilled: `=${f.filled(terms)}`,
        showsDifference: true,
        faultCell: target.area,
        verdict: (c) =>
          guarded(
            `IF(${c.invalid}>0,${quoted(V.unreadable)},IF(OR(${c.mainFilled}=0,${c.otherFilled}=0),${quoted(V.blank)},` +
              `IF(${r9(c.difference)}=0,${quoted(V.pass)},IF(${r9(`ABS(${c.difference})`)}<=${r9(c.tolerance)},${quoted(V.tail)},${quoted(V.fail)}))))`,
          ),
      };
    }
    case "same": {
      const a = single(rule.a);
      const b = single(rule.b);
      const exact = (p: RulePart): string =>
        p.rounded ? `AND(ISNUMBER(${f.ref(p.area)}),${f.roundedNumbers([p])}=0)` : `ISNUMBER(${f.ref(p.area)})`;
      const places = shownDecimals(fields.get(rule.a)!.kind);
      return {
        difference: `=${f.value(a)}-${f.value(b)}`,
        invalid: `=${f.invalid([a, b])}`,
        mainFilled: `=${f.filled([a])}`,
        otherFilled: `=${f.filled([b])}`,
        extra: `=AND(${exact(a)},${exact(b)})`,
        showsDifference: true,
        faultCell: a.area,
        verdict: (c) =>
          guarded(
            `IF(${c.invalid}>0,${quoted(V.unreadable)},IF(OR(${c.mainFilled}=0,${c.otherFilled}=0),${quoted(V.blank)},` +
              `IF(IF(${c.extra},${r9(c.difference)}=0,ROUND(${f.value(a)},${places})=ROUND(${f.value(b)},${places})),${quoted(V.pass)},${quoted(V.fail)})))`,
          ),
      };
    }
    case "budget": {
      const actual = single(rule.actual);
      const budget = single(rule.budget);
      return {
        difference: `=${f.value(actual)}-${f.value(budget)}`,
        invalid: `=${f.invalid([actual, budget])}`,
        mainFilled: `=${f.filled([actual])}`,
        otherFilled: `=${f.filled([budget])}`,
        showsDifference: true,
        faultCell: actual.area,
        verdict: (c) =>
          guarded(
            `IF(${c.invalid}>0,${quoted(V.unreadable)},IF(${c.mainFilled}=0,${quoted(V.blank)},` +
              `IF(AND(OR(${c.otherFilled}=0,${r9(f.value(budget))}=0),${r9(f.value(actual))}>0),${quoted(V.unbudgeted)},` +
              `IF(${c.otherFilled}=0,${quoted(V.pass)},IF(${r9(c.difference)}>0,${quoted(V.overspend)},${quoted(V.pass)})))))`,
          ),
      };
    }
    case "range": {
      const x = single(rule.field);
      const { min, max } = rule.relation;
      return {
        invalid: `=${f.invalid([x])}`,
        mainFilled: `=${f.filled([x])}`,
        showsDifference: false,
        faultCell: x.area,
        verdict: (c) =>
          guarded(
            `IF(${c.invalid}>0,${quoted(V.unreadable)},IF(${c.mainFilled}=0,${quoted(V.blank)},` +
              `IF(AND(${r9(`${f.value(x)}-(${min})`)}>=0,${r9(`${f.value(x)}-(${max})`)}<=0),${quoted(V.pass)},${quoted(V.fail)})))`,
          ),
      };
    }
    case "inequality": {
      const a = single(rule.a);
      const b = single(rule.b);
      return {
        difference: `=${f.value(a)}-${f.value(b)}`,
        invalid: `=${f.invalid([a, b])}`,
        mainFilled: `=${f.filled([a])}`,
        otherFilled: `=${f.filled([b])}`,
        showsDifference: true,
        faultCell: a.area,
        verdict: (c) =>
          guarded(
            `IF(${c.invalid}>0,${quoted(V.unreadable)},IF(OR(${c.mainFilled}=0,${c.otherFilled}=0),${quoted(V.blank)},` +
              `IF(${r9(c.difference)}>0,${quoted(V.fail)},${quoted(V.pass)})))`,
          ),
      };
    }
    case "ratio": {
      const x = single(rule.field);
      const n = single(rule.numerator);
      const d = single(rule.denominator);
      const places = shownDecimals(fields.get(rule.field)!.kind);
      return {
        invalid: `=${f.invalid([x, n, d])}`,
        mainFilled: `=${f.filled([x])}`,
        otherFilled: `=${f.filled([n, d])}`,
        showsDifference: false,
        faultCell: x.area,
        verdict: (c) =>
          guarded(
            `IF(${c.invalid}>0,${quoted(V.unreadable)},IF(OR(${c.mainFilled}=0,${c.otherFilled}<2),${quoted(V.blank)},` +
              `IF(${r9(f.value(d))}=0,${quoted(V.blank)},` +
              `IF(${sameAtWrittenPlaces(`${f.value(x)}*100`, `${f.value(n)}/${f.value(d)}*100`, places)},${quoted(V.pass)},${quoted(V.fail)}))))`,
          ),
      };
    }
    case "grade": {
      const score = single(rule.score);
      const gradeCell = single(rule.grade).area;
      const grade = f.ref(gradeCell);
      // Highest band first, as gradeFor reads them.
      const bands = [...rule.relation.bands].sort((x, y) => new Dec(y.min).comparedTo(new Dec(x.min)));
      const expected = bands.reduceRight(
        (otherwise, band) => `IF(${r9(`${f.value(score)}-(${band.min})`)}>=0,${quoted(band.grade)},${otherwise})`,
        `""`,
      );
      return {
        invalid: `=${f.invalid([score])}`,
        mainFilled: `=${f.filled([score])}`,
        otherFilled: `=IF(LEN(TRIM(${grade}))>0,1,0)`,
        extra: `=${expected}`,
        showsDifference: false,
        faultCell: gradeCell,
        verdict: (c) =>
          guarded(
            `IF(${c.invalid}>0,${quoted(V.unreadable)},IF(OR(${c.mainFilled}=0,${c.otherFilled}=0),${quoted(V.blank)},` +
              `IF(EXACT(TRIM(${grade}),${c.extra}),${quoted(V.pass)},${quoted(V.fail)})))`,
          ),
      };
    }
  }
}

/**
 * The stated percentage equals the computed one at the decimals it was written with, at most
 * `places` (the core's ratio rule: 117% for 116.75% is right at whole percents).
 */
function sameAtWrittenPlaces(stated: string, computed: string, places: number): string {
  let test = `ROUND(${stated},${places})=ROUND(${computed},${places})`;
  for (let p = places - 1; p >= 0; p--) test = `IF(${r9(`${stated}-ROUND(${stated},${p})`)}=0,ROUND(${stated},${p})=ROUND(${computed},${p}),${test})`;
  return test;
}

function sumOfParts(terms: string[]): string {
  return terms.filter((t) => t !== "0").join("+") || "0";
}
