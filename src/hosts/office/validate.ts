/**
 * One check of the workbook: one batched read (one context.sync once the names are known, none
 * for writing), then the core's checks and narrative, and the layout problems the read shows.
 */
import { checkReport, templateLocator, type CheckReport } from "../../core/check";
import { expandRules, tableById } from "../../core/spec/rules";
import { parseArea, sheetAddress, topLeftOf } from "../../core/excel/address";
import { yuanToWan, parseAmount } from "../../core/money";
import { buildLayoutPlan } from "../../core/plan/layout";
import { tableBodyName, tableHeaderName } from "../../core/plan/names";
import { placeForm } from "../../core/spec/placement";
import { interpretRead } from "../../core/plan/read-plan";
import { isNumericKind, type Lists, type ReportData } from "../../core/spec";
import type { FormSpec, Unit, ValueKind } from "../../core/spec/types";
import { datesAsShown, explainDates } from "./dates";
import type { LayoutProblem, TextNumberCell, ValidationReport } from "./index";
import { nameTarget, readResult, type NameInfo, type WorkbookState } from "./read";

/**
 * The locator the checks get, kept the same function while the cells are where they were: the
 * core keeps each rule's verdict for as long as its cells and the locator are unchanged, so a
 * fresh function per check would have it evaluate every rule again after every edit.
 */
export class StableLocator {
  private addresses?: Map<string, string>;
  private locate?: (id: string) => string;

  for(addresses: Map<string, string>, fallback: () => (id: string) => string): (id: string) => string {
    if (this.locate && this.addresses && sameEntries(this.addresses, addresses)) return this.locate;
    let otherwise: ((id: string) => string) | undefined;
    this.addresses = addresses;
    this.locate = (id) => addresses.get(id) ?? (otherwise ??= fallback())(id);
    return this.locate;
  }
}

/** Same entries in the same order (both come from interpretRead, which adds them in layout order). */
function sameEntries(a: Map<string, string>, b: Map<string, string>): boolean {
  if (a.size !== b.size) return false;
  const keys = b.keys();
  const values = b.values();
  for (const [key, value] of a) if (keys.next().value !== key || values.next().value !== value) return false;
  return true;
}

export interface CheckInput {
  form: FormSpec;
  /** Kept by the session across checks (see StableLocator); without it each check gets a fresh locator. */
  locator?: StableLocator;
  /** Lists the workbook was last seen with (the read finds its own; this only seeds the mapping). */
  lists: Lists;
  state: Pick<WorkbookState, "tables" | "headers" | "checkRows"> & { names: Map<string, NameInfo>; sheets?: WorkbookState["sheets"]; marker?: WorkbookState["marker"] };
  narrate?: ((form: FormSpec, data: ReportData, check: CheckReport) => unknown) | null;
}

/** Kind and unit of a field, from its id ("income.unit[2].carryover", "staff.actual"), as expandFields gives them. */
function fieldKindOf(form: FormSpec, id: string): { kind: ValueKind; unit: Unit } | undefined {
  const [tableId, rowPart, columnId] = id.split(".");
  const table = tableById(form, tableId);
  if (!table || rowPart === undefined) return undefined;
  if (table.layout === "record") {
    const row = table.rows.find((r) => r.id === rowPart.replace(/\[\d+\]$/, ""));
    return row && { kind: row.kind ?? table.kind ?? "amount", unit: row.unit ?? table.unit ?? "" };
  }
  const column = table.columns?.find((c) => c.id === columnId);
  return column && { kind: column.kind ?? table.kind ?? "amount", unit: column.unit ?? table.unit ?? "" };
}

/**
 * Numeric fields holding text that reads as a number: pasted figures Excel's sums skip. Only the
 * value columns of what was read are scanned, and field ids are looked up only for the (usually
 * no) cells found, so a check costs no per-cell strings or map lookups.
 */
