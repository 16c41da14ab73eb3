import type { Merge, PlannedCell } from "./layout-types";
import type { TablePlacement } from "../spec/placement";

export interface Block {
  cells: PlannedCell[];
  merges: Merge[];
}

/** Header of a record table: one row, label | value | unit (with 行次 after the label when rows carry it). */
const RECORD_HEADERS = ["项目", "填报内容", "单位"];
const LINE_NO = "行次";
const COLUMN_NO = "栏次";

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
    const [label, ...rest] = RECORD_HEADERS;
    [label, ...(p.lineNoColumn !== undefined ? [LINE_NO] : []), ...rest].forEach((text, j) => put(top, j + 1, text));
    return { cells, merges };
  }

  // The 栏次 row, when there is one, is the header's last: the names end above it.
  const namesBottom = p.colNoRow !== undefined ? bottom - 1 : bottom;
  const labelColumns = p.table.labelColumns ?? [{ id: "name" as const, label: "" }];
  const leading = [...labelColumns.map((lc) => lc.label), ...(p.lineNoColumn !== undefined ? [LINE_NO] : [])];
  leading.forEach((text, j) => {
    put(top, j + 1, text);
    for (let r = top + 1; r <= namesBottom; r++) put(r, j + 1);
    merge({ top, left: j + 1, bottom: namesBottom, right: j + 1 });
  });
  if (p.colNoRow !== undefined) {
    leading.forEach((_, j) => put(p.colNoRow!, j + 1, j === 0 ? COLUMN_NO : undefined));
    merge({ top: p.colNoRow, left: 1, bottom: p.colNoRow, right: leading.length });
    p.valueColumns.forEach((c, k) => put(p.colNoRow!, p.firstValueColumn + k, c.colNo));
  }

  const paths = p.valueColumns.map((c) => [...(c.groups ?? []), c.label]);
  const sharesGroup = (a: string[], b: string[], level: number): boolean =>
    level < a.length - 1 && level < b.length - 1 && a.slice(0, level + 1).every((s, i) => s === b[i]);

  for (let level = 0; level <= namesBottom - top; level++) {
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
        merge({ top: row, left: column, bottom: namesBottom, right: column });
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
