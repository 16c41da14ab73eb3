import { Dec, parseAmount, plainDecimalText, wanToYuan, wanToYuanText, yuanToWanText, yuanToWan, type ParsedAmount } from "../money";
import { rawText, type ListEntry, type RawValue, type ReportData } from "../spec/data";
import { fieldId as makeFieldId, type FieldDef } from "../spec/instances";
import type { FormSpec } from "../spec/types";
import { mapColumns, type ColumnPlan } from "./columns";
import { isBlank, type SourceGrid } from "./grid";
import type { Layout } from "./layout";
import { describeMatch } from "./match";
import type { TableModel } from "./model";
import { isNoDataNote, unitInText } from "./normalize";
import { mapRows, type Line, type LineRole, type RowPlan } from "./rows";
import { compileTarget, type ImportTarget } from "./target";
import { compareTotals, type PlannedCells } from "./totals";
import type {
  ImportConsumed,
  ImportFinding,
  ImportOptions,
  ImportPlan,
  ImportTotal,
  ImportWrite,
  RowMapping,
  SourceUnit,
  TableChoice,
  UnitChoice,
} from "./types";
import { inferUnit, statedUnits, type SampleAmount } from "./unit";

/** A cell's amount in 万元 (the form's money unit), exactly; its texts are made only when shown. */
type CellAmount = { p: Extract<ParsedAmount, { kind: "amount" | "none" }>; value: Dec; conversion: "元→万元" | "none" } | { reason: string };

const ZERO = new Dec(0);

/**
 * What has been worked out about one body cell: its parse; a plain decimal's written form
 * (plainDecimalText, null for any other cell: most export cells are plain, and their figure in
 * 万元 is then made from text with the point moved, one decimal per cell rather than a parse, a
 * conversion and two texts written back); its 万元 text and figure; its amount for the
 * hierarchy checks.
 */
interface CellWork {
  parse: ParsedAmount | undefined;
  plain: string | null | undefined;
  wanText: string | undefined;
  wan: Dec | undefined;
  amount: CellAmount | undefined;
}

/** The amount as the export wrote it, and in 万元, as plain decimal text. */
function amountTexts(a: Exclude<CellAmount, { reason: string }>): { parsed: string; converted: string } {
  if (a.p.kind === "none") return { parsed: "0", converted: "0" };
  return { parsed: a.p.value.toFixed(a.p.decimals), converted: a.value.toFixed() };
}

/** What a label, code or sequence cell of a body line was read as: a code column's "合计" or "注：…" is a label or note, not a code. */
function structureRole(column: "label" | "code" | "sequence", line: LineRole["role"], text: string): ImportConsumed["role"] {
  if (line === "note") return "note";
  if (column === "sequence") return "sequence";
  return column === "code" && /^\s*\d+\s*$/.test(text.normalize("NFKC")) ? "code" : "label";
}

/** What a panel of an export printed side by side takes from the other panels. */
export interface PanelContext {
  /**
   * What the other panels write (by field id) when they fill this table too (公开06表 printed in
   * three panels): the totals are compared with the whole table, not with this panel's part of
   * it. Never listed as an overwrite.
   */
  alsoWritten?: ReadonlyMap<string, RawValue>;
  /** The unit the panels before it were read in, for a panel that states none. */
  unit?: UnitChoice;
}

/** Where each cell of one import goes. Used once per plan (see planImport). */
export class Planner {
  private writes: ImportWrite[] = [];
  private totals: ImportTotal[] = [];
  private details: ImportPlan["details"] = [];
  private consumed: ImportConsumed[] = [];
  private rejects: ImportPlan["rejects"] = [];
  /** The writes again, by position in the target's fields, for the total checks. */
  private planned: PlannedCells = { values: [], exact: [] };
  private cols: ColumnPlan;
  private rowPlan: RowPlan;
  private lists: Record<string, ListEntry[]>;
  private target: ImportTarget;
  private locate: (id: string) => string;
  private unit!: UnitChoice;
  /** Direct children (indexes into rowPlan.lines) of each line in the 类/款/项 tree; none for most (项) lines. */
  private children: Array<number[] | undefined>;
  /** Per export column: the target column id of a value column, and whether it holds 万元. */
  private valueColumn: Array<string | undefined>;
  private moneyColumn: boolean[];
  /**
   * What has been worked out about each body cell (line i, column c, keyed i × width + c). Each
   * part is a pure function of the cell, so a cell read by the unit inference, a subtotal check
   * and its own write is worked out once; a written cell's entry is dropped, so the map holds
   * the few cells between a 款 line and the 项 lines under it, not a slot per cell of the export.
   */
  private width: number;
  private work = new Map<number, CellWork>();