function textNumbers(form: FormSpec, addresses: Map<string, string>, state: CheckInput["state"]): TextNumberCell[] {
  const found: Array<{ address: string; text: string; value: ReturnType<typeof parseAmount> & { kind: "amount" } }> = [];
  for (const sheet of form.sheets) {
    for (const table of sheet.tables) {
      const read = state.tables[table.id];
      const origin = read && topLeftOf(read.address);
      if (!read || !origin) continue;
      const first = table.layout === "record" ? 2 : (table.labelColumns?.length ?? 1) + 1;
      const last = table.layout === "record" ? 2 : first + (table.columns?.length ?? 0) - 1;
      read.values.forEach((row, i) => {
        for (let j = first - 1; j < Math.min(last, row.length); j++) {
          const text = row[j];
          if (typeof text !== "string" || text.trim() === "") continue;
          const value = parseAmount(text);
          if (value.kind !== "amount") continue;
          found.push({ address: sheetAddress(origin.sheet, origin.row + i, origin.column + j), text, value });
        }
      });
    }
  }
  if (found.length === 0) return [];
  const wanted = new Map(found.map((f) => [f.address, f]));
  const out: TextNumberCell[] = [];
  for (const [fieldId, address] of addresses) {
    const cell = wanted.get(address);
    const field = cell && fieldKindOf(form, fieldId);
    if (!cell || !field || !isNumericKind(field.kind)) continue;
    out.push({
      fieldId,
      address,
      text: cell.text,
      asIs: cell.value.value.toFixed(),
      ...(field.unit === "万元" ? { fromYuan: yuanToWan(cell.value.value).toFixed() } : {}),
    });
  }
  const order = new Map(found.map((f, i) => [f.address, i]));
  return out.sort((a, b) => order.get(a.address)! - order.get(b.address)!);
}

/** Rules the lists expand to (for the 校验 sheet's row count): it depends only on how long each list is. */
const ruleCounts = new WeakMap<FormSpec, Map<string, number>>();
function ruleCount(form: FormSpec, lists: Lists): number {
  let counts = ruleCounts.get(form);
  if (!counts) ruleCounts.set(form, (counts = new Map()));
  const key = form.lists.map((l) => lists[l.id]?.length ?? 0).join(",");
  let n = counts.get(key);
  if (n === undefined) counts.set(key, (n = expandRules(form, lists).length));
  return n;
}

/** Header merges as planned, relative to the header's top-left cell, per table. */
function plannedHeaderMerges(form: FormSpec): Map<string, string[]> {
  const plan = buildLayoutPlan(form, {});
  const out = new Map<string, string[]>();
  for (const { sheet, tables } of placeForm(form, {})) {
    const merges = plan.sheets.find((s) => s.id === sheet.id)?.merges ?? [];
    for (const p of tables) {
      const bottom = p.headerTop + p.headerDepth - 1;
      out.set(
        p.table.id,
        merges.filter((m) => m.top >= p.headerTop && m.bottom <= bottom).map((m) => `${m.top - p.headerTop},${m.left},${m.bottom - p.headerTop},${m.right}`),
      );
    }
  }
  return out;
}

const headerMergeCache = new WeakMap<FormSpec, Map<string, string[]>>();

