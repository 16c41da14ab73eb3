import { isBlank, type SourceGrid } from "./grid";
import { cellAddressedColumns, type CellAddress } from "./header-paths";
import { isAmountCell, isCodePartWord, type Layout } from "./layout";
import { matchName, type NameMatch } from "./match";
import { codeHeaders, genericLabelHeaders, sequenceHeaders, type TableModel } from "./model";
import { normalizeLabel, unitInText } from "./normalize";
import type { ColumnMapping } from "./types";

export interface ColumnPlan {
  mappings: ColumnMapping[];
  /** Export column (0-based) → target column id. */
  values: Map<number, string>;
  /** The column holding row names (0-based), and the one holding separate 科目编码. */
  nameColumn?: number;
  codeColumn?: number;
  /**
   * Every column holding a part of the 科目编码, left to right: one for a code in one column,
   * three when the export splits it over 类 | 款 | 项 ("208 | 05 | 05").
   */
  codeColumns: number[];
  /**
   * Export column → target row, when the header names the row as well as the column (公开07表
   * printed wide: 预算数 › 公务接待费): each figure of a body line goes to its own cell. Empty
   * for an ordinary export, whose rows are named by the body's labels.
   */
  rows: Map<number, string>;
  score: number;
}

const SAMPLE = 60;

/** More than half of the column's filled body cells (a sample from the top) pass `test`. */
function mostly(grid: SourceGrid, body: number[], c: number, test: (cell: string) => boolean): boolean {
  let filled = 0;
  let passed = 0;
  for (const r of body.slice(0, SAMPLE)) {
    const cell = grid.rows[r][c];
    if (isBlank(cell)) continue;
    filled++;
    if (test(cell)) passed++;
  }
  return filled > 0 && passed * 2 > filled;
}

function mostlyText(grid: SourceGrid, body: number[], c: number): boolean {
  return mostly(grid, body, c, (cell) => !isAmountCell(cell));
}

/** Body cells of the column are mostly 科目编码 digits (or parts of one: "05"). */
function mostlyCodes(grid: SourceGrid, body: number[], c: number): boolean {
  return mostly(grid, body, c, (cell) => /^\s*\d{2,12}\s*$/.test(cell.normalize("NFKC")));
}

function hasBody(grid: SourceGrid, body: number[], c: number): boolean {
  return body.some((r) => !isBlank(grid.rows[r][c]));
}

/**
 * Decides what each export column is (row label, 科目编码, 序号, or a value) and assigns value
 * columns to the table's columns: best matches first, each table column taken once; a tie
 * between two table columns leaves the export column unassigned rather than guessing.
 */
