import type { RawValue } from "../spec/data";
import type { FormSpec } from "../spec/types";
import { chooseTable, refusedPlan } from "./choose";
import { isBlank, type SourceGrid } from "./grid";
import { findLayout, isAmountCell, type Layout } from "./layout";
import { codeHeaders, genericLabelHeaders, knownHeaderNames, type TableModel } from "./model";
import { normalizeLabel } from "./normalize";
import { Planner, type PanelContext } from "./planner";
import type { CellSource, ImportFinding, ImportOptions, ImportPlan, PanelChoice, TableChoice } from "./types";

/**
 * Exports printed as panels side by side in the same rows: 公开01表 and 公开04表 put 收入
 * (项目 | 行次 | 金额) on the left and 支出 (项目 | 行次 | 金额 …) on the right, under one header
 * block (部门：…, 金额单位：…, 公开01表); 公开06表 prints its 科目 in three. Each panel is planned
 * on its own, as if it were an export of its own columns with the shared header block above,
 * against the table it matches best; the plans are then merged so that every cell of the export
 * is still in exactly one place.
 */

/** Columns [from, to) of one panel, 0-based. */
export interface Panel {
  from: number;
  to: number;
}

/** Words of a banner row over the panels (收入 | 支出). */
const BANNER_WORDS = new Set(["收入", "支出"]);

/**
 * The panels of an export, or undefined when it is one table: a header row whose first cell
 * names the label (or 科目编码) column and recurs further right ("项目 | 行次 | 金额 | 项目 | …"),
 * or a banner row of 收入 … 支出 alone. Looks at the header rows only.
 */
export function findPanels(grid: SourceGrid, layout: Layout): Panel[] | undefined {
  for (const r of layout.header) {
    const cells: Array<{ c: number; n: string }> = [];
    grid.rows[r].forEach((text, c) => {
      if (!isBlank(text)) cells.push({ c, n: normalizeLabel(text) });
    });
    if (cells.length < 2) continue;
    const first = cells[0].n;
    let starts: number[] = [];
    if (genericLabelHeaders.has(first) || codeHeaders.has(first)) starts = cells.filter((x) => x.n === first).map((x) => x.c);
    else if (cells.every((x) => BANNER_WORDS.has(x.n)) && new Set(cells.map((x) => x.n)).size === cells.length) starts = cells.map((x) => x.c);
    if (starts.length < 2) continue;
    // A later 项目 over figures is a column ("基本 | 项目" abbreviated), not a panel's labels.
    if (!codeHeaders.has(first) && !starts.every((c) => holdsLabels(grid, layout, c))) continue;
    const panels = starts.map((from, k) => ({ from: k === 0 ? 0 : from, to: starts[k + 1] ?? layout.width }));
    // A panel is a label column and at least one figure column.
    if (panels.every((p) => p.to - p.from >= 2)) return panels;
  }
  return undefined;
}

/** How far down a panel's label column is looked at. */
const SAMPLE_ROWS = 60;

/** The body cells of column c hold more names than figures. */
function holdsLabels(grid: SourceGrid, layout: Layout, c: number): boolean {
  let names = 0;
  let figures = 0;
  for (const r of layout.body.slice(0, SAMPLE_ROWS)) {
    const text = grid.rows[r][c];
    if (isBlank(text)) continue;
    if (isAmountCell(text)) figures++;
    else names++;
  }
  return names > figures;
}

/** The export with every cell outside the panel blanked, except the shared rows above the header. */
function panelGrid(grid: SourceGrid, panel: Panel, shared: ReadonlySet<number>): SourceGrid {
  const rows = grid.rows.map((row, r) => (shared.has(r) ? row : row.map((text, c) => (c >= panel.from && c < panel.to ? text : ""))));
  return { rows, lines: grid.lines, delimiter: grid.delimiter };
}

