import { Dec, parseAmount, shiftDecimalPoint } from "../money";
import type { Finding } from "../check/finding";
import { tableById } from "../spec/rules";
import type { Locate } from "../check/evaluate";
import type { ReadValues } from "../check/values";
import type { Lists } from "../spec/instances";
import { listRowCount } from "../spec/instances";
import type { QuantitativeSource } from "../spec/score-types";
import type { FormSpec } from "../spec/types";
import { cellOf, labelOf, showPoints, sumTerms } from "./inputs";
import { percentText, shownRatioOf } from "./indicator";

/** One 定量指标 row: 指标值, 实际完成值 and the 完成率 they give, or why there is none. */
export interface QuantitativeRow {
  /** 1-based row of the list. */
  n: number;
  name: string;
  fields: { target: string; actual: string; rate?: string; unit?: string; reason?: string };
  target?: string;
  actual?: string;
  unit?: string;
  /** 实际完成值 ÷ 指标值, exact. */
  ratio?: Dec;
  /** "116.75%". */
  shown?: string;
  /** "14.01 ÷ 12 × 100% = 116.75%". */
  working?: string;
  /** Why no 完成率 could be computed. */
  reason?: string;
  /** The officer's own 完成率 cell, as written. */
  entered?: string;
}

export function rowFieldIds(source: QuantitativeSource, n: number) {
  const at = (column: string) => `${source.table}.${source.row}[${n}].${column}`;
  return {
    target: at(source.target),
    actual: at(source.actual),
    ...(source.rate ? { rate: at(source.rate) } : {}),
    ...(source.unit ? { unit: at(source.unit) } : {}),
    ...(source.reason ? { reason: at(source.reason) } : {}),
  };
}

function textOf(values: ReadValues, field: string | undefined): string | undefined {
  if (!field) return undefined;
  const cell = cellOf(values, field);
  return cell && cell.state !== "empty" ? cell.text.trim() : undefined;
}

/** The open list a table's row spec repeats over. */
export function listOfRow(form: FormSpec, table: string, row: string): string | undefined {
  return tableById(form, table)?.rows.find((r) => r.id === row)?.list;
}

export function quantitativeRows(values: ReadValues, form: FormSpec, lists: Lists, source: QuantitativeSource): QuantitativeRow[] {
  const listId = listOfRow(form, source.table, source.row);
  if (!listId) return [];
  const entries = lists[listId] ?? [];
  const rows: QuantitativeRow[] = [];
  for (let n = 1; n <= listRowCount(lists, listId); n++) {
    const fields = rowFieldIds(source, n);
    const name = entries[n - 1]?.name?.trim() ?? "";
    const target = textOf(values, fields.target);
    const actual = textOf(values, fields.actual);
    if (!name && target === undefined && actual === undefined) continue;
    const row: QuantitativeRow = { n, name: name || `第${n}行指标`, fields, target, actual, unit: textOf(values, fields.unit), entered: textOf(values, fields.rate) };
    const top = sumTerms(values, [fields.actual]);
    const base = sumTerms(values, [fields.target]);
    if (!base.ok || !top.ok) row.reason = `${[base, top].flatMap((s) => (s.ok ? [] : [s.reason])).join("；")}，无法计算完成率`;
    else if (base.value.isZero()) row.reason = "指标值为0，无法计算完成率";
    else if (base.value.isNegative()) row.reason = "指标值为负数，无法计算完成率";
    else {
      row.ratio = top.value.div(base.value);
      row.shown = percentText(row.ratio, source.decimals);
      row.working = `${actual} ÷ ${target} × 100% = ${row.shown}`;
    }
    rows.push(row);
  }
  return rows;
}

/** A percentage as written ("177%", "116.75％"): its ratio and the decimals it was written with. */
function writtenPercent(text: string): { ratio: Dec; decimals: number } | undefined {
  const parsed = parseAmount(text);
  if (parsed.kind !== "amount") return undefined;
  return { ratio: parsed.value, decimals: parsed.unitHint === "%" ? parsed.decimals : Math.max(0, parsed.decimals - 2) };
}

/** Whether a stated percentage is what the row gives, at the decimals it was stated with. */
function agrees(row: QuantitativeRow, stated: { ratio: Dec; decimals: number }): boolean {
  return shownRatioOf(row.ratio!, stated.decimals).eq(shownRatioOf(stated.ratio, stated.decimals));
}

function differenceText(row: QuantitativeRow, stated: Dec): string {
  return `${showPoints(shiftDecimalPoint(stated.minus(row.ratio!).abs(), 2), 2)}个百分点`;
}

/**
 * Rows short of target with no 偏差原因. A typed 完成率 is the form's own `ratio` relation
 * (完成率 = 实际完成值 ÷ 指标值): the check reports it at its cell, and scoring takes that finding.
 */