  constructor(
    private form: FormSpec,
    private grid: SourceGrid,
    private layout: Layout,
    private model: TableModel,
    private choice: TableChoice,
    private options: ImportOptions,
    /** Set when this is one panel of an export printed as panels side by side (see panels.ts). */
    private panel?: PanelContext,
  ) {
    const reference = options.reference;
    const listId = model.list?.id;
    this.cols = mapColumns(grid, layout, model);
    this.rowPlan = mapRows(grid, layout, this.cols, model, listId ? (reference?.lists[listId] ?? []) : []);
    this.lists = Object.fromEntries(form.lists.map((l) => [l.id, [...(reference?.lists[l.id] ?? [])]]));
    if (listId) for (const e of this.rowPlan.newEntries) this.lists[listId].push(e.entry);
    // Only the target table and the totals computed in it, laid out for the lists after import.
    this.target = compileTarget(form, model.table.id, this.lists);
    this.locate = this.target.locate;
    this.children = new Array(this.rowPlan.lines.length);
    this.rowPlan.parents.forEach((p, k) => {
      if (p >= 0) (this.children[p] ??= []).push(k);
    });
    this.width = Math.max(1, layout.width);
    this.valueColumn = Array.from({ length: layout.width }, (_, c) => this.cols.values.get(c));
    this.moneyColumn = this.valueColumn.map((columnId) => {
      const spec = model.table.columns?.find((x) => x.id === columnId);
      return (spec?.unit ?? model.table.unit) === "万元";
    });
  }

  plan(base: Pick<ImportPlan, "form" | "delimiter" | "basis">): ImportPlan {
    this.unit = this.chooseUnit();
    this.consumeAbove();
    this.placeBody();
    // Made by the row mapping in the shape the plan lists them in.
    const listAdds = this.model.list ? this.rowPlan.newEntries : [];
    const { totals, findings } = compareTotals(this.target, this.withOtherPanels(), this.planned, this.totals, this.locate);
    const rows = this.rowMappings();
    return {
      ...base,
      table: this.choice,
      unit: this.unit,
      columns: this.cols.mappings,
      rows,
      writes: this.writes,
      totals,
      details: this.details,
      listAdds,
      consumed: this.consumed,
      rejects: this.rejects,
      findings: [...findings, ...this.hierarchyFindings(), ...this.unitFindings(), ...this.emptyTableFindings()],
    };
  }

  /** The data the totals are compared against: the workbook's, with the other panels' writes. */
  private withOtherPanels(): ReportData | undefined {
    const reference = this.options.reference;
    const also = this.panel?.alsoWritten;
    if (!also?.size) return reference;
    const values = { ...reference?.values, ...Object.fromEntries(also) };
    return { form: this.form.id, lists: reference?.lists ?? {}, values };
  }

  // ── unit ────────────────────────────────────────────────────────────────
  private chooseUnit(): UnitChoice {
    const stated = statedUnits(this.grid, this.layout);
    const first = stated[0];
    if (this.options.unit) {
      const note = first && first.unit !== this.options.unit ? `（表中注明“${first.text.trim()}”，按指定改为${this.options.unit}）` : "";
      return { value: this.options.unit, how: "given", reason: `按指定的单位${this.options.unit}${note}` };
    }
    // A panel that states no unit of its own is in the unit of the panels before it: one printed table.
    if (!first && this.panel?.unit) return this.panel.unit;
    if (first) {
      const conflict = stated.find((s) => s.unit !== first.unit);
      const note = conflict ? `；另有“${conflict.text.trim()}”（第${this.grid.lines[conflict.row]}行），与之不一致，请核对` : "";
      return { value: first.unit, how: "stated", reason: `第${this.grid.lines[first.row]}行注明“${first.text.trim()}”${note}` };
    }
    return inferUnit(this.sampleAmounts(), this.options.reference);
  }

