import { listRowCount, rowInstances, type Lists } from "./instances";
import type {
  BudgetRelation,
  Each,
  EquationRelation,
  FieldRef,
  FormSpec,
  GradeRelation,
  HierarchyRelation,
  InequalityRelation,
  RangeRelation,
  RatioRelation,
  Relation,
  SameRelation,
  TableSpec,
} from "./types";

/** A relation of the spec, expanded over its rows/columns and list entries into concrete field ids. */
export type Rule =
  | { kind: "equation"; id: string; relation: EquationRelation; target: string; terms: Array<{ field: string; sign: 1 | -1 }> }
  | { kind: "same"; id: string; relation: SameRelation; a: string; b: string }
  | { kind: "budget"; id: string; relation: BudgetRelation; budget: string; actual: string }
  | { kind: "range"; id: string; relation: RangeRelation; field: string }
  | { kind: "grade"; id: string; relation: GradeRelation; score: string; grade: string }
  | { kind: "inequality"; id: string; relation: InequalityRelation; a: string; b: string }
  | { kind: "ratio"; id: string; relation: RatioRelation; field: string; numerator: string; denominator: string };

interface Substitution {
  row?: string;
  col?: string;
}

export function tableById(form: FormSpec, id: string): TableSpec | undefined {
  for (const sheet of form.sheets) for (const table of sheet.tables) if (table.id === id) return table;
  return undefined;
}

export function substitutions(form: FormSpec, each: Each | undefined, lists: Lists): Substitution[] {
  if (!each) return [{}];
  const table = tableById(form, each.table);
  if (!table) throw new Error(`relation iterates unknown table ${each.table}`);
  const rows =
    each.rows === undefined
      ? [undefined]
      : rowInstances(table, lists)
          .filter((r) => (each.rows === "*" ? true : each.rows!.includes(r.spec.id)))
          .filter((r) => !each.exceptRows?.includes(r.spec.id))
          .map((r) => r.id);
  const cols =
    each.columns === undefined
      ? [undefined]
      : (table.columns ?? [])
          .map((c) => c.id)
          .filter((c) => each.columns === "*" || each.columns!.includes(c))
          .filter((c) => !each.exceptColumns?.includes(c));
  return rows.flatMap((row) => cols.map((col) => ({ row, col })));
}

export function substitute(ref: FieldRef, s: Substitution): string {
  let out = ref;
  if (s.row !== undefined) out = out.split("{row}").join(s.row);
  if (s.col !== undefined) out = out.split("{col}").join(s.col);
  return out;
}

