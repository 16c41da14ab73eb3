import { isNumericKind, type FieldDef } from "../spec/instances";
import { nameIn, type Finding } from "./finding";
import type { Locate } from "./evaluate";
import type { ReadValues } from "./values";

/** A non-numeric value in a numeric cell is an error that quotes what was typed. */
export function invalidFindings(values: ReadValues, locate: Locate): Finding[] {
  const out: Finding[] = [];
  values.states.forEach((cell, i) => {
    if (cell.state !== "invalid") return;
    const field = values.compiled.fields[i];
    const id = field.id;
    out.push({
      ruleId: `invalid:${id}`,
      relationId: "invalid",
      kind: "invalid",
      severity: "error",
      fields: [id],
      cell: locate(id),
      cells: [locate(id)],
      actual: cell.text,
      message: `${nameIn(field)}填写的是「${cell.text}」，${cell.reason}。含此单元格的合计与核对暂不校验。`,
    });
  });
  return out;
}

const LISTED_AT_MOST = 8;

/**
 * Empty cells in a table that is otherwise filled. A blank is "not filled", not zero: the sums
 * add only what is filled, and this notice says so, so nothing is silently taken as 0.
 * Tables left wholly empty (parts of the form a department does not use) raise nothing.
 */
export function blankFindings(values: ReadValues, locate: Locate): Finding[] {
  const byTable = new Map<string, { filled: number; blank: FieldDef[] }>();
  values.states.forEach((cell, i) => {
    const field = values.compiled.fields[i];
    // The spare row shown for an empty open list is not a row the officer has started.
    if (field.row.listIndex !== undefined && !field.row.entry) return;
    let entry = byTable.get(field.table.id);
    if (!entry) byTable.set(field.table.id, (entry = { filled: 0, blank: [] }));
    if (cell.state === "empty") {
      if (!field.column?.optional && !field.table.optional) entry.blank.push(field);
    }
    else entry.filled++;
  });
  const out: Finding[] = [];
  for (const [tableId, { filled, blank }] of byTable) {
    if (filled === 0 || blank.length === 0) continue;
    const listed = blank.slice(0, LISTED_AT_MOST).map((f) => nameIn(f));
    const more = blank.length > LISTED_AT_MOST ? `等${blank.length}格` : "";
    const numeric = blank.some((f) => isNumericKind(f.kind));
    out.push({
      ruleId: `blank:${tableId}`,
      relationId: "blank",
      kind: "blank",
      severity: "info",
      fields: blank.map((f) => f.id),
      cell: locate(blank[0].id),
      cells: blank.map((f) => locate(f.id)),
      message:
        `${blank[0].table.title}：${listed.join("、")}${more}未填写。` +
        (numeric ? "合计按未填写处理（不计入）；如确无此项，请填0或“—”。" : ""),
    });
  }
  return out;
}
