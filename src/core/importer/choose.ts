import type { ReportData } from "../spec/data";
import type { FormSpec } from "../spec/types";
import { mapColumns } from "./columns";
import { isBlank, type SourceGrid } from "./grid";
import type { Layout } from "./layout";
import { findTableModel, type TableModel } from "./model";
import { normalizeLabel } from "./normalize";
import { mapRows } from "./rows";
import type { ImportOptions, ImportPlan, ImportReject, TableChoice } from "./types";

/** Which table of the form an export (or one panel of it) goes to, and the plan of an export that goes nowhere. */

export function listLengths(form: FormSpec, reference: ReportData | undefined): Record<string, number> {
  return Object.fromEntries(form.lists.map((l) => [l.id, reference?.lists[l.id]?.length ?? 0]));
}

export type Choice = { model: TableModel; choice: TableChoice } | { refusal: string };

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
export function chooseTable(grid: SourceGrid, layout: Layout, models: TableModel[], options: ImportOptions): Choice {
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

export function refusedPlan(grid: SourceGrid, reason: string, base: Pick<ImportPlan, "form" | "delimiter" | "basis">): ImportPlan {
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
