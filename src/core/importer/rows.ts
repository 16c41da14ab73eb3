import type { ListEntry } from "../spec/data";
import type { ColumnPlan } from "./columns";
import { isBlank, type SourceGrid } from "./grid";
import type { Layout } from "./layout";
import { matchCode, matchName, prepare, type NameMatch, type PreparedCandidate } from "./match";
import type { TableModel } from "./model";
import { cleanName, indentWidth, isNoDataNote, isNoteLabel, isTotalWord, normalizeLabel, splitCode } from "./normalize";
import type { MatchHow } from "./match";
import type { ListAdd } from "./types";

/** One body line of the export, read for its label. */
export interface Line {
  /** Index into grid.rows. */
  r: number;
  line: number;
  name: string;
  code?: string;
  normalized: string;
  indent: number;
  isTotal: boolean;
  /** Some mapped value cell is filled. */
  filled: boolean;
}

export type LineRole =
  | { role: "row"; rowId: string; how: MatchHow; score: number; matched: string; total: boolean }
  | { role: "entry"; rowId: string; index: number; how: MatchHow | "new"; score: number; matched?: string }
  | { role: "subtotal"; reason?: string }
  | { role: "detail"; parentLine: number }
  | { role: "cells" }
  | { role: "structure" }
  | { role: "note" }
  | { role: "rejected"; reason: string };

/** A list entry the import adds, made in the shape the plan lists it in (the plan's listAdds are these). */
export type NewEntry = ListAdd;

export interface RowPlan {
  lines: Line[];
  roles: LineRole[];
  /** Parent (index into lines) of each line in the 类/款/项 tree, -1 for none. */
  parents: number[];
  newEntries: NewEntry[];
  score: number;
}

/** Fuzzy matches of a row name to a fixed row must be this good where the alternative is a new list entry. */
const LIST_TABLE_ROW_THRESHOLD = 0.85;
const LIST_ENTRY_FUZZY_THRESHOLD = 0.8;
/** Fuzzy matching against existing list entries only for lists of ordinary size (linear per line otherwise). */
const FUZZY_LIST_LIMIT = 200;

function readLine(grid: SourceGrid, r: number, cols: ColumnPlan, valueColumns: number[], coded: boolean, carry: CodeCarry): Line {
  const row = grid.rows[r];
  let rawName = cols.nameColumn === undefined ? "" : (row[cols.nameColumn] ?? "");
  const codeCells = cols.codeColumns.map((c) => nfkc(row[c] ?? "").trim());
  let code = composeCode(codeCells, carry);
  if (isBlank(rawName)) {
    // "合计" or "注：…" written where the code goes (the 决算 software puts its 合计 there).
    const text = codeCells.find((t) => t !== "" && !/^\d+$/.test(t));
    if (text !== undefined) rawName = text;
  }
  let name = rawName.trim();
  if (coded && code === undefined) {
    const split = splitCode(name);
    if (split.code !== undefined) {
      code = split.code;
      name = split.name;
    }
  }
  const normalized = normalizeLabel(name);
  let filled = false;
  for (const c of valueColumns) if (!isBlank(row[c])) filled = true;
  return {
    r,
    line: grid.lines[r],
    name,
    code,
    normalized,
    indent: indentWidth(rawName),
    isTotal: isTotalLine(normalized),
    filled,
  };
}

/** The parts of the last 科目编码 read from split columns: a line that leaves its 类 blank ("  | 05 | 01") continues it. */
interface CodeCarry {
  parts: string[];
}

/**
 * The 科目编码 of a line from its code cells: one cell ("2080505"), or the 类 | 款 | 项 parts
 * ("208 | 05 | 05" → 2080505; "208 | 05 |" → 20805). Leading parts left blank are those of the
 * line above; a part that already holds the code so far ("208 | 20805") is taken whole.
 */
function composeCode(cells: string[], carry: CodeCarry): string | undefined {
  if (cells.length === 0 || !cells.some((t) => /^\d+$/.test(t))) return undefined;
  if (cells.some((t) => t !== "" && !/^\d+$/.test(t))) return undefined;
  const first = cells.findIndex((t) => t !== "");
  const parts = cells.map((t, k) => (k < first ? (carry.parts[k] ?? "") : t));
  carry.parts = parts;
  let code = "";
  for (const part of parts) {
    if (part === "") break;
    code = part.length > code.length && part.startsWith(code) && code !== "" ? part : code + part;
  }
  return /^\d{3,12}$/.test(code) ? code : undefined;
}

/** NFKC leaves printable ASCII as it is: a code cell usually is, and is then not copied. */
function nfkc(text: string): string {
  return /^[\x20-\x7e]*$/.test(text) ? text : text.normalize("NFKC");
}

