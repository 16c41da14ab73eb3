import { validateNarrative } from "./bindings";
import { CODE_REF_PATTERN, expandRules, ruleFields, tableById } from "./rules";
import { isUnit, UNIT_NAMES } from "./units";
import { linkProblems } from "./validate-links";
import { expandFields, type Lists } from "./instances";
import type { FormSpec, HierarchyRelation, Relation, TableSpec } from "./types";

const EXCEL_SHEET_NAME = /^[^:\\/?*[\]]{1,31}$/;

/**
 * Checks a form that arrives as data (a JSON file, a province's variant) before anything is
 * derived from it: unique ids, lists that exist, Excel-valid sheet names, and relations whose
 * every reference, expanded over sample lists, names a real field; narrative bindings whose kinds,
 * fields, lists and slots exist, report outlines and prior-year links that name real tables and
 * fields (named by JSON path). Returns Chinese messages.
 */
export function validateForm(form: FormSpec): string[] {
  const errors: string[] = [];
  /** Each repeated id, named by the JSON path of its second use: `lists[2].id：列表 id 重复：funcs`. */
  const seen = (kind: string, ids: string[], pathOf: (i: number) => string) => {
    ids.forEach((id, i) => {
      if (ids.indexOf(id) !== i) errors.push(`${pathOf(i)}：${kind} id 重复：${id}`);
    });
  };
  if (!form || typeof form !== "object" || !Array.isArray(form.sheets) || !Array.isArray(form.relations)) {
    return ["不是报表规格：缺少 sheets 或 relations"];
  }
  if (form.alias !== undefined && (typeof form.alias !== "string" || !/^[a-z][a-z0-9-]{0,31}$/.test(form.alias))) {
    errors.push("alias：简称应为小写字母开头的英文短名，例如 juesuan");
  }
  const listIds = (form.lists ?? []).map((l) => l.id);
  seen("列表", listIds, (i) => `lists[${i}].id`);
  seen("工作表", form.sheets.map((s) => s.id), (i) => `sheets[${i}].id`);
  seen("工作表名称", form.sheets.map((s) => s.name), (i) => `sheets[${i}].name`);
  const tables = form.sheets.flatMap((s, i) => s.tables.map((table, j) => ({ table, at: `sheets[${i}].tables[${j}]` })));
  seen("表", tables.map((t) => t.table.id), (k) => `${tables[k].at}.id`);
  form.sheets.forEach((sheet, i) => {
    if (!EXCEL_SHEET_NAME.test(sheet.name)) errors.push(`sheets[${i}].name：工作表名称「${sheet.name}」不能用作 Excel 工作表名（最多31字，不含 : \\ / ? * [ ]）`);
  });
  for (const { table, at } of tables) {
    if (!/^[A-Za-z][A-Za-z0-9]*$/.test(table.id)) errors.push(`${at}.id：表 id「${table.id}」只能由字母和数字组成`);
    seen(`表 ${table.id} 的行`, table.rows.map((r) => r.id), (k) => `${at}.rows[${k}].id`);
    if (table.layout === "grid") {
      if (!table.columns?.length) errors.push(`${at}.columns：表 ${table.id} 是网格表但没有列`);
      seen(`表 ${table.id} 的列`, (table.columns ?? []).map((c) => c.id), (k) => `${at}.columns[${k}].id`);
    }
    table.rows.forEach((row, k) => {
      if (row.list && !listIds.includes(row.list)) errors.push(`${at}.rows[${k}].list：表 ${table.id} 的行 ${row.id} 引用了不存在的列表 ${row.list}`);
    });
    errors.push(...numberingProblems(table, at));
  }
  seen("校验规则", form.relations.map((r) => r.id), (i) => `relations[${i}].id`);
  if (errors.length) return errors;

  errors.push(...unitProblems(form));

  // Two entries per list, so `[*]` sums and list rows are exercised, or as many as the highest
  // entry a relation names (`spending.line[3].total`).
  const named = [...JSON.stringify(form.relations).matchAll(/\[(\d+)\]/g)].map((m) => Number(m[1]));
  const sampleSize = Math.max(2, ...named);
  const sampleLists: Lists = Object.fromEntries(listIds.map((id) => [id, Array.from({ length: sampleSize }, (_, k) => ({ name: `样例${k + 1}` }))]));
  const fieldDefs = new Map(expandFields(form, sampleLists).map((f) => [f.id, f]));
  const fieldIds = new Set(fieldDefs.keys());
  form.relations.forEach((relation, i) => {
    const at = `relations[${i}]`;
    errors.push(...codeRefProblems(form, relation, at));
    if (relation.kind === "hierarchy") {
      errors.push(...hierarchyProblems(form, relation, at));
      return;
    }
    try {
      for (const rule of expandRules({ ...form, relations: [relation] }, sampleLists)) {
        for (const id of ruleFields(rule)) {
          if (!fieldIds.has(id)) errors.push(`${at}：校验规则 ${rule.id} 引用了不存在的字段 ${id}`);
        }
        const stated = rule.kind === "ratio" ? fieldDefs.get(rule.field) : undefined;
        if (rule.kind === "ratio" && stated && stated.kind !== "percent") errors.push(`${at}.field：比率规则 ${rule.id} 的 ${rule.field} 应为百分比栏目（kind: percent），而不是 ${stated.kind}`);
      }
    } catch (e) {
      errors.push(`${at}：校验规则 ${relation.id}：${(e as Error).message}`);
    }
  });
  errors.push(...validateNarrative((form as { narrative?: unknown }).narrative, fieldIds, listIds));
  errors.push(...linkProblems(form, fieldIds, sampleLists));
  return errors;
}

