/**
 * The report's prose cells (报告正文's cover, sections and sign-offs; 基本概况's prose) read and
 * written by field id for the pane's 报告正文 editor. Only the tables holding the asked fields
 * are loaded, each through its body's name (a name that is gone gives a null range, not an
 * error), so a read is ONE sync and a save is one read sync and one write sync.
 */
import { tableBodyName } from "../../core/plan/names";
import { interpretRead, type ReadCell } from "../../core/plan/read-plan";
import { expandFields, rawText, type Lists } from "../../core/spec";
import type { FormSpec } from "../../core/spec/types";
import type { ReportTextChange, ReportTextRead, ReportTextWrite } from "./index";
import { readResult, type TableRead } from "./read";
import { TEXT_FORMAT } from "./text";
import { queueWrites } from "./writes";

/** Queues the loads of the tables holding `fieldIds`; one sync later `collect` gives their texts. */
export function queueReportText(context: Excel.RequestContext, form: FormSpec, lists: Lists, fieldIds: readonly string[]): () => ReportTextRead {
  const fields = new Map(expandFields(form, lists).map((f) => [f.id, f]));
  const tableIds = [...new Set(fieldIds.flatMap((id) => (fields.get(id) ? [fields.get(id)!.table.id] : [])))];
  const ranges = tableIds.map((id) => {
    const range = context.workbook.names.getItemOrNullObject(tableBodyName(id)).getRangeOrNullObject();
    range.load("address, values");
    return { id, range };
  });
  return () => {
    const tables: Record<string, TableRead> = {};
    for (const { id, range } of ranges) if (!range.isNullObject) tables[id] = { address: range.address, values: range.values as ReadCell[][] };
    const read = interpretRead(form, lists, readResult(tables));
    const values: Record<string, string> = {};
    const addresses: Record<string, string> = {};
    for (const id of fieldIds) {
      const address = read.addresses.get(id);
      if (!address) continue;
      const raw = rawText(read.data.values[id]);
      values[id] = raw === null ? "" : String(raw);
      addresses[id] = address;
    }
    return { values, addresses };
  };
}

/** Writes the changes the read allows; the conflicts (cells changed since the pane read them) stop the write. */
export function queueReportTextWrites(context: Excel.RequestContext, now: ReportTextRead, changes: readonly ReportTextChange[]): ReportTextWrite {
  const rejected: ReportTextWrite["rejected"] = [];
  const conflicts: ReportTextWrite["conflicts"] = [];
  const writes: Array<{ fieldId: string; address: string; value: string }> = [];
  for (const c of changes) {
    const address = now.addresses[c.fieldId];
    if (address === undefined) {
      rejected.push({ fieldId: c.fieldId, reason: "工作簿中没有这一格（报告正文表不在了？请在“模板”页修复模板）。" });
      continue;
    }
    const current = now.values[c.fieldId] ?? "";
    if (current !== c.was) conflicts.push({ fieldId: c.fieldId, address, was: c.was, now: current, value: c.value });
    else if (current !== c.value) writes.push({ fieldId: c.fieldId, address, value: c.value });
  }
  if (conflicts.length > 0) return { written: [], conflicts, rejected, problems: [] };
  // Text format (queued first): prose starting with = + - @ or looking like a number stays text.
  queueWrites(context, writes.map((w) => ({ address: w.address, input: w.value, numberFormat: TEXT_FORMAT })));
  return { written: writes.map((w) => w.fieldId), conflicts, rejected, problems: [] };
}
