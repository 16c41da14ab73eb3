/**
 * The report form as data. A FormSpec is plain JSON-compatible data: adding a second
 * official form (the 财政部 部门决算 public tables, a province's own 自评表) means writing
 * another FormSpec, validated by `validateForm`, with no code change.
 *
 * Field ids:
 *   grid table:    `${table}.${row}.${column}`          e.g. income.all.carryover
 *   list row:      `${table}.${row}[${n}].${column}`    e.g. income.unit[1].carryover  (n is 1-based)
 *   record table:  `${table}.${row}`                    e.g. staff.authorized
 *   list row label cells (name, code): `${table}.${row}[${n}].#name` / `#code`
 */

/** What a cell holds, which decides how it is parsed, shown and compared. */
export type ValueKind =
  | "amount" // money, in the table's unit (万元 by default), 2 decimals
  | "count" // headcounts, vehicles, institutions: whole numbers
  | "score" // 0–100 points
  | "percent"
  | "text"
  | "amountOrNone"; // a figure, or the word 无 (政府性基金 etc.)

/** The closed vocabulary of units (src/core/spec/units.ts gives each its conversion). */
export type Unit = "元" | "万元" | "亿元" | "人" | "台" | "个" | "分" | "%" | "";

export interface ColumnSpec {
  id: string;
  label: string;
  /**
   * Header cells above the label, outermost first, e.g. ["其中："] or ["其中：", "其中："].
   * Adjacent columns sharing a prefix are merged horizontally; a short path is merged down.
   */
  groups?: string[];
  kind?: ValueKind;
  unit?: Unit;
  /** Other names real exports use for this column (import mapping). */
  synonyms?: string[];
  /** Column width in characters, when the label alone would mislead. */
  width?: number;
  /**
   * The officer may leave it empty in a filled row (a 完成率 ZiPing computes, a 偏差原因 when
   * nothing deviates): no 未填写 notice.
   */
  optional?: boolean;
  /** The 栏次 the official table prints above this column ("1", "2", …), for import and print. */
  colNo?: string;
}

export interface RowSpec {
  id: string;
  label: string;
  /** When set, this row is an open list: one row per entry of the named list. */
  list?: string;
  /** Per-row kind/unit for record tables (one value per row). */
  kind?: ValueKind;
  unit?: Unit;
  /** Indentation level in the label (其中 items). */
  indent?: number;
  synonyms?: string[];
  /** A note shown beside the field (record tables) and in docs/fields.md. */
  note?: string;
  /** The 行次 the official table prints beside this row ("1", "2", …), for import and print. */
  lineNo?: string;
}

export interface LabelColumnSpec {
  /** `name` holds the list entry's name; `code` its 科目编码. */
  id: "name" | "code";
  label: string;
  width?: number;
}

export interface TableSpec {
  id: string;
  title: string;
  /** grid: rows × columns. record: one value per row (label | value | unit). */
  layout: "grid" | "record";
  /** Default kind and unit for the table's value cells. */
  kind?: ValueKind;
  unit?: Unit;
  /** The header of the row-label column(s), e.g. 机构名称 or 科目编码 + 科目名称. */
  labelColumns?: LabelColumnSpec[];
  columns?: ColumnSpec[];
  rows: RowSpec[];
  /** Other names exports and reports use for this table (import mapping). */
  synonyms?: string[];
  note?: string;
  /**
   * A blank cell of this table means "nothing to report", not "not filled": the official table
   * prints no 0, and a whole table may be 本表无数据 (政府性基金, 国有资本经营). Its blank cells raise
   * no 未填写 notice; the sums still add only what is filled, so a blank counts as nothing.
   */
  emptyAllowed?: boolean;
}

export interface SheetSpec {
  id: string;
  /** The Chinese sheet name (Excel: ≤31 chars, none of : \ / ? * [ ]). */
  name: string;
  tables: TableSpec[];
}

export interface ListSpec {
  id: string;
  label: string;
  /** Entries carry a 科目编码 as well as a name. */
  coded?: boolean;
  /** Synonyms of the list's label column header, for import. */
  synonyms?: string[];
}

/**
 * A reference to one or more fields. Placeholders `{row}` and `{col}` are filled from the
 * relation's `each`; `[*]` in a list row expands to every entry, e.g. income.unit[*].total;
 * `[code=201]` in a coded list row names the entry with that 科目编码 (no such entry: the rule
 * is not checked), e.g. expenseDetail.line[code=201].total.
 */
