import type { ListSpec, RowSpec, SheetSpec, TableSpec, FormSpec } from "../spec/types";
import { prepare, type Candidate, type PreparedCandidate } from "./match";
import { normalizeLabel } from "./normalize";

/** A table of the form as the importer matches against it: names prepared once. */
export interface TableModel {
  sheet: SheetSpec;
  table: TableSpec;
  /** Value columns: grid columns, or the one value of a record table. */
  columns: PreparedCandidate<string>[];
  /** Fixed rows (not list rows), with their label, synonyms and all-digit synonyms as codes. */
  rows: PreparedCandidate<string>[];
  /** The open-list row of the table, if any (the first one). */
  listRow?: RowSpec;
  list?: ListSpec;
  /** Rows are 科目: a coded list, or fixed rows known by code. Hierarchy (类/款/项) applies. */
  coded: boolean;
  /** Normalised title and synonyms, for recognising a caption line. */
  titles: string[];
  /** Normalised headers of the label column(s) and the list's synonyms. */
  labelHeaders: Set<string>;
}

const CODE_HEADERS = ["科目编码", "科目代码", "编码", "代码", "功能科目编码", "经济科目编码", "功能分类科目编码", "经济分类科目编码", "科目号"];
const SEQUENCE_HEADERS = ["序号", "行次", "栏次", "行号"];
const LABEL_HEADERS = [
  "项目", "科目", "科目名称", "名称", "单位名称", "单位", "机构名称", "机构", "部门", "部门名称", "预算单位", "预算单位名称",
  "预算项目", "费用项目", "支出项目", "项目名称", "功能分类科目", "经济分类科目", "功能科目", "经济科目", "姓名", "评价内容",
  "类", "款", "项", "科目编码及名称", "科目名称及编码",
];

export const codeHeaders = new Set(CODE_HEADERS.map(normalizeLabel));
export const sequenceHeaders = new Set(SEQUENCE_HEADERS.map(normalizeLabel));
export const genericLabelHeaders = new Set(LABEL_HEADERS.map(normalizeLabel));

function rowCandidates(table: TableSpec): Candidate<string>[] {
  return table.rows
    .filter((r) => !r.list)
    .map((r) => ({
      key: r.id,
      names: [
        { text: r.label, how: "exact" as const },
        ...(r.synonyms ?? []).map((s) => ({ text: s, how: /^\s*\d+\s*$/.test(s) ? ("code" as const) : ("synonym" as const) })),
      ],
    }));
}

function columnCandidates(table: TableSpec): Candidate<string>[] {
  if (table.layout === "record") return [{ key: "value", names: [{ text: "数值", how: "exact" }, { text: "金额", how: "synonym" }] }];
  return (table.columns ?? []).map((c) => ({
    key: c.id,
    names: [{ text: c.label, how: "exact" as const }, ...(c.synonyms ?? []).map((s) => ({ text: s, how: "synonym" as const }))],
  }));
}

/** Forms are fixed data: their models are prepared once per form, not once per paste. */
const modelsOf = new WeakMap<FormSpec, TableModel[]>();
const headersOf = new WeakMap<FormSpec, Set<string>>();

export function tableModels(form: FormSpec): TableModel[] {
  let models = modelsOf.get(form);
  if (!models) modelsOf.set(form, (models = buildTableModels(form)));
  return models;
}

function buildTableModels(form: FormSpec): TableModel[] {
  const out: TableModel[] = [];
  for (const sheet of form.sheets) {
    for (const table of sheet.tables) {
      const listRow = table.rows.find((r) => r.list);
      const list = listRow ? form.lists.find((l) => l.id === listRow.list) : undefined;
      const rows = prepare(rowCandidates(table));
      const labelHeaders = new Set<string>();
      for (const lc of table.labelColumns ?? []) labelHeaders.add(normalizeLabel(lc.label));
      if (list) {
        labelHeaders.add(normalizeLabel(list.label));
        for (const s of list.synonyms ?? []) labelHeaders.add(normalizeLabel(s));
      }
      out.push({
        sheet,
        table,
        columns: prepare(columnCandidates(table)),
        rows,
        listRow,
        list,
        coded: Boolean(list?.coded) || rows.some((r) => r.names.some((n) => n.how === "code")),
        titles: [table.title, ...(table.synonyms ?? [])].map(normalizeLabel),
        labelHeaders,
      });
    }
  }
  return out;
}

/** Every header name the form knows (columns, groups, label columns): what may stand alone in a header row. */
export function knownHeaderNames(form: FormSpec): ReadonlySet<string> {
  let names = headersOf.get(form);
  if (!names) headersOf.set(form, (names = buildHeaderNames(form)));
  return names;
}

function buildHeaderNames(form: FormSpec): Set<string> {
  const names = new Set<string>([...codeHeaders, ...sequenceHeaders, ...genericLabelHeaders]);
  for (const sheet of form.sheets) {
    for (const table of sheet.tables) {
      for (const c of table.columns ?? []) {
        names.add(normalizeLabel(c.label));
        for (const s of c.synonyms ?? []) names.add(normalizeLabel(s));
        for (const g of c.groups ?? []) names.add(normalizeLabel(g));
      }
      for (const lc of table.labelColumns ?? []) names.add(normalizeLabel(lc.label));
    }
  }
  for (const l of form.lists) {
    names.add(normalizeLabel(l.label));
    for (const s of l.synonyms ?? []) names.add(normalizeLabel(s));
  }
  names.delete("");
  return names;
}

/** Finds a table by id or by its Chinese title (or a title synonym). */
export function findTableModel(models: TableModel[], name: string): TableModel | undefined {
  const byId = models.find((m) => m.table.id === name);
  if (byId) return byId;
  const n = normalizeLabel(name);
  return models.find((m) => m.titles.includes(n));
}
