import { Dec, parseAmount, wanToYuan, yuanToWan, type ParsedAmount } from "../money";
import { compileForm } from "../check/compile";
import { rawText, type ListEntry, type RawValue, type ReportData } from "../spec/data";
import { defaultForm } from "../spec";
import { fieldId as makeFieldId, type FieldDef } from "../spec/instances";
import type { FormSpec } from "../spec/types";
import { mapColumns, type ColumnPlan } from "./columns";
import { isBlank, readDelimited, type SourceGrid } from "./grid";
import { findLayout, type Layout } from "./layout";
import { describeMatch } from "./match";
import { findTableModel, knownHeaderNames, tableModels, type TableModel } from "./model";
import { normalizeLabel, unitInText } from "./normalize";
import { mapRows, type RowPlan } from "./rows";
import { compareTotals, formulaTargets } from "./totals";
import type {
  ColumnMapping,
  ImportConsumed,
  ImportDetail,
  ImportOptions,
  ImportPlan,
  ImportReject,
  ImportTotal,
  ImportWrite,
  ListAdd,
  RowMapping,
  SourceUnit,
  TableChoice,
  UnitChoice,
} from "./types";
import { inferUnit, statedUnits, type SampleAmount } from "./unit";

/**
 * Reads an export (pasted text, CSV text, or a grid read from a sheet) and plans where each of
 * its cells goes. Pure and total: it never throws on content, and every non-empty cell of the
 * input ends up in exactly one of writes, totals, details, consumed or rejects.
 * Throws only for a bad option (an unknown table name).
 */
export function planImport(input: string | SourceGrid, options: ImportOptions = {}): ImportPlan {
  const form = options.form ?? defaultForm;
  const grid = typeof input === "string" ? readDelimited(input) : input;
  const models = tableModels(form);
  const layout = findLayout(grid, knownHeaderNames(form));
  const chosen = chooseTable(grid, layout, models, options);
  const base = {
    form: form.id,
    delimiter: grid.delimiter,
    basis: listLengths(form, options.reference),
  };
  if ("refusal" in chosen) return refusedPlan(grid, chosen.refusal, base);
  return new Planner(form, grid, layout, chosen.model, chosen.choice, options).plan(base);
}

function listLengths(form: FormSpec, reference: ReportData | undefined): Record<string, number> {
  return Object.fromEntries(form.lists.map((l) => [l.id, reference?.lists[l.id]?.length ?? 0]));
}

type Choice = { model: TableModel; choice: TableChoice } | { refusal: string };

function titleBonus(grid: SourceGrid, layout: Layout, model: TableModel): number {
  for (const r of layout.preamble) {
    for (const text of grid.rows[r]) {
      if (isBlank(text)) continue;
      const n = normalizeLabel(text);
      if (model.titles.some((t) => t.length >= 2 && (n === t || n.includes(t)))) return 2;
    }
  }
  return 0;
}

/** The given table, or the one whose columns, rows and title the export matches best (a tie is refused). */
function chooseTable(grid: SourceGrid, layout: Layout, models: TableModel[], options: ImportOptions): Choice {
  if (options.table !== undefined) {
    const model = findTableModel(models, options.table);
    if (!model) {
      const names = models.map((m) => `${m.table.id}（${m.table.title}）`).join("、");
      throw new Error(`未知的表“${options.table}”；可选：${names}`);
    }
    return { model, choice: { id: model.table.id, title: model.table.title, how: "given", reason: "按指定的表导入" } };
  }
  const scored = models.map((model) => {
    const cols = mapColumns(grid, layout, model);
    const rows = mapRows(grid, layout, cols, model, options.reference?.lists[model.list?.id ?? ""] ?? [], true);
    const title = titleBonus(grid, layout, model);
    return { model, cols: cols.score, rows: rows.score, title, total: cols.score + rows.score + title };
  });
  scored.sort((a, b) => b.total - a.total);
  const [best, second] = scored;
  if (!best || best.total <= 0) {
    return { refusal: "无法判断这些数据属于哪张表（表头和行名都对不上），请指定表名" };
  }
  if (second && second.total === best.total) {
    const tied = scored.filter((s) => s.total === best.total).map((s) => `“${s.model.table.title}”（${s.model.table.id}）`);
    return { refusal: `无法确定是哪张表：${tied.join("、")} 同样符合，请指定表名` };
  }
  const parts = [
    best.cols > 0 ? `栏目匹配 ${trimScore(best.cols)}` : "",
    best.rows > 0 ? `行名匹配 ${trimScore(best.rows)}` : "",
    best.title > 0 ? "标题相符" : "",
  ].filter(Boolean);
  const runnerUp = second && second.total > 0 ? `；其次是“${second.model.table.title}”（${trimScore(second.total)}）` : "";
  return {
    model: best.model,
    choice: { id: best.model.table.id, title: best.model.table.title, how: "inferred", reason: `${parts.join("，")}${runnerUp}` },
  };
}