  /** A table the export marks as empty ("本表无数据") is said to be so, once: its cells stay as they are. */
  private emptyTableFindings(): ImportFinding[] {
    const { lines, roles } = this.rowPlan;
    const at = lines.findIndex((l, i) => roles[i].role === "note" && isNoDataNote(l.name));
    if (at < 0 || this.writes.length) return [];
    const line = lines[at];
    return [{ severity: "info", line: line.line, message: `第${line.line}行注明“${line.name}”：${this.model.table.title}是空表，没有导入数值，表中原有内容不变` }];
  }

  private unitFindings(): ImportFinding[] {
    const stated = statedUnits(this.grid, this.layout);
    const conflict = stated.length && stated.some((s) => s.unit !== stated[0].unit);
    return conflict ? [{ severity: "warning" as const, message: `单位注明不一致：${stated.map((s) => `“${s.text.trim()}”`).join("、")}，已按${this.unit.value}` }] : [];
  }

  /** Amounts bound for 万元/元 fields, for inferring the unit. */
  private sampleAmounts(): SampleAmount[] {
    const out: SampleAmount[] = [];
    const { lines, roles } = this.rowPlan;
    for (let i = 0; i < lines.length; i++) {
      const role = roles[i];
      if (role.role !== "row" && role.role !== "entry" && role.role !== "cells") continue;
      const row = this.grid.rows[lines[i].r];
      for (const [c, columnId] of this.cols.values) {
        const text = row[c];
        if (isBlank(text)) continue;
        const field = role.role === "cells" ? this.target.fieldAt(this.cols.rows.get(c)!, undefined, columnId) : this.fieldOf(role, columnId);
        if (!field || (field.kind !== "amount" && field.kind !== "amountOrNone")) continue;
        if (this.cols.mappings[c].unit) continue;
        const p = this.parsed(i, c);
        if (p.kind === "amount" && p.unitHint === undefined) out.push({ fieldId: field.id, value: p.value, decimals: p.decimals, line: lines[i].line, text });
      }
    }
    return out;
  }

  /** Position in the target's fields of a line placed on a row or list entry, in a value column. */
  private positionOf(role: Extract<LineRole, { role: "row" | "entry" }>, columnId: string): number | undefined {
    return role.role === "entry" ? this.target.positionAt(this.model.listRow!.id, role.index, columnId) : this.target.positionAt(role.rowId, undefined, columnId);
  }

  /** The target field of a line placed on a row or list entry, in a value column. */
  private fieldOf(role: Extract<LineRole, { role: "row" | "entry" }>, columnId: string): FieldDef | undefined {
    const ix = this.positionOf(role, columnId);
    return ix === undefined ? undefined : this.target.compiled.fields[ix];
  }

  private fieldIdOf(rowId: string, columnId: string): string {
    return this.model.table.layout === "record" ? makeFieldId(this.model.table, rowId) : makeFieldId(this.model.table, rowId, columnId);
  }

  // ── structure above the body ───────────────────────────────────────────
  private consumeAbove(): void {
    for (const r of this.layout.preamble) {
      this.grid.rows[r].forEach((text, c) => {
        if (isBlank(text)) return;
        this.consume(r, c, unitInText(text) && /单位/.test(text) ? "unit" : "title");
      });
    }
    for (const r of [...this.layout.header, ...this.layout.numbering]) {
      this.grid.rows[r].forEach((text, c) => {
        if (!isBlank(text)) this.consume(r, c, "header");
      });
    }
  }

  private consume(r: number, c: number, role: ImportConsumed["role"]): void {
    this.consumed.push({ line: this.grid.lines[r], column: c + 1, text: this.grid.rows[r][c], role, asText: true });
  }

  private reject(r: number, c: number, reason: string): void {
    this.rejects.push({ line: this.grid.lines[r], column: c + 1, text: this.grid.rows[r][c], reason });
  }

  // ── body ─────────────────────────────────────────────────────────────────
  private placeBody(): void {
    const { lines, roles } = this.rowPlan;
    const mappings = this.cols.mappings;
    for (let i = 0; i < lines.length; i++) {
      const role = roles[i];
      const r = lines[i].r;
      const row = this.grid.rows[r];
      for (let c = 0; c < row.length; c++) {
        if (isBlank(row[c])) continue;
        if (role.role === "rejected") {
          this.reject(r, c, role.reason);
          continue;
        }
        const mapping = mappings[c];
        if (!mapping || mapping.role === "unmapped") {
          this.reject(r, c, mapping?.reason ?? "表头以外的单元格，无法确定是哪一栏");
          continue;
        }
        if (mapping.role !== "value") {
          this.consume(r, c, structureRole(mapping.role, role.role, row[c]));
          continue;
        }
        this.placeValue(i, c, this.valueColumn[c]!);
      }
    }
  }

