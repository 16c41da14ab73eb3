/**
 * The cells of a workbook read straight from its package: each sheet's XML is indexed by row
 * the first time a range of it is asked for, and only the rows a read plan asks for are decoded.
 * A check reads a few hundred cells of a template; building every cell, style and validation of
 * the workbook as a spreadsheet library does cost several times the check itself.
 */
import { columnNumber, type SheetRange } from "../../core/excel/address";
import type { ReadValue } from "./cell-value";
import { WorkbookFileError } from "./errors";
import { cellContent, dateStyles, dateSystemOf, sharedStrings, type CellContext } from "./cell-xml";
import { referenceCells } from "./zip-parts";
import { relationshipTargets, relsPathOf, sharedStringsPath } from "./relationships";
import type { WorkbookPackage } from "./package";

/** What a read plan needs of one sheet. */
export interface SheetCells {
  /** The sheet's name as the workbook spells it. */
  name: string;
  /** The number of its last row (rows below it hold nothing). */
  rowCount: number;
  /**
   * The range's cells, row-major: "" for an empty cell, null for a cell a merge covers other
   * than its top-left (it shows nothing). Formula cells hold what the file caches, if anything.
   */
  grid(range: SheetRange): Array<Array<ReadValue | null>>;
}

export interface WorkbookCells {
  /** The sheet of this name (Excel compares sheet names case-insensitively). */
  sheet(name: string): SheetCells | undefined;
}

/**
 * Cells one merge may cover and still be honoured. A merge is a title or a label; one over
 * four whole columns is a hostile file's (the xlsx reader kept it from ExcelJS for the same
 * reason), and its cells are read as they are.
 */
const MAX_MERGE_CELLS = 4 * 1_048_576;

interface Area {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

const ROW = /<(?:\w+:)?row\b([^>]*?)(?:\/>|>([\s\S]*?)<\/(?:\w+:)?row>)/g;
const CELL = /<(?:\w+:)?c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/(?:\w+:)?c>)/g;
const ROW_NUMBER = /\br\s*=\s*"(\d+)"/;
const CELL_COLUMN = /\br\s*=\s*"\$?([A-Za-z]+)\$?\d*"/;

class PackageSheet implements SheetCells {
  private rowBodies?: Map<number, string>;
  private lastRow = 0;
  private readonly decoded = new Map<number, Map<number, ReadValue>>();
  private mergeAreas?: Area[];

  constructor(
    readonly name: string,
    private readonly xml: string,
    private readonly ctx: CellContext,
    /** The workbook file, for a refusal naming it. */
    private readonly file: string,
  ) {}

  /** Each row element's body by row number (a row without r follows the one before it). */
  private rows(): Map<number, string> {
    if (this.rowBodies) return this.rowBodies;
    const out = new Map<number, string>();
    let row = 0;
    for (const m of this.xml.matchAll(ROW)) {
      const stated = ROW_NUMBER.exec(m[1])?.[1];
      row = stated !== undefined ? Number(stated) : row + 1;
      if (m[2]) out.set(row, m[2]);
      this.lastRow = Math.max(this.lastRow, row);
    }
    this.rowBodies = out;
    return out;
  }

  get rowCount(): number {
    this.rows();
    return this.lastRow;
  }

  private row(row: number): Map<number, ReadValue> {
    const known = this.decoded.get(row);
    if (known) return known;
    const cells = new Map<number, ReadValue>();
    let column = 0;
    for (const m of (this.rows().get(row) ?? "").matchAll(CELL)) {
      const ref = CELL_COLUMN.exec(m[1])?.[1];
      column = ref !== undefined ? columnNumber(ref.toUpperCase()) : column + 1;
      const c = column;
      let value: ReadValue;
      try {
        value = m[2] === undefined ? "" : cellContent(m[1], m[2], this.ctx, () => `工作表“${this.name}”第 ${row} 行第 ${c} 列`);
      } catch (e) {
        throw new WorkbookFileError(this.file, "corrupt", `文件已损坏（${(e as Error).message}）；请用 Excel/WPS 打开后重新保存`);
      }
      if (value !== "") cells.set(column, value);
    }
    this.decoded.set(row, cells);
    return cells;
  }

  private merges(): Area[] {
    if (this.mergeAreas) return this.mergeAreas;
    const out: Area[] = [];
    const at = this.xml.indexOf("mergeCell");
    if (at >= 0) {
      for (const m of this.xml.slice(at).matchAll(/<(?:\w+:)?mergeCell\b[^>]*?\bref\s*=\s*"\$?([A-Za-z]+)\$?(\d+):\$?([A-Za-z]+)\$?(\d+)"/g)) {
        if (referenceCells(`${m[1]}${m[2]}:${m[3]}${m[4]}`) > MAX_MERGE_CELLS) continue;
        const [left, top, right, bottom] = [columnNumber(m[1].toUpperCase()), Number(m[2]), columnNumber(m[3].toUpperCase()), Number(m[4])];
        out.push({ top: Math.min(top, bottom), left: Math.min(left, right), bottom: Math.max(top, bottom), right: Math.max(left, right) });
      }
    }
    this.mergeAreas = out;
    return out;
  }

  grid(range: SheetRange): Array<Array<ReadValue | null>> {
    const out: Array<Array<ReadValue | null>> = [];
    for (let r = range.top; r <= range.bottom; r++) {
      const cells = this.row(r);
      const row: Array<ReadValue | null> = [];
      for (let c = range.left; c <= range.right; c++) row.push(cells.get(c) ?? "");
      out.push(row);
    }
    // Only what falls inside the range is visited, whatever the merges span.
    for (const m of this.merges()) {
      const top = Math.max(m.top, range.top);
      const bottom = Math.min(m.bottom, range.bottom);
      const left = Math.max(m.left, range.left);
      const right = Math.min(m.right, range.right);
      for (let r = top; r <= bottom; r++) {
        for (let c = left; c <= right; c++) if (r !== m.top || c !== m.left) out[r - range.top][c - range.left] = null;
      }
    }
    return out;
  }
}

/** The cells of an opened package (its parts already checked to be present and whole). */
export function packageCells(file: string, pkg: WorkbookPackage): WorkbookCells {
  const rels = pkg.text(relsPathOf(pkg.workbookPath)) ?? "";
  const { text } = pkg;
  let ctx: CellContext | undefined;
  const context = (): CellContext =>
    (ctx ??= {
      strings: sharedStrings(text(sharedStringsPath(rels, pkg.workbookPath))),
      dates: dateStyles(text(relationshipTargets(rels, pkg.workbookPath).find((r) => /\/styles$/.test(r.type))?.target)),
      dateSystem: dateSystemOf(pkg.workbookXml),
    });
  const sheets = new Map<string, PackageSheet>();
  return {
    sheet(name) {
      const upper = name.toUpperCase();
      const found = pkg.sheetParts.has(name) ? name : [...pkg.sheetParts.keys()].find((n) => n.toUpperCase() === upper);
      if (found === undefined) return undefined;
      let sheet = sheets.get(found);
      if (!sheet) {
        sheet = new PackageSheet(found, text(pkg.sheetParts.get(found))!, context(), file);
        sheets.set(found, sheet);
      }
      return sheet;
    },
  };
}