/**
 * 行次 and 栏次 are short texts ("1", "12"), each used once in its table, and emptyAllowed is a
 * yes/no: a JSON form that gets them wrong is told where.
 */
function numberingProblems(table: TableSpec, at: string): string[] {
  const errors: string[] = [];
  if (table.emptyAllowed !== undefined && typeof table.emptyAllowed !== "boolean") errors.push(`${at}.emptyAllowed：应为 true 或 false`);
  const numbered = (what: string, key: "lineNo" | "colNo", items: Array<{ lineNo?: unknown; colNo?: unknown }>, path: string) => {
    const used: string[] = [];
    items.forEach((item, k) => {
      const value = item[key];
      if (value === undefined) return;
      if (typeof value !== "string" || !/^[0-9A-Za-z]{1,6}$/.test(value)) errors.push(`${at}.${path}[${k}].${key}：${what}应为简短的编号文字，例如 "1"`);
      else if (used.includes(value)) errors.push(`${at}.${path}[${k}].${key}：${what}「${value}」在表 ${table.id} 中重复`);
      else used.push(value);
    });
  };
  numbered("行次", "lineNo", table.rows, "rows");
  numbered("栏次", "colNo", table.columns ?? [], "columns");
  return errors;
}

/** Every unit a table, column or row names must be one of the vocabulary's. */
function unitProblems(form: FormSpec): string[] {
  const errors: string[] = [];
  const check = (unit: unknown, at: string) => {
    if (unit !== undefined && !isUnit(unit)) errors.push(`${at}.unit：单位「${String(unit)}」不在可用单位之中（${UNIT_NAMES}）`);
  };
  form.sheets.forEach((sheet, i) =>
    sheet.tables.forEach((table, j) => {
      const at = `sheets[${i}].tables[${j}]`;
      check(table.unit, at);
      (table.columns ?? []).forEach((c, k) => check(c.unit, `${at}.columns[${k}]`));
      table.rows.forEach((r, k) => check(r.unit, `${at}.rows[${k}]`));
    }),
  );
  return errors;
}

/** `table.row[code=…]` names a coded list row, and its column a column of that table. */
function codeRefProblems(form: FormSpec, relation: Relation, at: string): string[] {
  const refs = [...JSON.stringify(relation).matchAll(/"([^"]*\[code=[^"]*)"/g)].map((m) => m[1]);
  return refs.flatMap((ref) => {
    const m = CODE_REF_PATTERN.exec(ref);
    const table = m ? tableById(form, m[1]) : undefined;
    const row = table?.rows.find((r) => r.id === m![2]);
    const coded = row?.list && form.lists.find((l) => l.id === row.list)?.coded;
    const column = m?.[4].replace(/^\./, "");
    const hasColumn = table?.layout === "record" ? column === "" : (table?.columns ?? []).some((c) => c.id === column || column === "{col}");
    return m && coded && hasColumn ? [] : [`${at}：引用 ${ref} 应为“表.列表行[code=科目编码].列”，且该列表有科目编码（coded）`];
  });
}

/** A hierarchy names a coded list row, code lengths that grow, and columns of its table. */
function hierarchyProblems(form: FormSpec, relation: HierarchyRelation, at: string): string[] {
  const table = tableById(form, relation.table);
  if (!table) return [`${at}.table：表「${relation.table}」不在本报表中`];
  const row = table.rows.find((r) => r.id === relation.row);
  if (!row?.list) return [`${at}.row：表 ${relation.table} 没有名为「${relation.row}」的列表行`];
  const errors: string[] = [];
  if (!form.lists.find((l) => l.id === row.list)?.coded) errors.push(`${at}.row：列表 ${row.list} 没有科目编码（coded），无法按编码汇总`);
  const levels = relation.levels;
  if (!Array.isArray(levels) || levels.length < 2 || levels.some((n, k) => !Number.isInteger(n) || n < 1 || (k > 0 && n <= levels[k - 1]))) {
    errors.push(`${at}.levels：应为逐级变长的编码位数，例如功能科目 [3, 5, 7]、经济科目 [3, 5]`);
  }
  const columns = (table.columns ?? []).map((c) => c.id);
  (relation.columns ?? []).forEach((c, k) => columns.includes(c) || errors.push(`${at}.columns[${k}]：表 ${relation.table} 没有列「${c}」`));
  if (relation.total !== undefined && !table.rows.some((r) => r.id === relation.total && !r.list)) {
    errors.push(`${at}.total：表 ${relation.table} 没有名为「${String(relation.total)}」的固定行（合计行）`);
  }
  return errors;
}