export function mapColumns(grid: SourceGrid, layout: Layout, model: TableModel): ColumnPlan {
  const mappings: ColumnMapping[] = [];
  let nameColumn: number | undefined;
  let codeColumn: number | undefined;
  const codeColumns: number[] = [];
  const valueCandidates: number[] = [];
  for (let c = 0; c < layout.width; c++) {
    const header = layout.leaves[c];
    const n = normalizeLabel(header);
    const unit = unitInText(header);
    const base: ColumnMapping = { column: c + 1, header, role: "value", ...(unit ? { unit } : {}) };
    const codePart =
      (isCodePartWord(header) || (n === "" && codeColumns.length > 0 && codeColumns[codeColumns.length - 1] === c - 1)) && mostlyCodes(grid, layout.body, c);
    if ((n !== "" && codeHeaders.has(n)) || codePart) {
      if (codeColumn === undefined) codeColumn = c;
      codeColumns.push(c);
      mappings.push({ ...base, role: "code" });
    } else if (n !== "" && sequenceHeaders.has(n)) {
      mappings.push({ ...base, role: "sequence" });
    } else if (n !== "" && (genericLabelHeaders.has(n) || model.labelHeaders.has(n)) && !model.columns.some((m) => m.names.some((x) => x.normalized === n))) {
      if (nameColumn === undefined) nameColumn = c;
      mappings.push({ ...base, role: "label" });
    } else if (n === "" && nameColumn === undefined && valueCandidates.length === 0 && mostlyText(grid, layout.body, c)) {
      nameColumn = c;
      mappings.push({ ...base, role: "label" });
    } else {
      mappings.push(base);
      valueCandidates.push(c);
    }
  }
  // A table whose first column has an unrecognised header but holds names.
  if (nameColumn === undefined && valueCandidates[0] === 0 && mostlyText(grid, layout.body, 0)) {
    nameColumn = 0;
    valueCandidates.shift();
    mappings[0] = { ...mappings[0], role: "label" };
  }

  const values = new Map<number, string>();
  let score = 0;
  if (model.table.layout === "record") {
    const first = valueCandidates.find((c) => hasBody(grid, layout.body, c));
    for (const c of valueCandidates) {
      if (c === first) {
        values.set(c, "value");
        mappings[c] = { ...mappings[c], columnId: "value", columnLabel: "数值" };
      } else {
        mappings[c] = {
          ...mappings[c],
          role: "unmapped",
          reason: first === undefined ? "没有数值" : `本表每行只有一个数值，已取第${first + 1}列`,
        };
      }
    }
    return { mappings, values, nameColumn, codeColumn, codeColumns, rows: new Map(), score: 0 };
  }
  const cells = cellAddressedColumns(grid, layout, model, valueCandidates);
  if (cells) return addressedPlan(model, mappings, valueCandidates, cells, { nameColumn, codeColumn, codeColumns });

  const options = new Map<number, NameMatch<string>[]>();
  for (const c of valueCandidates) options.set(c, matchName(normalizeLabel(layout.leaves[c]), model.columns));
  const pairs = [...options].flatMap(([c, ms]) => ms.map((m) => ({ c, m })));
  pairs.sort((a, b) => b.m.score - a.m.score || a.c - b.c);
  const taken = new Map<string, number>();
  const ambiguous = new Map<number, string[]>();
  for (const { c, m } of pairs) {
    if (values.has(c) || ambiguous.has(c) || taken.has(m.key)) continue;
    const rivals = options.get(c)!.filter((o) => o.score === m.score && o.key !== m.key && !taken.has(o.key));
    if (rivals.length) {
      ambiguous.set(c, [m.key, ...rivals.map((o) => o.key)]);
      continue;
    }
    values.set(c, m.key);
    taken.set(m.key, c);
    score += m.how === "fuzzy" ? m.score * 0.8 : 1;
    const spec = model.table.columns!.find((x) => x.id === m.key)!;
    mappings[c] = { ...mappings[c], columnId: m.key, columnLabel: spec.label, how: m.how, score: m.score, matched: m.matched };
  }
  const labelOf = (id: string) => model.table.columns!.find((x) => x.id === id)?.label ?? id;
  for (const c of valueCandidates) {
    if (values.has(c)) continue;
    const header = layout.leaves[c];
    let reason: string;
    if (isBlank(header)) reason = "该列没有表头，无法确定是哪一栏";
    else if (ambiguous.has(c)) reason = `列标题“${header.trim()}”可能是${ambiguous.get(c)!.map((k) => `“${labelOf(k)}”`).join("或")}，无法确定`;
    else if (options.get(c)!.length) {
      const best = options.get(c)![0];
      reason = `列标题“${header.trim()}”对应的栏目“${labelOf(best.key)}”已由第${taken.get(best.key)! + 1}列导入`;
    } else reason = `列标题“${header.trim()}”在“${model.table.title}”中没有对应的栏目`;
    mappings[c] = { ...mappings[c], role: "unmapped", reason };
  }
  return { mappings, values, nameColumn, codeColumn, codeColumns, rows: new Map(), score };
}

/** The plan of an export whose header addresses each cell: a column per (row, column) of the table, each taken once. */
function addressedPlan(
  model: TableModel,
  mappings: ColumnMapping[],
  candidates: number[],
  cells: Map<number, CellAddress>,
  labels: Pick<ColumnPlan, "nameColumn" | "codeColumn" | "codeColumns">,
): ColumnPlan {
  const values = new Map<number, string>();
  const rows = new Map<number, string>();
  const taken = new Map<string, number>();
  const rowLabel = (id: string) => model.table.rows.find((r) => r.id === id)?.label ?? id;
  for (const c of candidates) {
    const a = cells.get(c);
    const header = mappings[c].header.trim();
    const key = a && `${a.row}.${a.column}`;
    if (!a || taken.has(key!)) {
      const reason = a ? `表头“${header}”对应的格已由第${taken.get(key!)! + 1}列导入` : `表头“${header}”没有指明是“${model.table.title}”的哪一行哪一栏`;
      mappings[c] = { ...mappings[c], role: "unmapped", reason };
      continue;
    }
    taken.set(key!, c);
    values.set(c, a.column);
    rows.set(c, a.row);
    const columnLabel = `${rowLabel(a.row)}·${model.table.columns!.find((x) => x.id === a.column)!.label}`;
    mappings[c] = { ...mappings[c], header: a.path.join(" › "), columnId: a.column, rowId: a.row, columnLabel, how: a.matchedColumn.how, score: 1, matched: `${a.matchedRow} › ${a.matchedColumn.matched}` };
  }
  return { mappings, values, ...labels, rows, score: values.size };
}