/** 合计 / 总计 / 小计 / 汇总, or a label ending in 汇总/合计/总计 ("局机关及所属单位汇总"). */
function isTotalLine(normalized: string): boolean {
  return isTotalWord(normalized) || /(?:汇总|合计|总计)$/.test(normalized);
}

/** Parent of each line by 科目编码 prefix, or else by indentation; -1 when the table has no hierarchy. */
function buildParents(lines: Line[], coded: boolean): number[] {
  const parents = new Array<number>(lines.length).fill(-1);
  if (!coded) return parents;
  // Total lines stand outside the tree.
  const items: number[] = [];
  let withCode = 0;
  lines.forEach((l, i) => {
    if (l.isTotal) return;
    items.push(i);
    if (l.code !== undefined) withCode++;
  });
  const stack: number[] = [];
  if (withCode * 2 >= items.length && withCode > 0) {
    for (const i of items) {
      const l = lines[i];
      if (l.code === undefined) continue;
      while (stack.length) {
        const top = lines[stack[stack.length - 1]].code!;
        if (l.code.length > top.length && l.code.startsWith(top)) break;
        stack.pop();
      }
      if (stack.length) parents[i] = stack[stack.length - 1];
      stack.push(i);
    }
    return parents;
  }
  const indents = new Set(items.map((i) => lines[i].indent));
  if (indents.size < 2) return parents;
  for (const i of items) {
    const l = lines[i];
    while (stack.length && lines[stack[stack.length - 1]].indent >= l.indent) stack.pop();
    if (stack.length) parents[i] = stack[stack.length - 1];
    stack.push(i);
  }
  return parents;
}

function uniqueBest(matches: NameMatch<string>[]): NameMatch<string> | { ambiguous: string[] } | undefined {
  if (!matches.length) return undefined;
  const top = matches[0];
  const tied = matches.filter((m) => m.score === top.score && m.key !== top.key);
  return tied.length ? { ambiguous: [top.key, ...tied.map((m) => m.key)] } : top;
}

type FixedMatch = NameMatch<string> | { reason: string; tied?: NameMatch<string>[] } | undefined;

/** The fixed row a line names, by code and by name; a conflict between the two is refused. */
function fixedRowOf(line: Line, model: TableModel, threshold: number): FixedMatch {
  const byCode = line.code !== undefined ? uniqueBest(matchCode(line.code, model.rows)) : undefined;
  const byNameAll = matchName(line.normalized, model.rows).filter((m) => m.how !== "fuzzy" || m.score >= threshold);
  const byName = uniqueBest(byNameAll);
  if (byCode && "key" in byCode) {
    if (byName && "key" in byName && byName.key !== byCode.key && byName.how !== "fuzzy") {
      return { reason: `科目编码 ${line.code} 对应“${rowLabel(model, byCode.key)}”，名称“${line.name}”却对应“${rowLabel(model, byName.key)}”` };
    }
    return byCode;
  }
  if (byName && "ambiguous" in byName) {
    const tied = byNameAll.filter((m) => byName.ambiguous.includes(m.key) && m.score === byNameAll[0].score);
    return { reason: `行“${line.name}”可能是${byName.ambiguous.map((k) => `“${rowLabel(model, k)}”`).join("或")}，无法确定`, tied };
  }
  return byName;
}

function rowLabel(model: TableModel, id: string): string {
  return model.table.rows.find((r) => r.id === id)?.label ?? id;
}

/** The fixed row that is the table's total line (合计/汇总), if any. */
function totalRowOf(model: TableModel): PreparedCandidate<string> | undefined {
  return model.rows.find((r) => r.names.some((n) => isTotalLine(n.normalized)));
}