export type FieldRef = string;

export interface Each {
  /** Table whose rows/columns are iterated. */
  table: string;
  /** Row ids to iterate ("*" = every row including list entries and totals). */
  rows?: string[] | "*";
  /** Column ids to iterate ("*" = every value column). */
  columns?: string[] | "*";
  /** Rows/columns to leave out of "*". */
  exceptRows?: string[];
  exceptColumns?: string[];
}

export type Severity = "error" | "warning" | "info";

interface RelationBase {
  /** Stable rule id; expansions add `[row]` / `[col]` / `[row,col]`. */
  id: string;
  /** Chinese name of the rule, shown in findings and the 校验 sheet. */
  label: string;
  each?: Each;
}

/** target = Σ sign·term. A sum is all +; a difference has − terms. */
export interface EquationRelation extends RelationBase {
  kind: "equation";
  target: FieldRef;
  terms: Array<FieldRef | { ref: FieldRef; sign: -1 | 1 }>;
  /** The target cell is laid out as a formula of its terms (totals). */
  formula?: boolean;
}

/** The same figure shown in two places must agree to the shown precision. */
export interface SameRelation extends RelationBase {
  kind: "same";
  a: FieldRef;
  b: FieldRef;
}

/** 决算 above 预算 is an overspend; a 决算 without any 预算 is 年初未作预算. */
export interface BudgetRelation extends RelationBase {
  kind: "budget";
  budget: FieldRef;
  actual: FieldRef;
}

export interface RangeRelation extends RelationBase {
  kind: "range";
  field: FieldRef;
  min: string;
  max: string;
}

/** a ≤ b, e.g. 30212 因公出国费 ≤ 三公·因公出国: a warning when a exceeds b, not an error. */
export interface InequalityRelation extends RelationBase {
  kind: "inequality";
  a: FieldRef;
  b: FieldRef;
}

/**
 * A percentage cell that states a ratio: field = numerator ÷ denominator, compared as percentages
 * rounded half up at the field's printed decimals (预算执行率, 占比, 完成率). The cell holds the
 * ratio as Excel stores a percentage: 116.75% is 1.1675, and "116.75%" typed in is read so.
 */
export interface RatioRelation extends RelationBase {
  kind: "ratio";
  field: FieldRef;
  numerator: FieldRef;
  denominator: FieldRef;
}

export interface GradeBand {
  grade: string;
  /** Inclusive lower bound. */
  min: string;
}

/** A score and the 等次 it implies (bands sorted high to low). */
export interface GradeRelation extends RelationBase {
  kind: "grade";
  score: FieldRef;
  grade: FieldRef;
  bands: GradeBand[];
}

/**
 * A coded list's hierarchy, for free: each 类 equals the sum of its 款, each 款 the sum of its 项,
 * by 科目编码 prefix (功能科目 206 = Σ 20601…, 20601 = Σ 2060101…; 经济科目 301 = Σ 30101…).
 * Expands into one sum per entry that has children, with the 尾差 band of any sum.
 */
export interface HierarchyRelation extends RelationBase {
  kind: "hierarchy";
  /** The table and its list row whose entries carry the codes: spending / line. */
  table: string;
  row: string;
  /** Code lengths from the top level down: [3, 5, 7] for 功能科目, [3, 5] for 经济科目. */
  levels: number[];
  /** Value columns summed (default every column of the table). */
  columns?: string[];
  /**
   * A fixed row of the same table that equals the sum of the top-level entries (the 合计 row of a
   * 决算 table = Σ 类), column by column.
   */
  total?: string;
}

export type Relation =
  | EquationRelation
  | HierarchyRelation
  | SameRelation
  | BudgetRelation
  | RangeRelation
  | GradeRelation
  | InequalityRelation
  | RatioRelation;

export interface FormSpec {
  id: string;
  /** A short name the command line also accepts for a built-in form: `--form juesuan`. */
  alias?: string;
  title: string;
  /** Bumped when the layout changes; templates carry it so old ones are recognised. */
  version: number;
  lists: ListSpec[];
  sheets: SheetSpec[];
  relations: Relation[];
  /** The report's paragraphs written from the cells, in report order (see narrative.ts). */
  narrative?: ParagraphBinding[];
  /** The written report's outline (ziping report), when the form has one: the default outline. */
  report?: ReportOutline;
  /**
   * Other outlines the officer may choose instead of `report`, by what the cell `field` (报告格式)
   * says: an outline's id or one of its names (ziping report --outline says the same).
   */
  reportChoice?: { field: FieldRef; outlines: ReportOutline[] };
  /** What last year's workbook carries into this year's (template --prior, import --prior, check --prior). */
  priorYear?: PriorYearSpec;
}