  private placeValue(i: number, c: number, columnId: string): void {
    const line = this.rowPlan.lines[i];
    const role = this.rowPlan.roles[i];
    const r = line.r;
    switch (role.role) {
      case "row":
      case "entry": {
        const ix = this.positionOf(role, columnId);
        if (ix === undefined) return this.reject(r, c, `表中没有单元格 ${this.fieldIdOf(role.rowId, columnId)}`);
        const field = this.target.compiled.fields[ix];
        if (this.target.formulaAt.has(ix)) return this.total(i, c, field);
        return this.write(i, c, ix, this.cols.mappings[c].unit);
      }
      case "cells": {
        // The header names the row as well as the column (a wide export).
        const rowId = this.cols.rows.get(c)!;
        const ix = this.target.positionAt(rowId, undefined, columnId);
        if (ix === undefined) return this.reject(r, c, `表中没有单元格 ${this.fieldIdOf(rowId, columnId)}`);
        if (this.target.formulaAt.has(ix)) return this.total(i, c, this.target.compiled.fields[ix]);
        return this.write(i, c, ix, this.cols.mappings[c].unit);
      }
      case "subtotal":
        return this.subtotal(i, c);
      case "detail": {
        const amount = this.lineAmount(i, c);
        if ("reason" in amount) return this.reject(r, c, amount.reason);
        const { parsed, converted } = amountTexts(amount);
        this.details.push({ line: line.line, column: c + 1, text: this.grid.rows[r][c], parentLine: role.parentLine, parsed, converted, conversion: amount.conversion });
        return;
      }
      case "structure":
      case "note":
        return this.reject(r, c, "说明行中的数值，无法确定归属");
      case "rejected":
        return this.reject(r, c, role.reason);
    }
  }

  /** What has been worked out about body cell (i, c) so far. */
  private workOf(i: number, c: number): CellWork {
    const k = i * this.width + c;
    let work = this.work.get(k);
    if (work === undefined) this.work.set(k, (work = { parse: undefined, plain: undefined, wanText: undefined, wan: undefined, amount: undefined }));
    return work;
  }

  /** The parse of body cell (i, c), made once. */
  private parsed(i: number, c: number): ParsedAmount {
    const work = this.workOf(i, c);
    return (work.parse ??= parseAmount(this.grid.rows[this.rowPlan.lines[i].r][c]));
  }

  /** Written cells are not looked at again (a later look would work them out afresh). */
  private forget(i: number, c: number): void {
    this.work.delete(i * this.width + c);
  }

  /** plainDecimalText of body cell (i, c), or null when it is not a plain decimal: made once. */
  private plainOf(i: number, c: number): string | null {
    const work = this.workOf(i, c);
    return (work.plain ??= plainDecimalText(this.grid.rows[this.rowPlan.lines[i].r][c]) ?? null);
  }

  /** The figure in 万元 of a plain cell read as 元, as text: made once. */
  private wanTextOfPlain(i: number, c: number, plain: string): string {
    const work = this.workOf(i, c);
    return (work.wanText ??= yuanToWanText(plain));
  }

  /** The figure in 万元 of a plain cell read as 元, made once. */
  private wanOfPlain(i: number, c: number, plain: string): Dec {
    const work = this.workOf(i, c);
    return (work.wan ??= new Dec(this.wanTextOfPlain(i, c, plain)));
  }

  /** The amount of body cell (i, c), read as 元, in 万元: converted once. */
  private wan(i: number, c: number, p: Extract<ParsedAmount, { kind: "amount" }>): Dec {
    const work = this.workOf(i, c);
    return (work.wan ??= yuanToWan(p.value));
  }