export function deviationFindings(values: ReadValues, rows: QuantitativeRow[], locate: Locate): Finding[] {
  const out: Finding[] = [];
  for (const row of rows) {
    if (row.ratio === undefined) continue;
    const reasonField = row.fields.reason;
    if (!reasonField) continue;
    const reasonCell = cellOf(values, reasonField);
    if (row.ratio.lt(1) && reasonCell?.state === "empty") {
      out.push({
        ruleId: `score.deviation[${row.n}]`,
        relationId: "score.deviation",
        kind: "rate",
        severity: "info",
        fields: [reasonField, row.fields.actual, row.fields.target],
        cell: locate(reasonField),
        cells: [reasonField, row.fields.actual, row.fields.target].map(locate),
        expected: "偏差原因",
        message: `定量指标「${row.name}」完成率 ${row.shown}，未达指标值，${labelOf(values, reasonField)} 未填写。`,
      });
    }
  }
  return out;
}

const SENTENCE = /[^。；;！!？?\n]+/g;
const STATED = /完成(?:度|率)(?:分别)?(?:为|是|达到|达)?\s*((?:[0-9０-９]+(?:[.．][0-9０-９]+)?\s*[%％]\s*[、，,和及与]?\s*)+)/g;
const PERCENT = /[0-9０-９]+(?:[.．][0-9０-９]+)?\s*[%％]/g;

/** One "完成度为X%" statement paired with the row it speaks of. */
interface Statement {
  field: string;
  quote: string;
  written: string;
  row: QuantitativeRow;
}

/**
 * "完成计划总投资14.01亿元、研发经费投资2.3亿元，完成度分别为177%、173%": in each sentence of the
 * officer's text that states a 完成度 or 完成率, the rows named in it are paired with the
 * percentages in the order both are written. A sentence that names a different number of rows
 * than it states percentages is left alone rather than guessed at.
 */
function statements(text: string, field: string, rows: QuantitativeRow[]): Statement[] {
  const out: Statement[] = [];
  for (const sentence of text.match(SENTENCE) ?? []) {
    const percents: string[] = [];
    for (const m of sentence.matchAll(STATED)) percents.push(...(m[1].match(PERCENT) ?? []));
    if (!percents.length) continue;
    const named = rows
      .filter((r) => r.ratio !== undefined && r.name.length >= 2)
      .map((r) => ({ row: r, at: sentence.indexOf(r.name) }))
      .filter((x) => x.at >= 0)
      .sort((x, y) => x.at - y.at);
    if (named.length !== percents.length) continue;
    named.forEach((x, k) => out.push({ field, quote: sentence.trim(), written: percents[k].replace(/\s+/g, ""), row: x.row }));
  }
  return out;
}

/** Every text field the table names, `table.row[*].column` expanded over the list's rows. */
export function statementFields(values: ReadValues, form: FormSpec, lists: Lists, refs: string[]): string[] {
  const out: string[] = [];
  for (const ref of refs) {
    const star = /^([^.]+)\.([^.[]+)\[\*\](.*)$/.exec(ref);
    const listId = star ? listOfRow(form, star[1], star[2]) : undefined;
    const ids = star && listId ? Array.from({ length: listRowCount(lists, listId) }, (_, k) => `${star[1]}.${star[2]}[${k + 1}]${star[3]}`) : [ref];
    for (const id of ids) if (values.compiled.indexOf.get(id) !== undefined) out.push(id);
  }
  return out;
}

/** 完成率 stated in the officer's text that the rows do not give (the 2020 seed's 177% for 116.75%). */
export function statedRateFindings(
  values: ReadValues,
  form: FormSpec,
  lists: Lists,
  rows: QuantitativeRow[],
  source: QuantitativeSource,
  locate: Locate,
): Finding[] {
  if (!rows.some((r) => r.ratio !== undefined)) return [];
  const out: Finding[] = [];
  for (const field of statementFields(values, form, lists, source.statements ?? [])) {
    const text = textOf(values, field);
    if (!text || !/完成[度率]/.test(text)) continue;
    for (const s of statements(text, field, rows)) {
      const stated = writtenPercent(s.written);
      if (!stated || agrees(s.row, stated)) continue;
      const fields = [field, s.row.fields.actual, s.row.fields.target];
      out.push({
        ruleId: `score.statedRate[${field},${s.row.n}]`,
        relationId: "score.statedRate",
        kind: "rate",
        severity: "error",
        fields,
        cell: locate(field),
        cells: fields.map(locate),
        expected: s.row.shown,
        actual: s.written,
        difference: differenceText(s.row, stated.ratio),
        message:
          `${labelOf(values, field)} 写「${s.quote}」：其中「${s.row.name}」完成度 ${s.written}，` +
          `按定量指标表 实际完成值 ÷ 指标值 = ${s.row.working}，相差 ${differenceText(s.row, stated.ratio)}。`,
      });
    }
  }
  return out;
}