class ListMatcher {
  private byCode = new Map<string, number>();
  /** First entry of each normalised name, except those of `unnamed`. */
  private byName = new Map<string, number>();
  /**
   * Normalised names of coded entries, by position in `added`, not yet in byName: a line with a
   * code is only matched by name to an entry without one, so a ledger of 100,000 coded lines
   * never indexes their names. The first line without a code puts them in byName, in order.
   */
  private unnamed: string[] = [];
  private named = 0;
  private fuzzy: PreparedCandidate<number>[] = [];
  private added: NewEntry[] = [];
  constructor(
    private existing: ListEntry[],
    private listId: string,
  ) {
    existing.forEach((e, i) => {
      if (e.code) this.byCode.set(e.code, i + 1);
      const n = normalizeLabel(e.name);
      if (n && !this.byName.has(n)) this.byName.set(n, i + 1);
    });
    if (existing.length <= FUZZY_LIST_LIMIT) {
      this.fuzzy = prepare(existing.map((e, i) => ({ key: i + 1, names: [{ text: e.name, how: "exact" as const }] })));
    }
  }
  find(line: Line): { index: number; how: MatchHow | "new"; score: number; matched?: string; isNew: boolean } {
    const byCode = line.code !== undefined ? this.byCode.get(line.code) : undefined;
    if (byCode !== undefined) {
      const index = byCode;
      return { index, how: "code", score: 1, matched: line.code, isNew: index > this.existing.length };
    }
    if (line.code === undefined) this.nameAll();
    const exact = this.byName.get(line.normalized);
    if (exact !== undefined && (line.code === undefined || this.entryCode(exact) === undefined)) {
      return { index: exact, how: "exact", score: 1, matched: this.nameOf(exact), isNew: exact > this.existing.length };
    }
    if (line.code === undefined) {
      const best = matchName(line.normalized, this.fuzzy)[0];
      if (best && best.score >= LIST_ENTRY_FUZZY_THRESHOLD) return { index: best.key, how: "fuzzy", score: best.score, matched: best.matched, isNew: false };
    }
    const index = this.existing.length + this.added.length + 1;
    const entry: ListEntry = line.code !== undefined ? { name: cleanName(line.name), code: line.code } : { name: cleanName(line.name) };
    this.added.push({ list: this.listId, index, entry, line: line.line, asText: true });
    if (line.code !== undefined) this.byCode.set(line.code, index);
    // `exact` is what byName held for this name a moment ago: a name already there keeps its entry.
    this.unnamed.push(line.code !== undefined && exact === undefined ? line.normalized : "");
    if (line.code === undefined && line.normalized && exact === undefined) this.byName.set(line.normalized, index);
    return { index, how: "new", score: 0, isNew: true };
  }

  /** Puts the names of coded entries added since the last call in byName (a name already there keeps its entry). */
  private nameAll(): void {
    for (; this.named < this.unnamed.length; this.named++) {
      const name = this.unnamed[this.named];
      if (name && !this.byName.has(name)) this.byName.set(name, this.added[this.named].index);
    }
  }
  private entryCode(index: number): string | undefined {
    return index <= this.existing.length ? this.existing[index - 1].code : this.added[index - this.existing.length - 1]?.entry.code;
  }
  private nameOf(index: number): string {
    return index <= this.existing.length ? this.existing[index - 1].name : this.added[index - this.existing.length - 1].entry.name;
  }
  get newEntries(): NewEntry[] {
    return this.added;
  }
}

/**
 * Gives every body line its role in the target table: a fixed row, a list entry (existing or
 * new), the table's total, a subtotal or a detail under a line already placed (so 类 lines are
 * taken and their 款 lines are not counted twice), a note, or rejected with a reason.
 */