  /** An amount in 万元 (the form's money unit) from a body cell, exactly. */
  private amountOf(i: number, c: number, money: boolean): CellAmount {
    const p = this.parsed(i, c);
    if (p.kind === "invalid") return { reason: p.reason };
    if (p.kind === "none") return { p, value: ZERO, conversion: "none" };
    if (p.unitHint === "%") return { reason: `应填金额，填写的是百分比“${this.grid.rows[this.rowPlan.lines[i].r][c].trim()}”` };
    const convert = this.fromYuan(c, p, money);
    return { p, value: convert ? this.wan(i, c, p) : p.value, conversion: convert ? "元→万元" : "none" };
  }

  /** Whether a figure in column c goes from 元 to 万元: the target holds 万元 and the cell, its header or the export says 元. */
  private fromYuan(c: number, p: Extract<ParsedAmount, { kind: "amount" }>, money: boolean): boolean {
    return money && (p.unitHint ?? this.cols.mappings[c].unit ?? this.unit.value) === "元";
  }

  /** amountOf for a body cell going to its column's table column, however often the hierarchy checks ask for it. */
  private lineAmount(i: number, c: number): CellAmount {
    const work = this.workOf(i, c);
    return (work.amount ??= this.amountOf(i, c, this.moneyColumn[c]));
  }

  private total(i: number, c: number, field: FieldDef): void {
    const r = this.rowPlan.lines[i].r;
    const amount = this.amountOf(i, c, field.unit === "万元");
    if ("reason" in amount) return this.reject(r, c, amount.reason);
    this.totals.push({
      line: this.grid.lines[r],
      column: c + 1,
      text: this.grid.rows[r][c],
      kind: "template",
      fieldId: field.id,
      cell: this.target.address(field),
      label: field.label,
      exported: amountTexts(amount).converted,
      conversion: amount.conversion,
      status: "unchecked",
    });
  }

  /** A line summing the lines under it: compared with their sum, not written. */
  private subtotal(i: number, c: number): void {
    const line = this.rowPlan.lines[i];
    const text = this.grid.rows[line.r][c];
    const amount = this.lineAmount(i, c);
    if ("reason" in amount) return this.reject(line.r, c, amount.reason);
    const children = this.childSum(i, c);
    const role = this.rowPlan.roles[i];
    const label = [line.code, line.name].filter(Boolean).join(" ");
    const exported = amountTexts(amount).converted;
    if (!children) {
      const reason = role.role === "subtotal" && role.reason ? role.reason : "其下没有可核对的明细行";
      this.totals.push({ line: line.line, column: c + 1, text, kind: "subtotal", label, exported, conversion: amount.conversion, status: "unchecked", message: reason });
      return;
    }
    const agrees = children.eq(amount.value);
    const expected = children.toFixed();
    const total: ImportTotal = { line: line.line, column: c + 1, text, kind: "subtotal", label, exported, conversion: amount.conversion, expected, status: agrees ? "agrees" : "differs" };
    if (!agrees) total.message = `第${line.line}行“${label}”为 ${exported} 万元，其下各行合计 ${expected} 万元，相差 ${amount.value.minus(children).toFixed()} 万元`;
    this.totals.push(total);
  }

  /** Sum (万元) of the direct children's cells in column c, or undefined when none is a figure. */
  private childSum(i: number, c: number): Dec | undefined {
    let sum = ZERO;
    let any = false;
    for (const k of this.children[i] ?? []) {
      if (isBlank(this.grid.rows[this.rowPlan.lines[k].r][c])) continue;
      const value = this.valueOf(k, c);
      if (value === undefined) continue;
      sum = sum.plus(value);
      any = true;
    }
    return any ? sum : undefined;
  }

  /**
   * lineAmount's value (undefined where it has a reason), without keeping an amount object for
   * every 项 under a 款: the cell's parse and conversion are kept for its own write.
   */
  private valueOf(i: number, c: number): Dec | undefined {
    const plain = this.plainOf(i, c);
    if (plain !== null) return this.moneyColumn[c] && (this.cols.mappings[c].unit ?? this.unit.value) === "元" ? this.wanOfPlain(i, c, plain) : new Dec(plain);
    const p = this.parsed(i, c);
    if (p.kind === "invalid") return undefined;
    if (p.kind === "none") return ZERO;
    if (p.unitHint === "%") return undefined;
    return this.fromYuan(c, p, this.moneyColumn[c]) ? this.wan(i, c, p) : p.value;
  }

