import type { ListEntry } from "../../spec/data";
import { fieldId } from "../../spec/instances";
import { eachBinding } from "../../spec/bindings";
import type { ColumnSpec, DifferenceSlot, FormSpec, RowSpec, Slot, TableSpec, Unit, ValueKind } from "../../spec/types";
import { DERIVED_LABELS, DERIVED_TERMS, GENERIC_TERMS, PROSE_SYNONYMS, SUMS, WEAK_TERMS } from "./synonyms";
import { matchKey } from "./chars";

/** Which figure of a row a sentence means: the 预算, the 决算/本年, or last year's. */
export type Role = "budget" | "actual" | "prior";

/** Which figure of the prior year a change is on: its 预算 or its 决算. */
export type Base = "budget" | "actual";

export interface ConceptValue {
  field: string;
  role: Role;
  /** The table the cell sits in. */
  table: string;
  /**
   * The concept the cell's table is about, when its title names one: the 经济分类 table's
   * rows are 基本支出 figures, never 项目支出 ones.
   */
  scope?: string;
  /** A prior-year cell's kind, when its label or title says it (上年预算数, 上年决算数). */
  base?: Base;
}

/**
 * Something a paragraph can state a figure about, found by any of its terms. Every concept is
 * derived from the spec: a record table's rows, a grid's rows (over its 预算/决算/上年/本年
 * columns), a grid's subject columns (at its 合计 row), a list's entries by name, plus the prose
 * words of synonyms.ts keyed by those labels. Nothing here names a field of one form.
 */
export interface Concept {
  id: string;
  /** How findings name it. */
  name: string;
  terms: string[];
  /** What a plain figure about it is: 万元, a count (人/台/个) or a score (分). */
  measure: "amount" | "count" | "score";
  /**
   * A generic word (实际使用, 结余) that names a concept only when it stands alone; right after
   * another label it is part of that label's phrase ("公务用车运行维护费实际使用0.12万元").
   */
  weak?: boolean;
  /** Cells a plain figure may be, each with the role it plays. */
  values: ConceptValue[];
  /** Last year and this year: change on the prior year (base: the prior cell's kind, when known). */
  pair?: PriorPair;
  /** More such pairs, from the form's sentences (a change they state of cells in two tables). */
  pairs?: PriorPair[];
  /** 预算 and 决算: overspend and execution rate. */
  budgetPair?: { budget: string; actual: string };
  /** Computed concepts that are not one cell. */
  derived?: "overspendTotal" | "staffGap";
  /** A figure that is the sum of these cells (一般公共预算支出 = 一般公共预算基本支出 + 项目支出). */
  sum?: string[];
}

/** A prior-year cell and this year's cell of the same kind: 上年预算数 with 本年预算数, 上年决算数 with 决算数. */
export interface PriorPair {
  prior: string;
  current: string;
  base?: Base;
}

/** The cells the derived figures use, found by their labels (synonyms.ts), when the form has them. */
export interface DerivedFields {
  perCapitaDivisor?: string;
  perItemDivisor?: string;
  staff?: { authorized: string; inService: string };
  econ?: { rows: Array<{ name: string; budget: string; actual: string }>; total?: { budget: string; actual: string } };
}

export interface Vocabulary {
  concepts: Concept[];
  derived: DerivedFields;
  /** Ids of the concepts a table title names (基本支出, 项目支出): a clause naming one is about it. */
  scopes: Set<string>;
}

type Measure = Concept["measure"];

