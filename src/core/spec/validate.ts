import { validateNarrative } from "./bindings";
import { expandRules, ruleFields } from "./rules";
import { expandFields, type Lists } from "./instances";
import type { FormSpec } from "./types";

const EXCEL_SHEET_NAME = /^[^:\\/?*[\]]{1,31}$/;

/**
 * Checks a form that arrives as data (a JSON file, a province's variant) before anything is
 * derived from it: unique ids, lists that exist, Excel-valid sheet names, and relations whose
 * every reference, expanded over sample lists, names a real field; narrative bindings whose kinds,
 * fields, lists and slots exist (named by JSON path). Returns Chinese messages.
 */
export function validateForm(form: FormSpec): string[] {
  const errors: string[] = [];
  const seen = (kind: string, ids: string[]) => {
    const dup = ids.filter((id, i) => ids.indexOf(id) !== i);
    for (const id of new Set(dup)) errors.push(`${kind} id 重复：${id}`);
  };
  if (!form || typeof form !== "object" || !Array.isArray(form.sheets) || !Array.isArray(form.relations)) {
    return ["不是报表规格：缺少 sheets 或 relations"];
  }
  const listIds = (form.lists ?? []).map((l) => l.id);
  seen("列表", listIds);
  seen("工作表", form.sheets.map((s) => s.id));
  seen("工作表名称", form.sheets.map((s) => s.name));
  const tables = form.sheets.flatMap((s) => s.tables);
  seen("表", tables.map((t) => t.id));
  for (const sheet of form.sheets) {
    if (!EXCEL_SHEET_NAME.test(sheet.name)) errors.push(`工作表名称「${sheet.name}」不能用作 Excel 工作表名（最多31字，不含 : \\ / ? * [ ]）`);
  }
  for (const table of tables) {
    if (!/^[A-Za-z][A-Za-z0-9]*$/.test(table.id)) errors.push(`表 id「${table.id}」只能由字母和数字组成`);
    seen(`表 ${table.id} 的行`, table.rows.map((r) => r.id));
    if (table.layout === "grid") {
      if (!table.columns?.length) errors.push(`表 ${table.id} 是网格表但没有列`);
      seen(`表 ${table.id} 的列`, (table.columns ?? []).map((c) => c.id));
    }
    for (const row of table.rows) {
      if (row.list && !listIds.includes(row.list)) errors.push(`表 ${table.id} 的行 ${row.id} 引用了不存在的列表 ${row.list}`);
    }
  }
  seen("校验规则", form.relations.map((r) => r.id));
  if (errors.length) return errors;

  // Two entries per list, so `[*]` sums and list rows are exercised.
  const sampleLists: Lists = Object.fromEntries(listIds.map((id) => [id, [{ name: "甲" }, { name: "乙" }]]));
  const fieldIds = new Set(expandFields(form, sampleLists).map((f) => f.id));
  for (const relation of form.relations) {
    try {
      for (const rule of expandRules({ ...form, relations: [relation] }, sampleLists)) {
        for (const id of ruleFields(rule)) {
          if (!fieldIds.has(id)) errors.push(`校验规则 ${rule.id} 引用了不存在的字段 ${id}`);
        }
      }
    } catch (e) {
      errors.push(`校验规则 ${relation.id}：${(e as Error).message}`);
    }
  }
  errors.push(...validateNarrative((form as { narrative?: unknown }).narrative, fieldIds, listIds));
  return errors;
}