/**
 * This year's 上年 figure and last year's 本年 figure it repeats: sangong.{row}.prior ←
 * sangong.{row}.current. Placeholders and `each` as in relations; a list row's [*] on both
 * sides pairs entries by name (a unit added this year has no 上年 figure; one gone is dropped).
 */
export interface PriorLink {
  id: string;
  label: string;
  /** This year's field holding last year's figure. */
  prior: FieldRef;
  /** Last year's field it repeats. */
  current: FieldRef;
  each?: Each;
}

export interface PriorYearSpec {
  links: PriorLink[];
  /** Fields copied as they were (the department's name, the cover's 预算编码). */
  copy?: FieldRef[];
  /** Prose carried over as a draft marked 沿用上年, for the officer to revise. */
  prose?: FieldRef[];
}

/*
 * Narrative bindings: the paragraphs of the report's 综述 as data. Each sentence is one of the
 * kinds the narrative engine knows (src/core/narrative/sentences), given its fields, wording and
 * decimals here, so a new form gets its own paragraphs with no code.
 *
 * A Template is the sentence's text with placeholders:
 *   {table.row.column}  a cell, printed in its unit: "1.90万元", "43人", "2台", "2020" (unit blank)
 *   {self}              the self-reference: the wording option, else report.selfRef, else 我单位
 *   {department}        the self-reference as a department: 我局部门, 我部门
 *   {@name}             one of the binding's slots (a difference worded by its sign, …)
 *   {#name}             in a list item: the entry's name
 *   {}                  in a difference's wording: its magnitude, in the unit of its fields
 * and per kind: {quotient}, {rate}, {names}, {sum}. Inside a list item, `[*]` in a field id is
 * the entry's own row: income.unit[*].total.
 *   {=name}             a figure computed outside the form and given to the narrative by the
 *                       caller (NarrativeOptions.figures: a scoring table's indicator value and
 *                       suggested score, "staffControl.value"); a sentence needing one that was
 *                       not given is not written (optional sentences are skipped).
 */
export type Template = string;

/**
 * A − B worded by its sign: "结余减少{}" / "结余增加{}" / "结余与上年持平". As a change on the prior
 * year (A this year, B last year) its wording may also state {rate}, |A − B| ÷ B as a percentage:
 * "比上年增加{}，增长{rate}"; then `zeroBase` is required, the wording when B is 0 and A is not
 * (a percentage on a zero base means nothing: never "增长100%").
 */
export interface DifferenceSlot {
  kind: "difference";
  /** [minuend, subtrahend]. */
  of: [FieldRef, FieldRef];
  positive: Template;
  negative: Template;
  /** Wording when A = B (default: positive). */
  zero?: Template;
  /** Wording when B is 0 and A is not: "上年无此项支出，本年新增{}". No {rate}. */
  zeroBase?: Template;
  /** The difference is a fact of the sentence under this label (a template: {#name} allowed). */
  fact?: Template;
  /** The fact's figure keeps its sign (a 结余 that may be negative) rather than its magnitude. */
  signed?: boolean;
}

/**
 * A ratio of two cells as a percentage, {rate} in `text`: a share ("占本年收入合计的{rate}", part
 * ÷ total) or a completion rate ("完成年初预算的{rate}", 决算 ÷ 预算), rounded half up at the
 * percentDecimals option. `zero` is the wording when the denominator is 0 (a 类 with no 年初预算:
 * "年初未作预算"); without it such a sentence is not written and says why.
 */
export interface RatioSlot {
  kind: "ratio";
  /** [numerator, denominator]. */
  of: [FieldRef, FieldRef];
  text: Template;
  zero?: Template;
  /** A blank denominator counts as 0 (a 年初预算数 left blank on a line that had none). */
  blankIsZero?: boolean;
  /** What the percentage is, for its fact: share (default), executionRate, or ratio (a 完成度: 实际 ÷ 指标值). */
  as?: "share" | "executionRate" | "ratio";
  /** The fact's label (a template: {#name} allowed). */
  fact?: Template;
}