  /** Placed parents (类 lines written to a row) whose 款 lines do not add up to them. */
  private hierarchyFindings(): ImportFinding[] {
    const out: ImportFinding[] = [];
    this.rowPlan.lines.forEach((line, i) => {
      const role = this.rowPlan.roles[i];
      if (role.role !== "row" && role.role !== "entry") return;
      if (!this.children[i]) return;
      for (const c of this.cols.values.keys()) {
        if (isBlank(this.grid.rows[line.r][c])) continue;
        const own = this.lineAmount(i, c);
        const children = this.childSum(i, c);
        if ("reason" in own || !children || children.eq(own.value)) continue;
        out.push({
          severity: "warning",
          line: line.line,
          column: c + 1,
          message: `第${line.line}行“${[line.code, line.name].filter(Boolean).join(" ")}”为 ${amountTexts(own).converted} 万元，其下明细合计 ${children.toFixed()} 万元，相差 ${own.value.minus(children).toFixed()} 万元（已按本行导入，明细未重复计入）`,
        });
      }
    });
    return out;
  }

  /** The value a write replaces, when the target holds one. */
  private existingOf(fieldId: string): RawValue | undefined {
    const values = this.options.reference?.values;
    if (!values) return undefined;
    const existing = values[fieldId];
    const text = rawText(existing);
    return text === null || String(text).trim() === "" ? undefined : existing;
  }

  /** The write of body cell (i, c) into the field at position ix. */
  private write(i: number, c: number, ix: number, columnUnit: SourceUnit | undefined): void {
    const field = this.target.compiled.fields[ix];
    const r = this.rowPlan.lines[i].r;
    const text = this.grid.rows[r][c];
    if (field.kind === "text") return this.push(r, c, ix, undefined, undefined, "none", text.trim(), "asText");
    const plain = this.plainOf(i, c);
    if (plain !== null && (field.kind === "amount" || field.kind === "amountOrNone")) return this.writePlain(i, c, ix, plain, columnUnit);
    const p = this.parsed(i, c);
    if (p.kind === "invalid") return this.reject(r, c, p.reason);
    if (p.kind === "none") {
      const value = field.kind === "amountOrNone" ? text.trim() : "0";
      return this.push(r, c, ix, "0", "0", "none", value, "noFigure");
    }
    if (p.unitHint === "%" && field.kind !== "percent") return this.reject(r, c, `应填${field.unit || "数值"}，填写的是百分比“${text.trim()}”`);
    if (field.kind === "percent") {
      const shown = p.value.toFixed();
      return this.push(r, c, ix, shown, shown, "none", text.trim());
    }
    if (field.kind === "count" && !p.value.isInteger()) return this.reject(r, c, `应为整数${field.unit ? `（${field.unit}）` : ""}，填写的是“${text.trim()}”`);
    // A plain cell's text is already what toFixed would write: no decimal is built for it.
    const parsed = plain ?? p.value.toFixed(p.decimals);
    const money = field.unit === "万元" || field.unit === "元";
    const from = p.unitHint === "%" ? undefined : (p.unitHint ?? columnUnit ?? this.unit.value);
    if (!money || from === undefined || from === field.unit) {
      if (p.unitHint && money && p.unitHint !== field.unit) return this.reject(r, c, `单位不符：${text.trim()}`);
      return this.push(r, c, ix, parsed, parsed, "none", parsed);
    }
    const toWan = from === "元";
    const converted = toWan ? this.wan(i, c, p) : wanToYuan(p.value);
    this.pushConverted(i, c, ix, parsed, toWan, converted, toWan ? yuanToWanText(parsed) : wanToYuanText(parsed));
  }

  /** write() for a plain decimal going to an amount field: the same write, made from its text. */
  private writePlain(i: number, c: number, ix: number, plain: string, columnUnit: SourceUnit | undefined): void {
    const field = this.target.compiled.fields[ix];
    const r = this.rowPlan.lines[i].r;
    const money = field.unit === "万元" || field.unit === "元";
    const from = columnUnit ?? this.unit.value;
    if (!money || from === field.unit) return this.push(r, c, ix, plain, plain, "none", plain);
    const toWan = from === "元";
    const convertedText = toWan ? this.wanTextOfPlain(i, c, plain) : wanToYuanText(plain);
    const converted = toWan ? this.wanOfPlain(i, c, plain) : new Dec(convertedText);
    this.pushConverted(i, c, ix, plain, toWan, converted, convertedText);
  }