function layoutProblems(input: CheckInput, data: ReportData, notes: string[]): LayoutProblem[] {
  const { form, state } = input;
  const problems: LayoutProblem[] = [];
  const anyTable = Object.keys(state.tables).length > 0;
  if (!anyTable) {
    const hadTemplate = state.marker !== undefined || [...state.names.keys()].some((n) => n.startsWith("ZP_"));
    problems.push(
      hadTemplate
        ? { code: "sheetMissing", message: "找不到任何模板表格（工作表可能已被删除）。可点“修复模板”重新创建，其他工作表不受影响。", repairable: true }
        : { code: "noTemplate", message: "此工作簿还没有自评表模板。请在“模板”页创建。", repairable: false },
    );
    return problems;
  }
  for (const sheet of form.sheets) {
    const missing = sheet.tables.filter((t) => !state.tables[t.id]);
    if (missing.length === 0) {
      const where = topLeftOf(state.tables[sheet.tables[0].id].address)?.sheet;
      if (where && where !== sheet.name && !where.startsWith(`${sheet.name}(`)) {
        problems.push({ code: "sheetRenamed", sheet: where, message: `「${sheet.name}」表现位于工作表「${where}」（已改名），照常识别和校验。`, repairable: false });
      }
      continue;
    }
    const nameGone = missing.filter((t) => !state.names.has(tableBodyName(t.id).toUpperCase()));
    const broken = missing.filter((t) => state.names.has(tableBodyName(t.id).toUpperCase()) && !nameTarget(state.names.get(tableBodyName(t.id).toUpperCase())));
    const titles = missing.map((t) => `「${t.title}」`).join("、");
    if (broken.length > 0 || (state.sheets && !state.sheets.some((s) => s.name === sheet.name))) {
      problems.push({
        code: "sheetMissing",
        sheet: sheet.name,
        message: `工作表「${sheet.name}」不见了（可能被删除），${titles}无法读取，相关校验暂停。可点“修复模板”重新创建该表，其他表的数据不受影响。`,
        repairable: true,
      });
    } else {
      problems.push({
        code: "nameMissing",
        sheet: sheet.name,
        target: nameGone.map((t) => tableBodyName(t.id)).join(","),
        message: `${titles}的定位名称丢失，无法读取。可点“修复模板”恢复，已填数据不会改动。`,
        repairable: true,
      });
    }
  }
  for (const note of notes) problems.push({ code: "rowsMoved", message: `${note}（表格的固定行可能被剪切、删除或排序过；可撤销该操作，或把该行移回原位。）`, repairable: false });

  let planned = headerMergeCache.get(form);
  for (const [tableId, header] of Object.entries(state.headers)) {
    if (!header.merges) continue;
    if (!planned) {
      planned = plannedHeaderMerges(form);
      headerMergeCache.set(form, planned);
    }
    const origin = parseArea(header.address);
    if (!origin) continue;
    const actual = new Set(
      header.merges.flatMap((a) => {
        const m = parseArea(a);
        return m ? [`${m.top - origin.top},${m.left},${m.bottom - origin.top},${m.right}`] : [];
      }),
    );
    if ((planned.get(tableId) ?? []).some((m) => !actual.has(m))) {
      const title = form.sheets.flatMap((s) => s.tables).find((t) => t.id === tableId)?.title ?? tableId;
      problems.push({
        code: "mergeBroken",
        target: tableHeaderName(tableId),
        message: `「${title}」的表头合并单元格被拆开了。数据照常校验；可点“修复模板”恢复表头，已填数据不会改动。`,
        repairable: true,
      });
    }
  }

  if (state.checkRows !== undefined && state.checkRows !== Math.max(1, ruleCount(form, data.lists))) {
    problems.push({
      code: "checksOutdated",
      message: "表格的行有增减（如新增了机构），“校验”表尚未包含这些行。ZiPing 的校验已按当前表格进行；点“修复模板”可同步更新“校验”表。",
      repairable: true,
    });
  }
  return problems;
}

export function buildReport<N>(input: CheckInput, syncs: number): ValidationReport<N> {
  const { form } = input;
  const { tables, dates } = datesAsShown(input.state.tables);
  const read = interpretRead(form, input.lists, readResult(tables));
  const fallback = () => templateLocator(form, read.data);
  const locate = (input.locator ?? new StableLocator()).for(read.addresses, fallback);
  const check = checkReport(form, read.data, locate);
  const narrative = input.narrate ? (input.narrate(form, read.data, check) as N) : undefined;
  return {
    state: check.state,
    findings: explainDates(check.findings, dates, (id) => fieldKindOf(form, id)?.kind),
    results: check.results,
    ...(narrative === undefined ? {} : { narrative }),
    data: read.data,
    locate,
    textNumbers: textNumbers(form, read.addresses, input.state),
    problems: layoutProblems(input, read.data, read.notes),
    ...(input.state.marker ? { formMarker: input.state.marker } : {}),
    syncs,
  };
}