/** `income.unit[*].total` → one id per entry of the list row `unit`; other refs stay as they are. */
function expandStar(form: FormSpec, ref: string, lists: Lists): string[] {
  const m = /^([^.]+)\.([^.[]+)\[\*\](.*)$/.exec(ref);
  if (!m) return [ref];
  const [, tableId, rowSpecId, rest] = m;
  const table = tableById(form, tableId);
  if (!table) throw new Error(`reference ${ref} names unknown table ${tableId}`);
  // The ids rowInstances gives this row, made without building its instances (a 科目 list
  // of 100,000 entries would build them only to read their ids).
  const spec = table.rows.find((r) => r.id === rowSpecId);
  if (!spec) return [];
  if (!spec.list) return [`${tableId}.${rowSpecId}${rest}`];
  // Joined in one piece, as fieldId makes ids (see there).
  return Array.from({ length: listRowCount(lists, spec.list) }, (_, k) => [tableId, ".", rowSpecId, "[", k + 1, "]", rest].join(""));
}

function ruleId(relation: Relation, s: Substitution): string {
  const parts = [s.row, s.col].filter((p): p is string => p !== undefined);
  return parts.length ? `${relation.id}[${parts.join(",")}]` : relation.id;
}

/**
 * A relation may name any entry of a list (`spending.line[3].total`); in a workbook whose list is
 * shorter that entry does not exist, and there is nothing to check.
 */
function namesMissingEntry(form: FormSpec, rule: Rule, lists: Lists): boolean {
  return ruleFields(rule).some((field) => {
    const m = /^([^.]+)\.([^.[]+)\[(\d+)\]/.exec(field);
    if (!m) return false;
    const list = tableById(form, m[1])?.rows.find((r) => r.id === m[2])?.list;
    return list !== undefined && Number(m[3]) > listRowCount(lists, list);
  });
}

/**
 * Each entry of a coded list that has entries one level down (by code length and prefix) equals
 * their sum: one equation per such entry and column, checked as any sum (尾差 included).
 */
function expandHierarchy(form: FormSpec, relation: HierarchyRelation, lists: Lists): Rule[] {
  const table = tableById(form, relation.table);
  const list = table?.rows.find((r) => r.id === relation.row)?.list;
  if (!table || !list) throw new Error(`hierarchy names unknown list row ${relation.table}.${relation.row}`);
  const entries = (lists[list] ?? []).map((e, i) => ({ n: i + 1, code: (e.code ?? "").trim() }));
  const columns = relation.columns ?? (table.columns ?? []).map((c) => c.id);
  const rules: Rule[] = [];
  relation.levels.slice(0, -1).forEach((length, level) => {
    const childLength = relation.levels[level + 1];
    const childrenOf = new Map<string, typeof entries>();
    for (const e of entries) {
      if (e.code.length !== childLength) continue;
      const group = childrenOf.get(e.code.slice(0, length));
      if (group) group.push(e);
      else childrenOf.set(e.code.slice(0, length), [e]);
    }
    for (const parent of entries.filter((e) => e.code.length === length)) {
      const children = childrenOf.get(parent.code);
      if (!children) continue;
      for (const col of columns) {
        const field = (n: number) => `${table.id}.${relation.row}[${n}].${col}`;
        const id = `${relation.id}[${parent.code},${col}]`;
        const equation: EquationRelation = { kind: "equation", id: relation.id, label: relation.label, target: field(parent.n), terms: children.map((c) => field(c.n)) };
        rules.push({ kind: "equation", id, relation: equation, target: field(parent.n), terms: children.map((c) => ({ field: field(c.n), sign: 1 as const })) });
      }
    }
  });
  if (relation.total !== undefined) {
    // The 合计 row = Σ top-level entries (an empty list sums nothing and is not checked).
    const top = entries.filter((e) => e.code.length === relation.levels[0]);
    for (const col of top.length ? columns : []) {
      const target = `${table.id}.${relation.total}.${col}`;
      const terms = top.map((e) => `${table.id}.${relation.row}[${e.n}].${col}`);
      const equation: EquationRelation = { kind: "equation", id: relation.id, label: relation.label, target, terms };
      rules.push({ kind: "equation", id: `${relation.id}[${relation.total},${col}]`, relation: equation, target, terms: terms.map((field) => ({ field, sign: 1 as const })) });
    }
  }
  return rules;
}

export function expandRelation(form: FormSpec, relation: Relation, lists: Lists): Rule[] {
  if (relation.kind === "hierarchy") return expandHierarchy(form, relation, lists);
  const rules = expandEach(form, relation, lists);
  // Only a relation that names an entry by number or by code can name one the workbook lacks.
  const text = JSON.stringify(relation);
  const present = /\[\d+\]/.test(text) ? rules.filter((rule) => !namesMissingEntry(form, rule, lists)) : rules;
  return text.includes(CODE_REF) ? present.filter((rule) => !ruleFields(rule).some((f) => f.includes(CODE_REF))) : present;
}

const CODE_REF = "[code=";
/** `expenseDetail.line[code=201].total`: the entry of a coded list row whose 科目编码 is 201. */
export const CODE_REF_PATTERN = /^([^.]+)\.([^.[]+)\[code=([^\]]+)\](.*)$/;

/**
 * A reference to a coded list's entry by its code becomes the entry's numbered id
 * (`expenseDetail.line[3].total`); with no such entry it stays as it is, and its rule is dropped:
 * a 类 the department has no line for has nothing to compare.
 */
function resolveCode(form: FormSpec, ref: string, lists: Lists): string {
  const m = CODE_REF_PATTERN.exec(ref);
  if (!m) return ref;
  const [, tableId, rowId, code, rest] = m;
  const list = tableById(form, tableId)?.rows.find((r) => r.id === rowId)?.list;
  const n = list ? (lists[list] ?? []).findIndex((e) => (e.code ?? "").trim() === code) + 1 : 0;
  return n > 0 ? [tableId, ".", rowId, "[", n, "]", rest].join("") : ref;
}

function expandEach(form: FormSpec, relation: Exclude<Relation, HierarchyRelation>, lists: Lists): Rule[] {
  return substitutions(form, relation.each, lists).map((s): Rule => {
    const id = ruleId(relation, s);
    const one = (ref: FieldRef) => resolveCode(form, substitute(ref, s), lists);
    switch (relation.kind) {
      case "equation":
        return {
          kind: "equation",
          id,
          relation,
          target: one(relation.target),
          terms: relation.terms.flatMap((t) => {
            const ref = typeof t === "string" ? t : t.ref;
            const sign = typeof t === "string" ? 1 : t.sign;
            return expandStar(form, one(ref), lists).map((field) => ({ field, sign }));
          }),
        };
      case "same":
        return { kind: "same", id, relation, a: one(relation.a), b: one(relation.b) };
      case "budget":
        return { kind: "budget", id, relation, budget: one(relation.budget), actual: one(relation.actual) };
      case "range":
        return { kind: "range", id, relation, field: one(relation.field) };
      case "grade":
        return { kind: "grade", id, relation, score: one(relation.score), grade: one(relation.grade) };
      case "inequality":
        return { kind: "inequality", id, relation, a: one(relation.a), b: one(relation.b) };
      case "ratio":
        return { kind: "ratio", id, relation, field: one(relation.field), numerator: one(relation.numerator), denominator: one(relation.denominator) };
    }
  });
}

export function expandRules(form: FormSpec, lists: Lists): Rule[] {
  return form.relations.flatMap((r) => expandRelation(form, r, lists));
}

/** Every field a rule reads, the checked one first. */
export function ruleFields(rule: Rule): string[] {
  switch (rule.kind) {
    case "equation":
      return [rule.target, ...rule.terms.map((t) => t.field)];
    case "same":
      return [rule.a, rule.b];
    case "budget":
      return [rule.actual, rule.budget];
    case "range":
      return [rule.field];
    case "grade":
      return [rule.grade, rule.score];
    case "inequality":
      return [rule.a, rule.b];
    case "ratio":
      return [rule.field, rule.numerator, rule.denominator];
  }
}
