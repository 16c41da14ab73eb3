/**
 * `ziping import EXPORT --into FILE.xlsx [--apply]`: the same import plan as for a data file,
 * made against what the officer's workbook holds now and located where its cells are now;
 * --apply writes the planned cells into the workbook. Nothing is written unless every planned
 * value has its cell.
 */
import { existsSync } from "node:fs";
import { applyPlan, type ImportPlan } from "../../core/importer";
import { FORM_MARKER_NAME } from "../../core/plan/names";
import { expandFields, labelFieldId, type FormSpec } from "../../core/spec";
import { builtInForms } from "../../core/spec/built-in";
import { WorkbookFileError } from "../../hosts/xlsx/errors";
import { openWorkbookForEditing, type EditableWorkbook } from "../../hosts/xlsx/open";
import { readReport, recogniseForm, type WorkbookReport } from "../../hosts/xlsx/report";
import { cellInput, inputValue } from "../../core/excel/cell-input";
import { patchWorkbook, type CellWrite } from "../../hosts/xlsx/patch";
import { assertSafeToRewrite, rewrittenWorkbookBytes, writeContentAt } from "../../hosts/xlsx/update";
import { writeFileAtomically } from "../atomic-write";
import { EXIT_FINDINGS, EXIT_OK, UsageError } from "../usage-error";
import { parseUnit, planExport, printPlan, type ImportArgs } from "./import";
import { relayoutWorkbook } from "./relayout";

export async function openTarget(path: string, forms: FormSpec[]): Promise<{ book: EditableWorkbook; report: WorkbookReport }> {
  if (!existsSync(path)) {
    throw new UsageError(`${path}: 文件不存在；先用 ziping template --out ${path} 生成模板，或导入到 .json 数据文件`);
  }
  try {
    const book = await openWorkbookForEditing(path, FORM_MARKER_NAME);
    return { book, report: readReport(book, recogniseForm(book, [...forms, ...builtInForms])) };
  } catch (e) {
    if (e instanceof WorkbookFileError) throw new UsageError(e.message);
    throw e;
  }
}

/** List label cells (name, code) of a new entry, in every table that shows the list. */
function listLabelWrites(form: FormSpec, plan: ImportPlan): Array<{ id: string; text: string }> {
  const out: Array<{ id: string; text: string }> = [];
  for (const add of plan.listAdds) {
    for (const table of form.sheets.flatMap((s) => s.tables)) {
      for (const row of table.rows.filter((r) => r.list === add.list)) {
        const rowId = `${row.id}[${add.index}]`;
        out.push({ id: labelFieldId(table, rowId, "name"), text: add.entry.name });
        if (add.entry.code) out.push({ id: labelFieldId(table, rowId, "code"), text: add.entry.code });
      }
    }
  }
  return out;
}

/**
 * The workbook with the cells written: surgically (only the parts that must change) whenever
 * possible; through ExcelJS only when a cell cannot be edited in place (the first cell of a
 * shared or array formula), which refuses workbooks holding parts ExcelJS would drop.
 */
export async function workbookWith(book: EditableWorkbook, writes: CellWrite[]): Promise<Buffer> {
  const patched = await patchWorkbook(book.package, writes);
  if ("bytes" in patched) return patched.bytes;
  try {
    assertSafeToRewrite(book);
  } catch (e) {
    throw new UsageError(e instanceof WorkbookFileError ? `${e.message}（${patched.cannot}）` : String(e));
  }
  for (const w of writes) writeContentAt(book, w.address, w.content);
  return rewrittenWorkbookBytes(book);
}

export async function importIntoWorkbook(args: ImportArgs): Promise<{ output: string; code: number }> {
  const unit = parseUnit(args.unit);
  const { book, report } = await openTarget(args.into, args.forms);
  const { form, data, addresses } = report;
  const { plan, source } = await planExport(args, form, data, unit);
  // Cells as they are in this workbook (the officer may have moved tables or inserted rows).
  for (const w of plan.writes) w.cell = addresses.get(w.fieldId) ?? w.cell;
  const withoutCell = plan.writes.filter((w) => !addresses.has(w.fieldId));

  let applied = false;
  let relaidOut = false;
  if (args.apply && plan.table) {
    let next: typeof data;
    try {
      next = applyPlan(data, plan); // refuses a plan made against other lists
    } catch (e) {
      throw new UsageError(`${args.into}: ${(e as Error).message}，未写入`);
    }
    if (withoutCell.length) {
      // New units or list entries: lay the template out again for them, as the pane does.
      const rows = [...new Set(withoutCell.map((w) => w.label.split("·").slice(0, 2).join("·")))];
      const relayout = plan.listAdds.length ? await relayoutWorkbook(form, book.workbook, data, next) : { wouldLose: [] as string[] };
      if (!relayout.bytes) {
        const lost = relayout.wouldLose;
        throw new UsageError(
          `${args.into}: 工作簿中没有 ${rows.slice(0, 3).join("、")}${rows.length > 3 ? `等${rows.length}行` : ""} 的单元格，未写入；` +
            (lost.length
              ? `为这些行重排模板会丢失模板以外的内容（${lost.slice(0, 30).join("、")}${lost.length > 3 ? `等${lost.length}处` : ""}），请在 Excel 中用插件导入，或先插入相应的行再导入`
              : `请先在表中插入相应的行（或用 ziping template --units 生成含这些单位的模板），再导入`),
        );
      }
      await writeFileAtomically(args.into, relayout.bytes);
      relaidOut = true;
    } else {
      const fields = new Map(expandFields(form, data.lists).map((f) => [f.id, f]));
      const writes: CellWrite[] = plan.writes.map((w) => ({ address: addresses.get(w.fieldId)!, content: inputValue(cellInput(fields.get(w.fieldId), w.value)) }));
      for (const label of listLabelWrites(form, plan)) {
        const at = addresses.get(label.id);
        if (at) writes.push({ address: at, content: inputValue(cellInput(undefined, label.text)) });
      }
      await writeFileAtomically(args.into, await workbookWith(book, writes));
    }
    applied = true;
  }
  const clean = plan.rejects.length === 0 && !plan.totals.some((t) => t.status === "differs") && !plan.findings.some((f) => f.severity === "error");
  const code = clean ? EXIT_OK : EXIT_FINDINGS;
  if (args.json) {
    return { output: JSON.stringify({ export: args.export, into: args.into, source, applied, plan, ...(withoutCell.length ? { withoutCell: withoutCell.map((w) => w.fieldId) } : {}) }, null, 2), code };
  }
  let output = printPlan(plan, args, source, applied);
  if (relaidOut) {
    const added = plan.listAdds.map((a) => a.entry.name);
    output += `\n已按新增的 ${added.join("、")} 重排模板（原有内容全部保留）。`;
  }
  if (applied) output += "\n公式单元格（合计、校验）将在 Excel/WPS 打开时重新计算；保存后可用 ziping check 校验。";
  if (!applied && withoutCell.length) {
    output += plan.listAdds.length
      ? `\n注意：${withoutCell.length} 格在工作簿中还没有对应的行；--apply 将按新增的行重排模板（模板以外的内容会使重排被拒绝）。`
      : `\n注意：${withoutCell.length} 格在工作簿中没有对应的行，--apply 将被拒绝；请先插入行。`;
  }
  return { output, code };
}