function trimScore(n: number): string {
  return String(Math.round(n * 100) / 100);
}

function refusedPlan(grid: SourceGrid, reason: string, base: Pick<ImportPlan, "form" | "delimiter" | "basis">): ImportPlan {
  const rejects: ImportReject[] = [];
  grid.rows.forEach((row, r) =>
    row.forEach((text, c) => {
      if (!isBlank(text)) rejects.push({ line: grid.lines[r], column: c + 1, text, reason });
    }),
  );
  return {
    ...base,
    columns: [],
    rows: [],
    writes: [],
    totals: [],
    details: [],
    listAdds: [],
    consumed: [],
    rejects,
    findings: [{ severity: "error", message: reason }],
  };
}

/** Plain decimal text with at least `places` decimals and no trailing zeros beyond them. */
function plain(d: Dec, places: number): string {
  return d.decimalPlaces() >= places ? d.toFixed() : d.toFixed(places);
}

type CellAmount = { parsed: string; converted: string; value: Dec; conversion: "元→万元" | "none" } | { reason: string };

class Planner {
  private writes: ImportWrite[] = [];
  private totals: ImportTotal[] = [];
  private details: ImportDetail[] = [];
  private consumed: ImportConsumed[] = [];
  private rejects: ImportReject[] = [];
  private cols: ColumnPlan;
  private rowPlan: RowPlan;
  private lists: Record<string, ListEntry[]>;
  private fields: ReadonlyMap<string, FieldDef>;
  private locate: (id: string) => string;
  private formulas: Set<string>;
  private unit!: UnitChoice;
  /** Direct children (indexes into rowPlan.lines) of each line in the 类/款/项 tree. */
  private children: number[][];
  private amounts = new Map<number, CellAmount>();

  constructor(
    private form: FormSpec,
    private grid: SourceGrid,
    private layout: Layout,
    private model: TableModel,
    private choice: TableChoice,
    private options: ImportOptions,
  ) {
    const reference = options.reference;
    const listId = model.list?.id;
    this.cols = mapColumns(grid, layout, model);
    this.rowPlan = mapRows(grid, layout, this.cols, model, listId ? (reference?.lists[listId] ?? []) : []);
    this.lists = Object.fromEntries(form.lists.map((l) => [l.id, [...(reference?.lists[l.id] ?? [])]]));
    if (listId) for (const e of this.rowPlan.newEntries) this.lists[listId].push(e.entry);
    // The same compiled form the totals check uses (compileForm caches it per list shape), so
    // fields, cell addresses and rules are expanded once per import.
    const compiled = compileForm(form, this.lists);
    this.fields = compiled.fieldById;
    this.locate = compiled.templateAddress;
    this.formulas = formulaTargets(compiled.rules, model.table.id);
    this.children = this.rowPlan.lines.map(() => []);
    this.rowPlan.parents.forEach((p, k) => {
      if (p >= 0) this.children[p].push(k);
    });
  }