  /** The write of a figure converted between 元 and 万元, exactly. */
  private pushConverted(i: number, c: number, ix: number, parsed: string, toWan: boolean, converted: Dec, convertedText: string): void {
    const field = this.target.compiled.fields[ix];
    // Known to the 分: checks treat it as exact, not as a rounded 2-decimal figure.
    const point = convertedText.indexOf(".");
    const plain = point >= 0 && convertedText.length - point - 1 >= 2 ? convertedText : converted.toFixed(2);
    this.push(this.rowPlan.lines[i].r, c, ix, parsed, convertedText, toWan ? "元→万元" : "万元→元", { value: plain, exact: true });
    // The total checks read this figure as it is rather than parse `plain` again.
    if (field.kind === "amount" || field.kind === "amountOrNone") this.planned.exact[ix] = converted;
    // The cell's parse and conversion are not needed again (a later look is parsed afresh):
    // let them go while they are young rather than keep 100,000 of them to the end.
    this.forget(i, c);
  }

  /** A write, its properties always in the same order (the plan's JSON reads the same whichever branch made it). */
  private push(
    r: number,
    c: number,
    ix: number,
    parsed: string | undefined,
    converted: string | undefined,
    conversion: ImportWrite["conversion"],
    value: RawValue,
    flag?: "asText" | "noFigure",
  ): void {
    const field = this.target.compiled.fields[ix];
    const line = this.grid.lines[r];
    const text = this.grid.rows[r][c];
    const cell = this.target.address(field);
    const w: ImportWrite =
      parsed === undefined
        ? { line, column: c + 1, text, fieldId: field.id, cell, label: field.label, conversion, value }
        : { line, column: c + 1, text, fieldId: field.id, cell, label: field.label, parsed, converted, conversion, value };
    if (flag === "asText") w.asText = true;
    else if (flag === "noFigure") w.noFigure = true;
    const existing = this.existingOf(field.id);
    if (existing !== undefined) w.existing = existing;
    this.writes.push(w);
    this.planned.values[ix] = value;
  }

  // ── rows ─────────────────────────────────────────────────────────────────
  private rowMappings(): RowMapping[] {
    // One text for every new entry (its position is in rowId): a ledger adds 100,000 of them.
    const added = `新增到“${this.model.list?.label ?? ""}”`;
    return this.rowPlan.lines.map((line, i): RowMapping => {
      const role = this.rowPlan.roles[i];
      if (role.role === "entry") return entryMapping(line, role, added);
      const m = { line: line.line, label: line.name } as RowMapping;
      if (line.code !== undefined) m.code = line.code;
      switch (role.role) {
        case "row":
          return Object.assign(m, { role: role.total ? "total" : "row", rowId: role.rowId, how: role.how, score: role.score, matched: role.matched, reason: describeMatch(role) } as const);
        case "detail":
          return Object.assign(m, { role: "detail", parentLine: role.parentLine, reason: `已计入第${role.parentLine}行，不重复导入` } as const);
        case "cells":
          return Object.assign(m, { role: "cells", reason: "表头已指明每个数所在的行和栏" } as const);
        case "subtotal":
          return Object.assign(m, { role: "subtotal", reason: role.reason ?? "小计行：与其下各行之和核对，不写入" } as const);
        case "structure":
        case "note":
          m.role = "note";
          return m;
        case "rejected":
          return Object.assign(m, { role: "rejected", reason: role.reason } as const);
      }
    });
  }
}

/**
 * The mapping of a line placed as a list entry, made whole in one literal: added to property by
 * property, each of 100,000 rows would also carry a separate property store.
 */
function entryMapping(line: Line, role: Extract<LineRole, { role: "entry" }>, added: string): RowMapping {
  const reason = role.how === "new" ? added : describeMatch({ how: role.how, score: role.score, matched: role.matched ?? "" });
  const { rowId, how, score } = role;
  const entry: RowMapping =
    line.code !== undefined
      ? { line: line.line, label: line.name, code: line.code, role: "entry", rowId, how, score, reason }
      : { line: line.line, label: line.name, role: "entry", rowId, how, score, reason };
  if (role.matched) entry.matched = role.matched;
  return entry;
}