interface PanelRun {
  panel: Panel;
  grid: SourceGrid;
  layout: Layout;
  chosen: ReturnType<typeof chooseTable>;
  options: ImportOptions;
  context: PanelContext;
  plan: ImportPlan;
}

type Base = Pick<ImportPlan, "form" | "delimiter" | "basis">;

/** Plans each panel, then merges them (see the file comment). `options.table` is never set here. */
export function planPanels(grid: SourceGrid, layout: Layout, panels: Panel[], form: FormSpec, models: TableModel[], options: ImportOptions, base: Base): ImportPlan {
  const shared = new Set(layout.preamble);
  const known = knownHeaderNames(form);
  // List entries a panel adds are there for the panels after it (two panels of one 科目 list).
  let reference = options.reference;
  // The first panel's unit holds for the panels after it that state none (one printed table).
  let unit: PanelContext["unit"];
  const runs: PanelRun[] = panels.map((panel) => {
    const sub = panelGrid(grid, panel, shared);
    const subLayout = findLayout(sub, known);
    const chosen = chooseTable(sub, subLayout, models, options);
    const own = { ...options, reference };
    const context: PanelContext = unit ? { unit } : {};
    const run: PanelRun = { panel, grid: sub, layout: subLayout, chosen, options: own, context, plan: planOne(form, sub, subLayout, chosen, own, base, context) };
    unit ??= run.plan.unit;
    if (run.plan.listAdds.length) {
      const lists = { ...reference?.lists };
      for (const add of run.plan.listAdds) lists[add.list] = [...(lists[add.list] ?? []), add.entry];
      reference = { form: form.id, values: reference?.values ?? {}, lists };
    }
    return run;
  });
  replanSharedTables(runs, form, base);
  return merge(grid, layout, runs, base);
}

function planOne(form: FormSpec, grid: SourceGrid, layout: Layout, chosen: PanelRun["chosen"], options: ImportOptions, base: Base, context: PanelContext): ImportPlan {
  if ("refusal" in chosen) return refusedPlan(grid, chosen.refusal, base);
  return new Planner(form, grid, layout, chosen.model, chosen.choice, options, context).plan(base);
}

/**
 * Panels that fill the same table are planned again, each knowing what the others write, so a
 * 合计 in one panel is compared with parts printed in another. Each is planned with the lists it
 * had the first time, so its writes and list entries are the same.
 */
function replanSharedTables(runs: PanelRun[], form: FormSpec, base: Base): void {
  const first = runs.map((run) => run.plan);
  runs.forEach((run, k) => {
    const table = first[k].table?.id;
    if (table === undefined) return;
    const others = first.filter((plan, j) => j !== k && plan.table?.id === table);
    if (!others.length) return;
    // Their writes, and their exported totals as the figures in those formula cells (a 302 合计 in one panel is a part of 公用经费合计 in another).
    const alsoWritten = new Map<string, RawValue>();
    for (const plan of others) {
      for (const w of plan.writes) alsoWritten.set(w.fieldId, w.value);
      for (const t of plan.totals) if (t.fieldId) alsoWritten.set(t.fieldId, t.conversion === "元→万元" ? { value: t.exported, exact: true } : t.exported);
    }
    run.plan = planOne(form, run.grid, run.layout, run.chosen, run.options, base, { ...run.context, alsoWritten });
  });
}

type Bucket = "writes" | "totals" | "details" | "consumed" | "rejects";
/** Where a shared cell (a line of the header block every panel reads) is kept: the first panel that read it as structure. */
const KEEP_ORDER: Bucket[] = ["consumed", "writes", "totals", "details", "rejects"];