  plan(base: Pick<ImportPlan, "form" | "delimiter" | "basis">): ImportPlan {
    this.unit = this.chooseUnit();
    this.consumeAbove();
    this.placeBody();
    const listAdds = this.listAdds();
    const { totals, findings } = compareTotals(this.form, this.options.reference, this.lists, this.writes, this.totals, this.locate);
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
      findings: [...findings, ...this.hierarchyFindings(), ...this.unitFindings()],
    };
  }

  // ── unit ────────────────────────────────────────────────────────────────
  private chooseUnit(): UnitChoice {
    const stated = statedUnits(this.grid, this.layout);
    const first = stated[0];
    if (this.options.unit) {
      const note = first && first.unit !== this.options.unit ? `（表中注明“${first.text.trim()}”，按指定改为${this.options.unit}）` : "";
      return { value: this.options.unit, how: "given", reason: `按指定的单位${this.options.unit}${note}` };
    }
    if (first) {
      const conflict = stated.find((s) => s.unit !== first.unit);
      const note = conflict ? `；另有“${conflict.text.trim()}”（第${this.grid.lines[conflict.row]}行），与之不一致，请核对` : "";
      return { value: first.unit, how: "stated", reason: `第${this.grid.lines[first.row]}行注明“${first.text.trim()}”${note}` };
    }
    return inferUnit(this.sampleAmounts(), this.options.reference);
  }

  private unitFindings() {
    const stated = statedUnits(this.grid, this.layout);
    const conflict = stated.length && stated.some((s) => s.unit !== stated[0].unit);
    return conflict ? [{ severity: "warning" as const, message: `单位注明不一致：${stated.map((s) => `“${s.text.trim()}”`).join("、")}，已按${this.unit.value}` }] : [];
  }

  /** Amounts bound for 万元/元 fields, for inferring the unit. */
  private sampleAmounts(): SampleAmount[] {
    const out: SampleAmount[] = [];
    this.forEachPlacedValue((fieldId, field, r, c, text) => {
      if (field.kind !== "amount" && field.kind !== "amountOrNone") return;
      if (this.cols.mappings[c].unit) return;
      const p = parseAmount(text);
      if (p.kind === "amount" && p.unitHint === undefined) out.push({ fieldId, value: p.value, decimals: p.decimals, line: this.grid.lines[r], text });
    });
    return out;
  }

  private forEachPlacedValue(fn: (fieldId: string, field: FieldDef, r: number, c: number, text: string) => void): void {
    this.rowPlan.lines.forEach((line, i) => {
      const role = this.rowPlan.roles[i];
      if (role.role !== "row" && role.role !== "entry") return;
      for (const [c, columnId] of this.cols.values) {
        const text = this.grid.rows[line.r][c];
        if (isBlank(text)) continue;
        const id = this.fieldIdOf(role.rowId, columnId);
        const field = this.fields.get(id);
        if (field) fn(id, field, line.r, c, text!);
      }
    });
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
    lines.forEach((line, i) => {
      const role = roles[i];
      const row = this.grid.rows[line.r];
      for (let c = 0; c < row.length; c++) {
        if (isBlank(row[c])) continue;
        const mapping: ColumnMapping | undefined = this.cols.mappings[c];
        if (role.role === "rejected") {
          this.reject(line.r, c, role.reason);
          continue;
        }
        if (!mapping || mapping.role === "unmapped") {
          this.reject(line.r, c, mapping?.reason ?? "表头以外的单元格，无法确定是哪一栏");
          continue;
        }
        if (mapping.role !== "value") {
          this.consume(line.r, c, mapping.role === "code" ? "code" : mapping.role === "sequence" ? "sequence" : role.role === "note" ? "note" : "label");
          continue;
        }
        const columnId = this.cols.values.get(c)!;
        this.placeValue(i, c, columnId);
      }
    });
  }

  private placeValue(i: number, c: number, columnId: string): void {
    const line = this.rowPlan.lines[i];
    const role = this.rowPlan.roles[i];
    const text = this.grid.rows[line.r][c];
    const r = line.r;
    switch (role.role) {
      case "row":
      case "entry": {
        const id = this.fieldIdOf(role.rowId, columnId);
        const field = this.fields.get(id);
        if (!field) return this.reject(r, c, `表中没有单元格 ${id}`);
        if (this.formulas.has(id)) return this.total(r, c, field, "template");
        return this.write(r, c, field, mappingUnit(this.cols.mappings[c]));
      }
      case "subtotal":
        return this.subtotal(i, c);
      case "detail": {
        const amount = this.lineAmount(i, c);
        if ("reason" in amount) return this.reject(r, c, amount.reason);
        this.details.push({ line: line.line, column: c + 1, text, parentLine: role.parentLine, parsed: amount.parsed, converted: amount.converted, conversion: amount.conversion });
        return;
      }
      case "structure":
      case "note":
        return this.reject(r, c, "说明行中的数值，无法确定归属");
      case "rejected":
        return this.reject(r, c, role.reason);
    }
  }

  /** An amount in 万元 (the form's money unit) from an export cell, exactly. */
  private amountOf(text: string, c: number, money = this.isMoneyColumn(c)): CellAmount {
    const p = parseAmount(text);
    if (p.kind === "invalid") return { reason: p.reason };
    if (p.kind === "none") return { parsed: "0", converted: "0", value: new Dec(0), conversion: "none" };
    if (p.unitHint === "%") return { reason: `应填金额，填写的是百分比“${text.trim()}”` };
    const from = p.unitHint ?? this.cols.mappings[c].unit ?? this.unit.value;
    const convert = money && from === "元";
    const converted = convert ? yuanToWan(p.value) : p.value;
    return { parsed: p.value.toFixed(p.decimals), converted: converted.toFixed(), value: converted, conversion: convert ? "元→万元" : "none" };
  }

  /** amountOf for a body cell, parsed once however often the hierarchy checks ask for it. */
  private lineAmount(i: number, c: number): CellAmount {
    const key = i * 65536 + c;
    let hit = this.amounts.get(key);
    if (!hit) this.amounts.set(key, (hit = this.amountOf(this.grid.rows[this.rowPlan.lines[i].r][c], c)));
    return hit;
  }

  /** Whether the table column an export column goes to holds money in 万元. */
  private isMoneyColumn(c: number): boolean {
    const columnId = this.cols.values.get(c);
    const spec = this.model.table.columns?.find((x) => x.id === columnId);
    const unit = spec?.unit ?? this.model.table.unit;
    return unit === "万元";
  }

  private total(r: number, c: number, field: FieldDef, kind: "template"): void {
    const amount = this.amountOf(this.grid.rows[r][c], c, field.unit === "万元");
    if ("reason" in amount) return this.reject(r, c, amount.reason);
    this.totals.push({
      line: this.grid.lines[r],
      column: c + 1,
      text: this.grid.rows[r][c],
      kind,
      fieldId: field.id,
      cell: this.locate(field.id),
      label: field.label,
      exported: amount.converted,
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
    const base = { line: line.line, column: c + 1, text, kind: "subtotal" as const, label: [line.code, line.name].filter(Boolean).join(" "), exported: amount.converted, conversion: amount.conversion };
    if (!children) {
      const reason = role.role === "subtotal" && role.reason ? role.reason : "其下没有可核对的明细行";
      this.totals.push({ ...base, status: "unchecked", message: reason });
      return;
    }
    const agrees = children.sum.eq(amount.value);
    this.totals.push({
      ...base,
      expected: children.sum.toFixed(),
      status: agrees ? "agrees" : "differs",
      ...(agrees ? {} : { message: `第${line.line}行“${base.label}”为 ${amount.converted} 万元，其下各行合计 ${children.sum.toFixed()} 万元，相差 ${amount.value.minus(children.sum).toFixed()} 万元` }),
    });
  }

  /** Sum (万元) of the direct children's cells in column c, or undefined when none is a figure. */
  private childSum(i: number, c: number): { sum: Dec } | undefined {
    let sum = new Dec(0);
    let any = false;
    this.children[i].forEach((k) => {
      const text = this.grid.rows[this.rowPlan.lines[k].r][c];
      if (isBlank(text)) return;
      const a = this.lineAmount(k, c);
      if ("reason" in a) return;
      sum = sum.plus(a.value);
      any = true;
    });
    return any ? { sum } : undefined;
  }

  /** Placed parents (类 lines written to a row) whose 款 lines do not add up to them. */
  private hierarchyFindings() {
    const out: ImportPlan["findings"] = [];
    this.rowPlan.lines.forEach((line, i) => {
      const role = this.rowPlan.roles[i];
      if (role.role !== "row" && role.role !== "entry") return;
      if (this.children[i].length === 0) return;
      for (const c of this.cols.values.keys()) {
        const text = this.grid.rows[line.r][c];
        if (isBlank(text)) continue;
        const own = this.lineAmount(i, c);
        const children = this.childSum(i, c);
        if ("reason" in own || !children || children.sum.eq(own.value)) continue;
        out.push({
          severity: "warning",
          line: line.line,
          column: c + 1,
          message: `第${line.line}行“${[line.code, line.name].filter(Boolean).join(" ")}”为 ${own.converted} 万元，其下明细合计 ${children.sum.toFixed()} 万元，相差 ${own.value.minus(children.sum).toFixed()} 万元（已按本行导入，明细未重复计入）`,
        });
      }
    });
    return out;
  }

  private write(r: number, c: number, field: FieldDef, columnUnit: SourceUnit | undefined): void {
    const text = this.grid.rows[r][c];
    const base = { line: this.grid.lines[r], column: c + 1, text, fieldId: field.id, cell: this.locate(field.id), label: field.label };
    const existing = this.options.reference?.values[field.id];
    const previous = rawText(existing) === null || String(rawText(existing)).trim() === "" ? {} : { existing: existing as RawValue };
    if (field.kind === "text") {
      this.writes.push({ ...base, conversion: "none", value: text.trim(), asText: true, ...previous });
      return;
    }
    const p: ParsedAmount = parseAmount(text);
    if (p.kind === "invalid") return this.reject(r, c, p.reason);
    if (p.kind === "none") {
      const value = field.kind === "amountOrNone" ? text.trim() : "0";
      this.writes.push({ ...base, parsed: "0", converted: "0", conversion: "none", value, noFigure: true, ...previous });
      return;
    }
    if (p.unitHint === "%" && field.kind !== "percent") return this.reject(r, c, `应填${field.unit || "数值"}，填写的是百分比“${text.trim()}”`);
    if (field.kind === "percent") {
      this.writes.push({ ...base, parsed: p.value.toFixed(), converted: p.value.toFixed(), conversion: "none", value: text.trim(), ...previous });
      return;
    }
    if (field.kind === "count" && !p.value.isInteger()) return this.reject(r, c, `应为整数${field.unit ? `（${field.unit}）` : ""}，填写的是“${text.trim()}”`);
    const parsed = p.value.toFixed(p.decimals);
    const money = field.unit === "万元" || field.unit === "元";
    const from = p.unitHint === "%" ? undefined : (p.unitHint ?? columnUnit ?? this.unit.value);
    if (!money || from === undefined || from === field.unit) {
      if (p.unitHint && money && p.unitHint !== field.unit) return this.reject(r, c, `单位不符：${text.trim()}`);
      this.writes.push({ ...base, parsed, converted: parsed, conversion: "none", value: parsed, ...previous });
      return;
    }
    const converted = from === "元" ? yuanToWan(p.value) : wanToYuan(p.value);
    this.writes.push({
      ...base,
      parsed,
      converted: converted.toFixed(),
      conversion: from === "元" ? "元→万元" : "万元→元",
      // Known to the 分: checks treat it as exact, not as a rounded 2-decimal figure.
      value: { value: plain(converted, 2), exact: true },
      ...previous,
    });
  }

  // ── lists and rows ───────────────────────────────────────────────────────
  private listAdds(): ListAdd[] {
    const listId = this.model.list?.id;
    const listRow = this.model.listRow;
    if (!listId || !listRow) return [];
    const labelColumns = this.model.table.labelColumns ?? [{ id: "name" as const, label: "" }];
    return this.rowPlan.newEntries.map((e) => ({
      list: listId,
      index: e.index,
      entry: e.entry,
      line: e.line,
      labelFields: labelColumns
        .filter((lc) => lc.id === "name" || e.entry.code !== undefined)
        .map((lc) => `${this.model.table.id}.${listRow.id}[${e.index}].#${lc.id}`),
      asText: true,
    }));
  }

  private rowMappings(): RowMapping[] {
    return this.rowPlan.lines.map((line, i): RowMapping => {
      const role = this.rowPlan.roles[i];
      const base = { line: line.line, label: line.name, ...(line.code !== undefined ? { code: line.code } : {}) };
      switch (role.role) {
        case "row":
          return { ...base, role: role.total ? "total" : "row", rowId: role.rowId, how: role.how, score: role.score, matched: role.matched, reason: describeMatch(role) };
        case "entry":
          return {
            ...base,
            role: "entry",
            rowId: role.rowId,
            how: role.how,
            score: role.score,
            ...(role.matched ? { matched: role.matched } : {}),
            reason: role.how === "new" ? `新增到“${this.model.list?.label ?? ""}”第${role.index}项` : describeMatch({ how: role.how, score: role.score, matched: role.matched ?? "" }),
          };
        case "detail":
          return { ...base, role: "detail", parentLine: role.parentLine, reason: `已计入第${role.parentLine}行，不重复导入` };
        case "subtotal":
          return { ...base, role: "subtotal", reason: role.reason ?? "小计行：与其下各行之和核对，不写入" };
        case "structure":
        case "note":
          return { ...base, role: "note" };
        case "rejected":
          return { ...base, role: "rejected", reason: role.reason };
      }
    });
  }
}

function mappingUnit(m: ColumnMapping): SourceUnit | undefined {
  return m.unit;
}