export function mapRows(
  grid: SourceGrid,
  layout: Layout,
  cols: ColumnPlan,
  model: TableModel,
  existingEntries: ListEntry[],
  sampleOnly = false,
): RowPlan {
  const body = sampleOnly ? layout.body.slice(0, 200) : layout.body;
  const lines: Line[] = [];
  const valueColumns = [...cols.values.keys()];
  const carry: CodeCarry = { parts: [] };
  for (const r of body) {
    if (grid.rows[r].every((c) => isBlank(c))) continue;
    lines.push(readLine(grid, r, cols, valueColumns, model.coded, carry));
  }
  if (cols.rows.size) return addressedRows(lines);
  const parents = buildParents(lines, model.coded);
  const hasChildren = new Array<boolean>(lines.length).fill(false);
  for (const p of parents) if (p >= 0) hasChildren[p] = true;
  const depth = new Array<number>(lines.length).fill(0);
  lines.forEach((_, i) => (depth[i] = parents[i] >= 0 ? depth[parents[i]] + 1 : 0));

  const threshold = model.listRow ? LIST_TABLE_ROW_THRESHOLD : 0;
  const fixed = lines.map((l) => (l.isTotal ? undefined : fixedRowOf(l, model, threshold)));
  let listDepth: number | undefined;
  fixed.forEach((f, i) => {
    if (f && "key" in f && (listDepth === undefined || depth[i] < listDepth)) listDepth = depth[i];
  });
  const totalRow = totalRowOf(model);
  const lists = new ListMatcher(existingEntries, model.list?.id ?? "");
  const usedRows = new Map<string, number>();
  const specIndex = new Map(model.table.rows.map((r, k) => [r.id, k]));
  /** Spec position of the last fixed row placed: rows sharing a label are told apart by order. */
  let lastFixed = -1;
  const roles: LineRole[] = [];
  let score = 0;

  /** The role, unless an earlier line already took the row (fixed rows by id, list entries by position). */
  const usedEntries: number[] = [];
  const claim = (l: Line, rowId: string, role: LineRole): LineRole => {
    const entry = role.role === "entry" ? role.index : undefined;
    const earlier = entry !== undefined ? usedEntries[entry] : usedRows.get(rowId);
    if (earlier !== undefined) return { role: "rejected", reason: `与第${earlier}行对应同一行“${rowLabel(model, rowId.replace(/\[\d+\]$/, ""))}”，不重复导入` };
    if (entry !== undefined) usedEntries[entry] = l.line;
    else usedRows.set(rowId, l.line);
    return role;
  };

  lines.forEach((l, i) => {
    const parent = parents[i];
    if (parent >= 0) {
      const pr = roles[parent];
      if (pr.role === "row" || pr.role === "entry") return void roles.push({ role: "detail", parentLine: lines[parent].line });
      if (pr.role === "detail") return void roles.push({ role: "detail", parentLine: pr.parentLine });
    }
    if (l.isTotal) {
      const byName = fixedRowOf(l, model, 0);
      const target = byName && "key" in byName ? byName.key : totalRow?.key;
      if (target === undefined) return void roles.push({ role: "subtotal", reason: `“${model.table.title}”没有合计行，未核对` });
      score += 0.2;
      const how = byName && "key" in byName ? byName : { how: "synonym" as const, score: 1, matched: l.name };
      return void roles.push(claim(l, target, { role: "row", rowId: target, how: how.how, score: how.score, matched: how.matched, total: true }));
    }
    let f = fixed[i];
    const tied = f && "reason" in f ? f.tied : undefined;
    if (tied && tied.every((m) => m.how !== "fuzzy" && normalizeLabel(m.matched) === normalizeLabel(tied[0].matched))) {
      // Two rows of the form read the same ("其中：财政拨款支出" under 基本支出 and under 项目支出):
      // the export lists them in the form's order, so take the next one not yet filled.
      const next = [...tied]
        .sort((a, b) => specIndex.get(a.key)! - specIndex.get(b.key)!)
        .find((m) => !usedRows.has(m.key) && specIndex.get(m.key)! > lastFixed);
      if (next) f = next;
    }
    if (f && "reason" in f) return void roles.push({ role: "rejected", reason: f.reason });
    if (f) {
      lastFixed = Math.max(lastFixed, specIndex.get(f.key) ?? -1);
      score += f.how === "fuzzy" ? f.score * 0.8 : 1;
      return void roles.push(claim(l, f.key, { role: "row", rowId: f.key, how: f.how, score: f.score, matched: f.matched, total: false }));
    }
    if (!l.filled && hasChildren[i]) return void roles.push({ role: "structure" });
    if (!l.filled && (isNoteLabel(l.name) || isNoDataNote(l.name))) return void roles.push({ role: "note" });
    const asEntry = model.listRow && (listDepth !== undefined ? depth[i] <= listDepth : !hasChildren[i]);
    if (asEntry && model.listRow) {
      if (l.normalized === "" && l.code === undefined) return void roles.push({ role: "rejected", reason: "该行没有名称，无法确定是哪一行" });
      if (!l.filled) return void roles.push({ role: "rejected", reason: `行“${l.name}”没有数值，未新增` });
      const found = lists.find(l);
      if (!found.isNew) score += 0.5;
      const rowId = `${model.listRow.id}[${found.index}]`;
      return void roles.push(claim(l, rowId, { role: "entry", rowId, index: found.index, how: found.how, score: found.score, matched: found.matched }));
    }
    if (hasChildren[i]) return void roles.push({ role: "subtotal" });
    if (!l.filled) return void roles.push({ role: "rejected", reason: `行“${l.name || l.code || ""}”没有数值` });
    return void roles.push({
      role: "rejected",
      reason: `行“${[l.code, l.name].filter(Boolean).join(" ")}”在“${model.table.title}”中没有对应的行`,
    });
  });
  return { lines, roles, parents, newEntries: lists.newEntries, score };
}

/**
 * The lines of an export whose header names each figure's row and column: the first line with
 * figures is the table's; another would fill the same cells again and is refused.
 */
function addressedRows(lines: Line[]): RowPlan {
  let first: Line | undefined;
  const roles = lines.map((l): LineRole => {
    if (!l.filled) return isNoteLabel(l.name) || isNoDataNote(l.name) ? { role: "note" } : { role: "rejected", reason: `行“${l.name}”没有数值` };
    if (first) return { role: "rejected", reason: `表头已指明每个数所在的行和栏，第${first.line}行已填入这些格，本行不重复导入` };
    first = l;
    return { role: "cells" };
  });
  return { lines, roles, parents: new Array<number>(lines.length).fill(-1), newEntries: [], score: 0 };
}