/** Items stated only when their cells are filled: "，其中行政编制25人，事业编制17人". */
export interface FilledSlot {
  kind: "filled";
  /** Written before the items when at least one is filled. */
  lead: string;
  joiner: string;
  items: Template[];
  /** Items whose figures are all 0 are left out too (a listing names what was spent). */
  skipZero?: boolean;
  /** Slots the items use (a share of each item). */
  slots?: Record<string, DifferenceSlot | RatioSlot>;
}

/** One clause per entry of an open list: "；其中局机关收入…；二级机构收入…". */
export interface EachSlot {
  kind: "each";
  list: string;
  lead: string;
  joiner: string;
  /** One entry's clause; `[*]` in a field id is the entry's row, {#name} its name. */
  item: Template;
  /** Slots of the item (a per-entry difference or ratio). */
  slots?: Record<string, DifferenceSlot | RatioSlot>;
  /** Fewer entries than this and the slot says nothing (a department of one unit: 1 entry). */
  minEntries?: number;
  /**
   * Only the entries whose 科目编码 has one of these lengths: [3] lists the 类 of a 功能科目 list
   * and leaves its 款 and 项 out.
   */
  codeLengths?: number[];
  /** With no entry to list the sentence is not written: the list is missing (default: says nothing). */
  required?: boolean;
  /**
   * "after": the entries are asked for only once the sentence's other figures are there (a
   * listing that completes a sentence); "with" (default): together with them.
   */
  needed?: "with" | "after";
  /** A note when the entries' sum differs from a cell: "{sum}" is the sum. */
  sumNote?: { total: FieldRef; text: Template };
}

export type Slot = DifferenceSlot | RatioSlot | FilledSlot | EachSlot;

interface BindingBase {
  /** Stable sentence id, e.g. "exec.indicators". */
  id: string;
  /**
   * false (default): the paragraph is incomplete without it. true: left out, and listed as
   * skipped, when its inputs are missing. "ifListEmpty" (breakdowns): left out when its list is
   * empty while another breakdown of the paragraph has entries.
   */
  optional?: boolean | "ifListEmpty";
  /** Written only when the officer turns this wording option on. */
  option?: "executionRate";
}

/** Figures stated as they are, and differences worded by their sign ("counts and differences"). */
export interface TextBinding extends BindingBase {
  kind: "text";
  text: Template;
  /** Cells read first, in this order (table order), before those the text names. */
  reads?: FieldRef[];
  slots?: Record<string, Slot>;
  /**
   * What the sentence calls a cell whose label is only 合计 or 总计 ("一般公共预算财政拨款支出" for
   * the 合计 row of 公开05表): 叙述核对 reads the figure after these words as that cell, and a
   * change on the prior year the sentence states (a difference with zeroBase) as its pair.
   */
  names?: Record<FieldRef, string>;
}

export interface ChangeItemBinding {
  /** Part of the clause id: `${binding.id}.${key}`. */
  key: string;
  /** The row as the sentences name it: 公务接待费. */
  name: string;
  prior: FieldRef;
  current: FieldRef;
}

/**
 * Change on the prior year, one clause per item: "公务接待费实际支出1.90万元，比上年降低44.77%";
 * 上年无此项支出，本年新增…; 本年无此项支出; 与上年持平.
 */
export interface ChangesBinding extends BindingBase {
  kind: "changes";
  items: ChangeItemBinding[];
  /** States the current amount after the name with these words ("实际支出"). */
  amountAs?: string;
  /** Items with nothing in either year are grouped into one clause: "{report.year}年度无{names}". */
  none?: { id: string; text: Template };
  /** Only items whose prior year is above 0 (a 与上年比较 sentence gives percentages only). */
  onlyPriorPositive?: boolean;
}

/** Each part's share of a named total: "基本支出507.32万元，占支出预算总额的97.17%". */
export interface SharesBinding extends BindingBase {
  kind: "shares";
  lead: string;
  parts: Array<{ name: string; field: FieldRef }>;
  /** name: first mention; shortName: later ones (default name). */
  total: { field: FieldRef; name: string; shortName?: string };
}

/** 完成预算 / 预算执行率 = 决算 ÷ 预算: the text has {rate}. */
export interface RateBinding extends BindingBase {
  kind: "rate";
  budget: FieldRef;
  actual: FieldRef;
  text: Template;
  /** The computed fact's label. */
  label: string;
}

/** An amount per person or per item: the text has {quotient} and may name the divisor's cell. */
export interface QuotientBinding extends BindingBase {
  kind: "quotient";
  per: "capita" | "item";
  amount: FieldRef;
  divisor: FieldRef;
  text: Template;
  label: string;
  /** Default: the perCapitaDecimals / perItemDecimals option. */
  decimals?: number;
}

