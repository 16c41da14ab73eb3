import type { Merge, PlannedCell } from "./layout-types";
import type { TablePlacement } from "../spec/placement";

export interface Block {
  cells: PlannedCell[];
  merges: Merge[];
}

/** Header of a record table: one row, label | value | unit. */
const RECORD_HEADERS = ["项目", "填报内容", "单位"];

/**
 * The header rows of a table, as the official form prints them. A value column's header path is
 * its groups then its label, outermost first (["其中：", "其中：", "人员支出"]). At each level,
 * adjacent columns whose paths agree up to that level share one merged group cell (其中： over
 * 基本支出…项目支出); a column's own label is merged down to the last header row when its path
 * is shorter than the depth; label-column headers (机构名称) span the whole depth.
 * Every position of the block gets a cell, so a host that borders cells one by one draws the
 * whole grid.
 */
export function tableHeader(p: TablePlacement): Block {
  const cells: PlannedCell[] = [];
  const merges: Merge[] = [];
  const top = p.headerTop;
  const bottom = p.headerTop + p.headerDepth - 1;
  const put = (row: number, column: number, value?: string): void => {
    cells.push({ row, column, style: "header", ...(value === undefined ? {} : { value }) });
  };
  const merge = (m: Merge): void => {
    if (m.bottom > m.top || m.right > m.left) merges.push(m);
  };

  if (p.table.layout === "record") {
    RECORD_HEADERS.forEach((text, j) => put(top, j + 1, text));
    return { cells, merges };
  }

  const labelColumns = p.table.labelColumns ?? [{ id: "name" as const, label: "" }];
  labelColumns.forEach((lc, j) => {
    put(top, j + 1, lc.label);
    for (let r = top + 1; r <= bottom; r++) put(r, j + 1);
    merge({ top, left: j + 1, bottom, right: j + 1 });
  });

  const paths = p.valueColumns.map((c) => [...(c.groups ?? []), c.label]);
  const sharesGroup = (a: string[], b: string[], level: number): boolean =>
    level < a.length - 1 && level < b.length - 1 && a.slice(0, level + 1).every((s, i) => s === b[i]);

  for (let level = 0; level < p.headerDepth; level++) {
    const row = top + level;
    let k = 0;
    while (k < paths.length) {
      const path = paths[k];
      const column = p.firstValueColumn + k;
      if (level > path.length - 1) {
        put(row, column); // covered by the label merged down from above
        k++;
      } else if (level === path.length - 1) {
        put(row, column, path[level]);
        merge({ top: row, left: column, bottom, right: column });
        k++;
      } else {
        let end = k;
        while (end + 1 < paths.length && sharesGroup(path, paths[end + 1], level)) end++;
        put(row, column, path[level]);
        for (let j = k + 1; j <= end; j++) put(row, p.firstValueColumn + j);
        merge({ top: row, left: column, bottom: row, right: p.firstValueColumn + end });
        k = end + 1;
      }
    }
  }
  return { cells, merges };
}
