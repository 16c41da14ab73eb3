import { defaultForm } from "../spec";
import type { ReportData } from "../spec/data";
import type { FormSpec } from "../spec/types";
import { mapColumns } from "./columns";
import { isBlank, readDelimited, type SourceGrid } from "./grid";
import { findLayout, type Layout } from "./layout";
import { findTableModel, knownHeaderNames, tableModels, type TableModel } from "./model";
import { normalizeLabel } from "./normalize";
import { Planner } from "./planner";
import { mapRows } from "./rows";
import type { ImportOptions, ImportPlan, ImportReject, TableChoice } from "./types";

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