/** The 预算/决算 rows whose overspend and 结余 are stated (list rows: every entry). */
export interface BudgetRowsBinding {
  table: string;
  rows: string[];
  budget: string;
  actual: string;
}

/** "{self}基本支出预算超支…，其中：工资福利支出超支…；对企业补助超支…（年初未作预算）". */
export interface OverspendBinding extends BindingBase {
  kind: "overspend";
  /** What is over budget: 基本支出. */
  name: string;
  budget: FieldRef;
  actual: FieldRef;
  rows: BudgetRowsBinding;
}

/** "超支项目合计超支…" / "结余项目合计结余…" over the rows (nothing when no row is). */
export interface SpendTotalBinding extends BindingBase {
  kind: "overspendTotal" | "underspendTotal";
  rows: BudgetRowsBinding;
}

/** An open list with its amounts: "{lead}1200.53万元，其中：行政运行支出960.47万元；…". */
export interface BreakdownBinding extends BindingBase {
  kind: "breakdown";
  list: string;
  /** The entry's amount, with [*]: funcBasic.item[*].amount. */
  amount: FieldRef;
  /** The table's total cell: a note when it differs from the sum of the entries. */
  total?: FieldRef;
  lead: Template;
  /** The list as the report names it, for "missing" and the sum's fact: 基本支出功能科目. */
  listLabel: string;
  separator: string;
}

export type SentenceBinding =
  | TextBinding
  | ChangesBinding
  | SharesBinding
  | RateBinding
  | QuotientBinding
  | OverspendBinding
  | SpendTotalBinding
  | BreakdownBinding;

export type SentenceKind = SentenceBinding["kind"];

/** One Chinese sentence: its clauses joined, after the prefix, then 。. */
export interface SentenceGroupBinding {
  prefix?: string;
  /** Between clauses (default ""). */
  joiner?: string;
  clauses: SentenceBinding[];
}

export interface ParagraphBinding {
  /** Stable paragraph id, e.g. "sangong". */
  id: string;
  /** The report's heading: 「“三公经费”支出使用和管理情况」. */
  title: string;
  sentences: SentenceGroupBinding[];
  /**
   * When the department marked `table` 本表无数据 (it had nothing to report there), the paragraph
   * is these sentences instead: "本部门2024年度无财政拨款“三公”经费支出". A table merely left blank
   * is not so marked: the paragraph then says what it lacks, as any other.
   */
  noData?: { table: string; sentences: SentenceGroupBinding[] };
}

/**
 * What a section of the written 自评报告 holds, in order: a table of the form (laid out as the
 * workbook lays it out), the paragraphs ZiPing writes (narrate: all of them, or these ids; under
 * their titles unless `titled` is false), a field the officer writes prose in (under its label;
 * an empty label: no heading, the section's own heading says it), or a sign-off block (意见,
 * 签字, 签章 and the date line, with what the officer filled in).
 */
export type ReportBlock =
  | {
      kind: "table";
      table: string;
      /** Printed only when one of its input cells is filled (the 上年数 table, filled by --prior). */
      whenFilled?: boolean;
    }
  | { kind: "paragraphs"; ids?: string[]; titled?: boolean }
  | { kind: "field"; field: string; label?: string }
  | {
      kind: "signoff";
      /** One line of labelled fields: 填报人（签名）：… 联系电话：… */
      parts: Array<{ label: string; field?: FieldRef }>;
      /** Who signs or seals below it: 部门（单位）负责人（签章）. */
      signer?: string;
      /** Ends with the line 年 月 日 for the date of signing. */
      dated?: boolean;
    };

export interface ReportSection {
  /** As the official outline words it: 一、部门（单位）基本概况. */
  heading: string;
  blocks: ReportBlock[];
}

/** A line of the cover: 评价方式：部门（单位）绩效自评. `text` is printed when the field is empty. */
export interface CoverLine {
  label: string;
  field?: FieldRef;
  text?: string;
  /** The 报告日期 line: the date the report command is given wins over the field. */
  date?: boolean;
}

/** The written report: its title and its sections in the official order. */
export interface ReportOutline {
  /** Stable id (2020, 2025), what 报告格式 and --outline name. */
  id?: string;
  /** Other words for it an officer may type in 报告格式: 岳阳, 湖南. */
  names?: string[];
  title: string;
  /** The cover's lines under the title, in order. */
  cover?: CoverLine[];
  sections: ReportSection[];
}
