import { existsSync, readFileSync, statSync } from "node:fs";
import { IMPORT_LIMITS } from "../core/importer";
import { expandFields, validateForm, type FormSpec, type ListEntry, type RawValue, type ReportData } from "../core/spec";
import { builtInForms, findForm } from "../core/spec/built-in";
import { shown } from "./shown";
import { megabytes } from "../hosts/xlsx/zip-entries";
import { UsageError } from "./usage-error";

/** A data file or form of a whole province's lists is a few MB; larger is not one. */
export const MAX_JSON_BYTES = 32 * 1024 * 1024;
/** A value or name longer than a spreadsheet cell can hold is not one the form can take. */
const MAX_VALUE_CHARS = IMPORT_LIMITS.cellChars;

/** A file's bytes, refused before reading when larger than `limit`. */
export function readLimited(path: string, limit: number, what: string): Buffer {
  try {
    const size = statSync(path).size;
    if (size > limit) throw new UsageError(`${path}: 文件 ${megabytes(size)}，超过${what}上限 ${megabytes(limit)}`);
    return readFileSync(path);
  } catch (e) {
    if (e instanceof UsageError) throw e;
    throw new UsageError(`${path}: 无法读取文件 (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
  }
}

function readJson(path: string): unknown {
  const text = readLimited(path, MAX_JSON_BYTES, " JSON 数据文件").toString("utf8");
  try {
    return JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch (e) {
    // The parser quotes the file's bytes: shown escaped and cut.
    throw new UsageError(`${path}: 不是有效的 JSON (${shown((e as Error).message)})`);
  }
}

/**
 * A form given with `--form`: a built-in form's id or alias (`juesuan`), or a JSON file, validated
 * before use. A file of that name wins over a built-in form.
 */
export function loadForm(path: string): FormSpec {
  const builtIn = findForm(path);
  if (builtIn && !existsSync(path)) return builtIn;
  if (!/[./\\]/.test(path) && !existsSync(path)) {
    throw new UsageError(`--form ${shown(path, 60)}: 不是内置报表（${builtInForms.map((f) => (f.alias ? `${f.alias}（${f.id}）` : f.id)).join("、")}），也没有这个 JSON 文件`);
  }
  const form = readJson(path) as FormSpec;
  const errors = validateForm(form);
  if (errors.length) throw new UsageError(`${path}: 报表规格有误：${errors.slice(0, 5).join("；")}`);
  return form;
}

function tooLong(v: unknown): boolean {
  if (typeof v === "string") return v.length > MAX_VALUE_CHARS;
  return typeof v === "object" && v !== null && "value" in v && tooLong((v as { value: unknown }).value);
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
      const name = typeof e === "string" ? e : (e as ListEntry | null)?.name;
      if (typeof name === "string" && name.length > MAX_VALUE_CHARS) throw new UsageError(`${path}: lists.${id}[${i}] 有 ${name.length.toLocaleString("en-US")} 个字符，超过上限 ${MAX_VALUE_CHARS.toLocaleString("en-US")} 个字符`);
      if (typeof e === "string") return { name: e };
      if (e && typeof e === "object" && typeof (e as ListEntry).name === "string") return e as ListEntry;
      throw new UsageError(`${path}: lists.${id}[${i}] 应为名称或 { name, code }`);
    });
  }
  const known = new Set(expandFields(form, lists).map((f) => f.id));
  const unknown = Object.keys(json.values).filter((id) => !known.has(id));
  if (unknown.length) {
    throw new UsageError(`${path}: 未知字段 ${unknown.slice(0, 5).map((id) => shown(id, 60)).join(", ")}${unknown.length > 5 ? ` 等 ${unknown.length} 个` : ""}（见 docs/fields.md；列表行不能超过 lists 中的条目数）`);
  }
  for (const [id, v] of Object.entries(json.values)) {
    if (!isRawValue(v)) throw new UsageError(`${path}: values["${id}"] 应为文字、数字、null 或 { value, exact }`);
    if (tooLong(v)) throw new UsageError(`${path}: values["${id}"] 超过上限 ${MAX_VALUE_CHARS.toLocaleString("en-US")} 个字符`);
  }
  return { form, data: { form: form.id, lists, values: json.values as Record<string, RawValue> } };
}