/** A label as prose would write it: no 其中： prefix, no blanks or quotes. */
export function cleanLabel(label: string): string {
  return label.replace(/^其中[:：]/, "").replace(/[\s“”"‘’「」]/g, "");
}

function termsOf(label: string, synonyms: string[] = []): string[] {
  const terms = [label, ...synonyms].map(cleanLabel).filter((t) => t.length >= 2 && !/\d/.test(t) && !GENERIC_TERMS.has(t));
  return [...terms, ...terms.flatMap((t) => PROSE_SYNONYMS[t] ?? [])];
}

/** 一般公共预算, 政府性基金预算 …: kinds of budget, not the 预算 figure of a row. */
const BUDGET_KINDS = /(一般公共|政府性基金|国有资本经营|社会保险基金)预算/g;

function roleOfLabel(raw: string): Role | undefined {
  const label = raw.replace(BUDGET_KINDS, "");
  if (/上年|去年/.test(label)) return "prior";
  if (/预算|年初/.test(label)) return "budget";
  if (/决算|实际|本年|当年/.test(label)) return "actual";
  return undefined;
}

/**
 * What a prior-year label's figure is (上年预算数 → budget, 上年决算数 → actual), or, for a bare
 * 上年, what its table's title says: unknown when neither says.
 */
function baseOfPrior(label: string, title: string): Base | undefined {
  const own = roleOfLabel(label.replace(/上年|去年/g, ""));
  if (own === "budget" || own === "actual") return own;
  const t = roleOfTitle(title.replace(/上年|去年/g, ""));
  return t === "budget" || t === "actual" ? t : undefined;
}

/** A title that says its figures are 预算 (年初总收支预算情况) or 决算 throughout. */
function roleOfTitle(raw: string): Role | undefined {
  const title = raw.replace(BUDGET_KINDS, "");
  if (/执行|使用/.test(title)) return undefined;
  // 上年决算数: a table of last year's figures.
  if (/上年|去年/.test(title)) return "prior";
  if (/预算|年初/.test(title) && !/决算/.test(title)) return "budget";
  if (/决算/.test(title) && !/预算/.test(title)) return "actual";
  return undefined;
}

/** A column that only says which figure of the row it is (预算指标, 本年决算, 上年, 金额, 合计). */
function isRoleColumn(c: ColumnSpec): boolean {
  return cleanLabel(c.label).replace(/本年|上年|当年|去年|年初|预算|决算|实际|指标|金额|数|合计|部门/g, "") === "";
}

function isSummaryRow(r: RowSpec): boolean {
  if (r.list) return false;
  const words = [r.label, ...(r.synonyms ?? [])].map(cleanLabel);
  return words.some((w) => GENERIC_TERMS.has(w) && w !== "本年" && w !== "上年") || /(合计|汇总|总计|小计)$/.test(cleanLabel(r.label));
}

function measureOf(kind: ValueKind, unit: Unit): Measure | undefined {
  if (kind === "amount" || kind === "amountOrNone") return "amount";
  if (kind === "count") return unit === "" ? undefined : "count";
  if (kind === "score") return "score";
  return undefined;
}

/** "“三公经费”与上年比较" → 三公经费; "一般公共预算基本支出（按功能科目）" → 一般公共预算基本支出. */
function titleTerms(title: string): string[] {
  let t = cleanLabel(title).replace(/[（(][^）)]*[）)]/g, "");
  for (let before = ""; before !== t; ) {
    before = t;
    t = t.replace(/(与上年比较|情况|明细|表|决算|预算)$/, "");
  }
  return termsOf(t, t.endsWith("经费支出") ? [t.slice(0, -2)] : []);
}

interface Draft {
  name: string;
  terms: string[];
  measure: Measure;
  values: ConceptValue[];
  /** Named by its table's title (一般公共预算项目支出), not by a row or column label. */
  fromTitle?: boolean;
}

function tablesOf(form: FormSpec): TableSpec[] {
  return form.sheets.flatMap((s) => s.tables);
}

/** The drafts one table gives, and its record rows' fields by label (for the derived figures). */
function tableDrafts(table: TableSpec, lists: Record<string, ListEntry[] | undefined>, byLabel: Map<string, { field: string; unit: Unit }>): Draft[] {
  const drafts: Draft[] = [];
  const titleRole = roleOfTitle(table.title);
  const add = (name: string, terms: string[], measure: Measure | undefined, values: ConceptValue[], fromTitle = false) => {
    if (measure && terms.length && values.length) drafts.push({ name, terms, measure, values, ...(fromTitle ? { fromTitle } : {}) });
  };
  if (table.layout === "record") {
    for (const row of table.rows) {
      if (row.list) continue;
      const kind = row.kind ?? table.kind ?? "amount";
      const unit = row.unit ?? table.unit ?? "";
      const field = fieldId(table, row.id);
      byLabel.set(cleanLabel(row.label), { field, unit });
      for (const s of row.synonyms ?? []) if (!byLabel.has(cleanLabel(s))) byLabel.set(cleanLabel(s), { field, unit });
      // In a table of last year's figures (上年决算数), "本年收入合计" is last year's 本年收入合计.
      const role = titleRole === "prior" ? "prior" : roleOfLabel(cleanLabel(row.label)) ?? titleRole ?? "actual";
      const base = role === "prior" ? baseOfPrior(cleanLabel(row.label), table.title) : undefined;
      add(cleanLabel(row.label), termsOf(row.label, row.synonyms), measureOf(kind, unit), [{ field, role, table: table.id, ...(base ? { base } : {}) }]);
    }
    return drafts;
  }
  const columns = (table.columns ?? []).filter((c) => measureOf(c.kind ?? table.kind ?? "amount", c.unit ?? table.unit ?? "万元"));
  const roleColumns = columns.filter(isRoleColumn);
  const subjectColumns = columns.filter((c) => !isRoleColumn(c));
  const measureOfColumn = (c: ColumnSpec) => measureOf(c.kind ?? table.kind ?? "amount", c.unit ?? table.unit ?? "万元");
  const roleOfColumn = (c: ColumnSpec): Role => roleOfLabel(cleanLabel(c.label)) ?? titleRole ?? "actual";
  const valueAt = (rowId: string, c: ColumnSpec): ConceptValue => {
    const role = roleOfColumn(c);
    const base = role === "prior" ? baseOfPrior(cleanLabel(c.label), table.title) : undefined;
    return { field: fieldId(table, rowId, c.id), role, table: table.id, ...(base ? { base } : {}) };
  };
  const overRoles = (rowId: string): ConceptValue[] => roleColumns.map((c) => valueAt(rowId, c));
  const summary = table.rows.find(isSummaryRow);

  for (const row of table.rows) {
    if (row.list) {
      if (!roleColumns.length) continue;
      (lists[row.list] ?? []).forEach((entry, i) => {
        const name = entry.name.trim();
        if (name.length >= 2) add(name, [name], measureOfColumn(roleColumns[0]), overRoles(`${row.id}[${i + 1}]`));
      });
      continue;
    }
    if (roleColumns.length) add(cleanLabel(row.label), termsOf(row.label, row.synonyms), measureOfColumn(roleColumns[0]), overRoles(row.id));
  }
  // Columns under a common header other than 其中 (当年结余 and 累计结余 under 结余): the header names them too.
  if (summary) {
    const groups = new Map<string, ColumnSpec[]>();
    for (const c of subjectColumns) for (const g of c.groups ?? []) if (!/^其中/.test(g)) groups.set(g, [...(groups.get(g) ?? []), c]);
    for (const [g, cs] of groups) {
      add(cleanLabel(g), termsOf(g), measureOfColumn(cs[0]), cs.map((c) => valueAt(summary.id, c)));
    }
  }
  if (summary) {
    for (const c of subjectColumns) {
      add(cleanLabel(c.label), termsOf(c.label, c.synonyms), measureOfColumn(c), [valueAt(summary.id, c)]);
    }
    if (roleColumns.length && !subjectColumns.length && !/执行/.test(table.title)) {
      const terms = titleTerms(table.title);
      add(terms[0] ?? table.title, terms, measureOfColumn(roleColumns[0]), overRoles(summary.id), true);
    }
  }
  return drafts;
}

/** Drafts sharing a term (as matched: without 的/之/费, blanks or quotes) and a measure are one concept. */
function merge(drafts: Draft[]): Concept[] {
  const owner = new Map<string, Concept>();
  const concepts: Concept[] = [];
  for (const d of drafts) {
    const keys = d.terms.map((t) => `${d.measure}:${matchKey(t)}`);
    const found = [...new Set(keys.map((k) => owner.get(k)).filter((c): c is Concept => c !== undefined))];
    let concept: Concept;
    if (found.length) {
      concept = found[0];
      // A draft that joins two concepts joins them all.
      for (const other of found.slice(1)) {
        concept.terms.push(...other.terms);
        concept.values.push(...other.values);
        concepts.splice(concepts.indexOf(other), 1);
        for (const [k, c] of owner) if (c === other) owner.set(k, concept);
      }
    } else {
      const taken = concepts.filter((c) => c.name === d.name).length;
      concept = { id: taken ? `${d.name}#${taken + 1}` : d.name, name: d.name, terms: [], measure: d.measure, values: [] };
      concepts.push(concept);
    }
    concept.terms.push(...d.terms);
    for (const v of d.values) if (!concept.values.some((x) => x.field === v.field)) concept.values.push(v);
    for (const k of keys) owner.set(k, concept);
  }
  for (const c of concepts) {
    c.terms = [...new Set(c.terms)];
    if (c.terms.every((t) => WEAK_TERMS.has(t))) c.weak = true;
    for (const table of new Set(c.values.map((v) => v.table))) {
      const own = c.values.filter((v) => v.table === table);
      const current = own.find((v) => v.role === "actual");
      const budget = own.find((v) => v.role === "budget");
      // 上年预算数 pairs with this year's 预算, anything else with this year's 决算/本年; a table with
      // both 上年预算数 and 上年决算数 gives a pair of each.
      for (const prior of own.filter((v) => v.role === "prior")) {
        const now = prior.base === "budget" ? budget : current;
        if (!now) continue;
        const pair: PriorPair = { prior: prior.field, current: now.field, ...(prior.base ? { base: prior.base } : {}) };
        if (!c.pair) c.pair = pair;
        else if (prior.base && prior.base !== c.pair.base && !(c.pairs ?? []).some((p) => p.prior === pair.prior)) (c.pairs ??= []).push(pair);
      }
      if (!c.budgetPair && budget && current) c.budgetPair = { budget: budget.field, actual: current.field };
    }
  }
  return concepts;
}

/**
 * A table whose title names another concept (基本支出预算执行情况（按经济分类）) holds that
 * concept's parts: its cells carry the concept as their scope. Returns the concepts some title
 * names (基本支出, 项目支出): the words that set a clause's scope.
 */
function assignScopes(form: FormSpec, concepts: Concept[], labelTerms: Set<string>): Set<string> {
  const scopeWords = new Set<string>();
  for (const table of tablesOf(form)) {
    const title = cleanLabel(table.title);
    let best: { concept: Concept; length: number } | undefined;
    for (const c of concepts) {
      if (c.measure !== "amount" || c.weak) continue;
      for (const t of c.terms) {
        if (t.length < 4 || !labelTerms.has(t) || !title.includes(t)) continue;
        scopeWords.add(c.id);
        if (!c.values.some((v) => v.table === table.id) && (!best || t.length > best.length)) best = { concept: c, length: t.length };
      }
    }
    if (!best) continue;
    for (const c of concepts) for (const v of c.values) if (v.table === table.id) v.scope = best.concept.id;
  }
  return scopeWords;
}

function pickField(byLabel: Map<string, { field: string; unit: Unit }>, labels: string[], unit?: Unit): string | undefined {
  for (const l of labels) {
    const hit = byLabel.get(l);
    if (hit && (unit === undefined || hit.unit === unit)) return hit.field;
  }
  return undefined;
}

/** The 经济分类 table: rows with 预算 and 决算, their overspends adding up to 超支项目合计. */
function econTable(form: FormSpec, lists: Record<string, ListEntry[] | undefined>): DerivedFields["econ"] {
  const table = tablesOf(form).find((t) => t.layout === "grid" && t.title.includes(DERIVED_LABELS.econTableTitle));
  if (!table) return undefined;
  const roles = (table.columns ?? []).filter(isRoleColumn);
  const budget = roles.find((c) => roleOfLabel(cleanLabel(c.label)) === "budget");
  const actual = roles.find((c) => c !== budget && roleOfLabel(cleanLabel(c.label)) !== "prior");
  if (!budget || !actual) return undefined;
  const rows: Array<{ name: string; budget: string; actual: string }> = [];
  let total: { budget: string; actual: string } | undefined;
  for (const row of table.rows) {
    const at = (id: string) => ({ budget: fieldId(table, id, budget.id), actual: fieldId(table, id, actual.id) });
    if (row.list) (lists[row.list] ?? []).forEach((e, i) => rows.push({ name: e.name, ...at(`${row.id}[${i + 1}]`) }));
    else if (isSummaryRow(row)) total ??= at(row.id);
    else rows.push({ name: cleanLabel(row.label), ...at(row.id) });
  }
  return { rows, ...(total ? { total } : {}) };
}

/** The concepts of a form, with its lists' entries as concepts of their own. */
export function buildVocabulary(form: FormSpec, lists: Record<string, ListEntry[] | undefined>): Vocabulary {
  const byLabel = new Map<string, { field: string; unit: Unit }>();
  const drafts = tablesOf(form).flatMap((t) => tableDrafts(t, lists, byLabel));
  const prose = new Set(Object.values(PROSE_SYNONYMS).flat());
  const labelTerms = new Set(drafts.filter((d) => !d.fromTitle).flatMap((d) => d.terms.filter((t) => !prose.has(t))));
  // A table titled 一般公共预算项目支出 totals 项目支出: its 合计 is a figure of that label too.
  for (const d of drafts.filter((x) => x.fromTitle)) {
    const label = [...labelTerms].filter((t) => t.length >= 4 && d.terms[0] !== t && d.terms[0].endsWith(t)).sort((a, b) => b.length - a.length)[0];
    if (label) drafts.push({ name: label, terms: [label], measure: d.measure, values: d.values });
  }
  drafts.push(...namedInSentences(form, drafts));
  const concepts = merge(drafts);
  pairsFromSentences(form, concepts);
  const scopes = assignScopes(form, concepts, labelTerms);

  const derived: DerivedFields = {};
  const perCapita = pickField(byLabel, DERIVED_LABELS.perCapitaDivisor, "人");
  if (perCapita) derived.perCapitaDivisor = perCapita;
  const vehicles = [...byLabel.values()].find((v) => v.unit === "台");
  if (vehicles) derived.perItemDivisor = vehicles.field;
  const authorized = pickField(byLabel, DERIVED_LABELS.authorized, "人");
  const inService = pickField(byLabel, DERIVED_LABELS.inService, "人");
  if (authorized && inService) {
    derived.staff = { authorized, inService };
    concepts.push({ id: "staffGap", name: "实际人数与编制人数之差", terms: DERIVED_TERMS.staffGap, measure: "count", values: [], derived: "staffGap" });
  }
  // Totals prose names that no table has as one cell, when the form has every part.
  for (const [name, partLabels] of Object.entries(SUMS)) {
    if (concepts.some((c) => c.terms.includes(name))) continue;
    const parts = partLabels.map((l) => concepts.find((c) => c.terms.includes(l))?.values.find((v) => v.role !== "prior"));
    if (parts.every((p) => p !== undefined)) {
      concepts.push({ id: name, name, terms: [name], measure: "amount", values: [], sum: parts.map((p) => p!.field) });
    }
  }
  const econ = econTable(form, lists);
  if (econ) {
    derived.econ = econ;
    concepts.push({ id: "overspendTotal", name: "超支项目合计", terms: DERIVED_TERMS.overspendTotal, measure: "amount", values: [], derived: "overspendTotal" });
  }
  return { concepts, derived, scopes };
}

/** An amount cell no label names (a 合计 row's): its table, and its role by its column and title. */
function cellOf(form: FormSpec, field: string): ConceptValue | undefined {
  const [tableId, rowId, columnId] = field.split(".");
  const table = tablesOf(form).find((t) => t.id === tableId);
  if (!table || (table.kind ?? "amount") !== "amount") return undefined;
  const column = table.columns?.find((c) => c.id === columnId);
  const row = table.rows.find((r) => r.id === rowId.replace(/\[\d+\]$/, ""));
  if (!row || (table.layout === "grid" && !column)) return undefined;
  const label = cleanLabel(column?.label ?? row.label);
  const role = roleOfLabel(label) ?? roleOfTitle(table.title) ?? "actual";
  const base = role === "prior" ? baseOfPrior(label, table.title) : undefined;
  return { field, role, table: table.id, ...(base ? { base } : {}) };
}

/** The cells the form's sentences name (TextBinding.names), each a concept of that name. */
function namedInSentences(form: FormSpec, drafts: Draft[]): Draft[] {
  const out: Draft[] = [];
  for (const { binding } of eachBinding(form.narrative ?? [])) {
    if (binding.kind !== "text") continue;
    for (const [field, name] of Object.entries(binding.names ?? {})) {
      const known = drafts.flatMap((d) => d.values.map((v) => ({ d, v }))).find((x) => x.v.field === field);
      const value = known?.v ?? cellOf(form, field);
      const term = cleanLabel(name);
      if (!value || term.length < 2) continue;
      out.push({ name: term, terms: [term], measure: known?.d.measure ?? "amount", values: [{ field, role: value.role, table: value.table, ...(value.base ? { base: value.base } : {}) }] });
    }
  }
  return out;
}

function differences(slots: Record<string, Slot> | undefined): DifferenceSlot[] {
  return Object.values(slots ?? {}).flatMap((slot) => {
    if (slot.kind === "difference") return [slot];
    if (slot.kind === "each" || slot.kind === "filled") return differences(slot.slots);
    return [];
  });
}

/**
 * A change on the prior year a sentence states (a difference with a zeroBase wording) pairs its
 * two cells, for every concept holding this year's cell: "一般公共预算财政拨款支出比上年减少…"
 * compares 公开05表's 合计 with the 上年决算数 of that name, though they sit in two tables; and
 * "财政拨款收入总计1516.64万元，与上年相比减少58.49万元" is the change of the cell the amount matched
 * (财政拨款总表's 本年收入合计), though its prior cell is another concept's (财政拨款本年收入合计).
 */
function pairsFromSentences(form: FormSpec, concepts: Concept[]): void {
  const baseOfCell = new Map(concepts.flatMap((c) => c.values.filter((v) => v.base).map((v) => [v.field, v.base] as const)));
  for (const { binding } of eachBinding(form.narrative ?? [])) {
    if (binding.kind !== "text") continue;
    for (const slot of differences(binding.slots)) {
      if (slot.zeroBase === undefined || slot.of.some((f) => f.includes("[*]"))) continue;
      const [current, prior] = slot.of;
      for (const c of concepts) {
        if (!c.values.some((v) => v.field === current)) continue;
        const pairs = (c.pairs ??= []);
        const base = baseOfCell.get(prior);
        if (!pairs.some((p) => p.current === current && p.prior === prior)) pairs.push({ prior, current, ...(base ? { base } : {}) });
      }
    }
  }
}