function merge(grid: SourceGrid, layout: Layout, runs: PanelRun[], base: Base): ImportPlan {
  const key = (c: CellSource) => `${c.line}:${c.column}`;
  const sharedKeys = new Set<string>();
  for (const r of layout.preamble) grid.rows[r].forEach((t, c) => !isBlank(t) && sharedKeys.add(`${grid.lines[r]}:${c + 1}`));
  const keptShared = new Map<string, { run: number; bucket: Bucket }>();
  for (const bucket of KEEP_ORDER) {
    runs.forEach((run, k) => {
      for (const cell of run.plan[bucket] as CellSource[]) {
        const id = key(cell);
        if (sharedKeys.has(id) && !keptShared.has(id)) keptShared.set(id, { run: k, bucket });
      }
    });
  }
  const keep = (k: number, bucket: Bucket) => (cell: CellSource) => {
    const id = key(cell);
    if (!sharedKeys.has(id)) return true;
    const kept = keptShared.get(id)!;
    return kept.run === k && kept.bucket === bucket;
  };
  const pick = <B extends Bucket>(bucket: B): ImportPlan[B] =>
    runs.flatMap((run, k) => (run.plan[bucket] as CellSource[]).filter(keep(k, bucket))) as ImportPlan[B];

  const writes = pick("writes");
  const rejects = pick("rejects");
  // Two panels naming the same cell: the first keeps it, the later one is refused with its place.
  const firstWrite = new Map<string, CellSource>();
  const merged = writes.filter((w) => {
    const earlier = firstWrite.get(w.fieldId);
    if (!earlier) {
      firstWrite.set(w.fieldId, w);
      return true;
    }
    rejects.push({ line: w.line, column: w.column, text: w.text, reason: `与第${earlier.line}行第${earlier.column}列写入同一格 ${w.cell}，不重复导入` });
    return false;
  });

  const choices: PanelChoice[] = runs.map((run) => ({
    columns: [run.panel.from + 1, run.panel.to],
    ...(run.plan.table ? { table: run.plan.table } : {}),
    ...(run.plan.unit ? { unit: run.plan.unit } : {}),
  }));
  const seen = new Set<string>();
  const findings: ImportFinding[] = [];
  for (const f of runs.flatMap((run) => run.plan.findings)) {
    const id = `${f.severity}|${f.line ?? ""}|${f.column ?? ""}|${f.message}`;
    if (seen.has(id)) continue;
    seen.add(id);
    findings.push(f);
  }
  const units = new Set(choices.map((c) => c.unit?.value).filter(Boolean));
  if (units.size > 1) findings.push({ severity: "warning", message: `各栏的单位判断不一致（${choices.map((c) => `第${c.columns[0]}–${c.columns[1]}列：${c.unit?.value ?? "无"}`).join("；")}），请核对` });
  const table = combinedChoice(choices);
  const unitChoice = choices.find((c) => c.unit);
  return {
    ...base,
    ...(table ? { table } : {}),
    ...(unitChoice?.unit ? { unit: unitChoice.unit } : {}),
    panels: choices,
    columns: runs.flatMap((run) => run.plan.columns.filter((c) => c.column > run.panel.from && c.column <= run.panel.to)),
    rows: runs.flatMap((run) => run.plan.rows),
    writes: merged,
    totals: pick("totals"),
    details: pick("details"),
    listAdds: runs.flatMap((run) => run.plan.listAdds),
    consumed: pick("consumed"),
    rejects,
    findings,
  };
}

/** The plan's table, for a reader: one table, or the tables of the panels, each with its columns. */
function combinedChoice(choices: PanelChoice[]): TableChoice | undefined {
  const chosen = choices.filter((c): c is PanelChoice & { table: TableChoice } => c.table !== undefined);
  if (!chosen.length) return undefined;
  const ids = [...new Set(chosen.map((c) => c.table.id))];
  const titles = [...new Set(chosen.map((c) => c.table.title))];
  const reason = `分${choices.length}栏并排：${choices
    .map((c) => `第${c.columns[0]}–${c.columns[1]}列${c.table ? `→“${c.table.title}”（${c.table.reason}）` : "无法判断"}`)
    .join("；")}`;
  return { id: ids.join("+"), title: titles.join("、"), how: "inferred", reason };
}
