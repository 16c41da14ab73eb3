import { readFileSync } from "node:fs";
import { expandFields, findForm, validateForm, type FormSpec, type ListEntry, type RawValue, type ReportData } from "../core/spec";
import { UsageError } from "./usage-error";

function readJson(path: string): unknown {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (e) {
    throw new UsageError(`${path}: 无法读取文件 (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
  }
  try {
    return JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch (e) {
    throw new UsageError(`${path}: 不是有效的 JSON (${(e as Error).message})`);
  }
}

/** A form given as a JSON file (`--form`), validated before use. */
export function loadForm(path: string): FormSpec {
  const form = readJson(path) as FormSpec;
  const errors = validateForm(form);
  if (errors.length) throw new UsageError(`${path}: 报表规格有误：${errors.slice(0, 5).join("；")}`);
  return form;
}

function isRawValue(v: unknown): v is RawValue {
  if (v === null || typeof v === "string" || (typeof v === "number" && Number.isFinite(v))) return true;
  return typeof v === "object" && v !== null && "value" in v && isRawValue((v as { value: unknown }).value);
}

/**
 * Reads values keyed by field id (the format in README: { form, lists, values }) and rejects
 * what would otherwise be silently ignored: unknown field ids, list rows beyond their list.
 */
export function loadReportData(path: string, extraForms: FormSpec[] = []): { form: FormSpec; data: ReportData } {
  const json = readJson(path) as Partial<ReportData> | null;
  if (!json || typeof json !== "object" || Array.isArray(json)) throw new UsageError(`${path}: 应为对象 { form, lists, values }`);
  const formId = json.form ?? extraForms[0]?.id ?? "yueyang-self-eval";
  const form = findForm(formId, extraForms);
  if (!form) throw new UsageError(`${path}: 未知的报表规格 "${formId}"`);
  if (json.values === undefined || typeof json.values !== "object" || json.values === null || Array.isArray(json.values)) {
    throw new UsageError(`${path}: 缺少 values（按字段 id 填写的数值）`);
  }
  const lists: Record<string, ListEntry[]> = {};
  for (const [id, entries] of Object.entries(json.lists ?? {})) {
    if (!form.lists.some((l) => l.id === id)) throw new UsageError(`${path}: lists.${id} 不是本报表的列表`);
    if (!Array.isArray(entries)) throw new UsageError(`${path}: lists.${id} 应为数组`);
    lists[id] = entries.map((e, i) => {
      if (typeof e === "string") return { name: e };
      if (e && typeof e === "object" && typeof (e as ListEntry).name === "string") return e as ListEntry;
      throw new UsageError(`${path}: lists.${id}[${i}] 应为名称或 { name, code }`);
    });
  }
  const known = new Set(expandFields(form, lists).map((f) => f.id));
  const unknown = Object.keys(json.values).filter((id) => !known.has(id));
  if (unknown.length) {
    throw new UsageError(`${path}: 未知字段 ${unknown.slice(0, 5).join(", ")}${unknown.length > 5 ? ` 等 ${unknown.length} 个` : ""}（见 docs/fields.md；列表行不能超过 lists 中的条目数）`);
  }
  for (const [id, v] of Object.entries(json.values)) {
    if (!isRawValue(v)) throw new UsageError(`${path}: values["${id}"] 应为文字、数字、null 或 { value, exact }`);
  }
  return { form, data: { form: form.id, lists, values: json.values as Record<string, RawValue> } };
}
