/**
 * A simple editable grid of the in-memory workbook: sheet tabs, cells, a formula bar. Typing or
 * pasting goes through `workbook.userEdit`, which changes the cells as typing in Excel does and
 * raises the same onChanged events the add-in listens to.
 */
import { makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { useEffect, useMemo, useRef, useState, type ClipboardEvent, type KeyboardEvent } from "react";
import type { MemoryWorkbook } from "../hosts/memory";
import { fill } from "../taskpane/i18n";
import { useStrings } from "../taskpane/language";
import { a1, blankCell, columnLetters, gridView, isBlockPaste, key, parsePastedCells, selectionCell, type GridCell } from "./grid-model";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", minWidth: 0, minHeight: 0, height: "100%" },
  tabs: {
    display: "flex",
    flexWrap: "wrap",
    gap: tokens.spacingHorizontalXXS,
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  sheetTab: {
    padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalS}`,
    border: `${tokens.strokeWidthThin} solid transparent`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: "transparent",
    font: "inherit",
    fontSize: tokens.fontSizeBase200,
    color: tokens.colorNeutralForeground2,
    cursor: "pointer",
    ":hover": { backgroundColor: tokens.colorSubtleBackgroundHover },
    ":focus-visible": { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}` },
  },
  sheetTabSelected: {
    backgroundColor: tokens.colorNeutralBackground1,
    borderTopColor: tokens.colorNeutralStroke1,
    borderRightColor: tokens.colorNeutralStroke1,
    borderBottomColor: tokens.colorNeutralStroke1,
    borderLeftColor: tokens.colorNeutralStroke1,
    color: tokens.colorBrandForeground1,
    fontWeight: tokens.fontWeightSemibold,
  },
  bar: {
    display: "flex",
    gap: tokens.spacingHorizontalS,
    alignItems: "center",
    padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalS}`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    fontSize: tokens.fontSizeBase200,
  },
  barAddress: { minWidth: "7em", fontFamily: tokens.fontFamilyMonospace },
  barContent: { flexGrow: 1, fontFamily: tokens.fontFamilyMonospace, overflowWrap: "anywhere", color: tokens.colorNeutralForeground2 },
  scroller: { overflow: "auto", flexGrow: 1, minHeight: 0 },
  table: { borderCollapse: "collapse", tableLayout: "fixed", fontSize: tokens.fontSizeBase200 },
  head: {
    position: "sticky",
    top: 0,
    zIndex: 1,
    backgroundColor: tokens.colorNeutralBackground3,
    color: tokens.colorNeutralForeground2,
    fontWeight: tokens.fontWeightRegular,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    padding: 0,
  },
  rowHead: {
    position: "sticky",
    left: 0,
    zIndex: 1,
    width: "40px",
    backgroundColor: tokens.colorNeutralBackground3,
    color: tokens.colorNeutralForeground2,
    fontWeight: tokens.fontWeightRegular,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    textAlign: "center",
  },
  td: { border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke3}`, padding: 0, height: "22px" },
  input: {
    boxSizing: "border-box",
    width: "100%",
    height: "100%",
    minHeight: "22px",
    padding: `0 ${tokens.spacingHorizontalXS}`,
    border: "none",
    backgroundColor: "transparent",
    color: "inherit",
    font: "inherit",
    fontWeight: "inherit",
    textAlign: "inherit",
    textOverflow: "ellipsis",
    ":focus": { outline: `${tokens.strokeWidthThick} solid ${tokens.colorBrandStroke1}`, outlineOffset: "-2px", backgroundColor: tokens.colorNeutralBackground1 },
  },
  flagged: { boxShadow: `inset 0 0 0 2px ${tokens.colorPaletteRedBorder2}`, backgroundColor: tokens.colorPaletteRedBackground1 },
  selected: { boxShadow: `inset 0 0 0 2px ${tokens.colorBrandStroke1}` },
});

export interface GridProps {
  workbook: MemoryWorkbook;
  /** Bumped whenever the workbook may have changed. */
  version: number;
  onEdited(): void;
}

export function Grid({ workbook, version, onEdited }: GridProps) {
  const styles = useStyles();
  const t = useStrings();
  const sheets = workbook.sheetNames();
  const [sheet, setSheet] = useState(sheets[0] ?? "");
  const [focus, setFocus] = useState<{ row: number; column: number }>();
  const [draft, setDraft] = useState<string>();
  const lastSelection = useRef<string>();
  const inputs = useRef(new Map<string, HTMLInputElement>());

  // Follow the add-in's selection (a finding clicked in the pane) to its sheet.
  const selection = workbook.selection;
  useEffect(() => {
    if (!selection || selection.address === lastSelection.current) return;
    lastSelection.current = selection.address;
    setSheet(selection.sheet);
    const cell = selectionCell(selection.address);
    if (cell) requestAnimationFrame(() => inputs.current.get(key(cell.row, cell.column))?.scrollIntoView({ block: "center", inline: "nearest" }));
  }, [selection, version]);

  const shown = sheets.includes(sheet) ? sheet : (sheets[0] ?? "");
  // `version` is the workbook's change counter: a new one means the cells may differ. The
  // workbook is mutable, so the rule cannot see that the view depends on it.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const view = useMemo(() => (shown ? gridView(workbook, shown) : undefined), [workbook, shown, version]);
  if (!view) return null;
  const selected = selection && selection.sheet === shown ? selectionCell(selection.address) : undefined;
  const focusCell = focus ? (view.cells.get(key(focus.row, focus.column)) ?? blankCell(focus.row, focus.column)) : undefined;

  const commit = (cell: GridCell, text: string) => {
    if (text === cell.input) return;
    workbook.userEdit(shown, a1(cell.row, cell.column), [[text]]);
    onEdited();
  };

  const moveTo = (row: number | undefined, column: number) => row !== undefined && inputs.current.get(key(row, column))?.focus();
  // The shown row below a cell (past its merge) or above it: hidden rows are skipped, as in Excel.
  const below = (cell: GridCell) => view.shownRows[view.shownRows.indexOf(cell.row) + cell.rowSpan];
  const above = (cell: GridCell) => view.shownRows[view.shownRows.indexOf(cell.row) - 1];

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>, cell: GridCell) => {
    if (event.key === "Enter") {
      event.preventDefault();
      if (draft !== undefined) commit(cell, draft);
      setDraft(undefined);
      moveTo(below(cell), cell.column);
    } else if (event.key === "Escape") {
      setDraft(undefined);
      (event.target as HTMLInputElement).blur();
    } else if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      if (draft !== undefined) commit(cell, draft);
      setDraft(undefined);
      moveTo(event.key === "ArrowDown" ? below(cell) : above(cell), cell.column);
    }
  };

  const onPaste = (event: ClipboardEvent<HTMLInputElement>, cell: GridCell) => {
    const cells = parsePastedCells(event.clipboardData.getData("text/plain"));
    if (!isBlockPaste(cells)) return;
    event.preventDefault();
    const width = Math.max(...cells.map((r) => r.length));
    const block = cells.map((r) => Array.from({ length: width }, (_, i) => r[i] ?? ""));
    const bottom = cell.row + block.length - 1;
    const right = cell.column + width - 1;
    workbook.userEdit(shown, `${a1(cell.row, cell.column)}:${a1(bottom, right)}`, block);
    setDraft(undefined);
    onEdited();
  };

  const body = [];
  for (const row of view.shownRows) {
    const tds = [];
    for (const column of view.shownColumns) {
      const k = key(row, column);
      if (view.covered.has(k)) continue;
      const cell = view.cells.get(k) ?? blankCell(row, column);
      const isFocused = focus?.row === row && focus.column === column;
      const isSelected = selected?.row === row && selected.column === column;
      tds.push(
        <td
          key={k}
          rowSpan={cell.rowSpan > 1 ? cell.rowSpan : undefined}
          colSpan={cell.colSpan > 1 ? cell.colSpan : undefined}
          className={mergeClasses(styles.td, cell.flagged && styles.flagged, isSelected && styles.selected)}
          style={{
            backgroundColor: cell.flagged ? undefined : cell.fill,
            color: cell.fontColor,
            fontWeight: cell.bold ? 600 : undefined,
            textAlign: cell.align,
          }}
          data-cell={a1(row, column)}
          data-selected={isSelected || undefined}
          data-flagged={cell.flagged || undefined}
        >
          <input
            ref={(el) => {
              if (el) inputs.current.set(k, el);
              else inputs.current.delete(k);
            }}
            className={styles.input}
            aria-label={fill(t.previewCellLabel, { sheet: shown, cell: a1(row, column) })}
            title={cell.wrap && cell.text.length > 12 ? cell.text : undefined}
            value={isFocused && draft !== undefined ? draft : isFocused ? cell.input : cell.text}
            onFocus={() => {
              setFocus({ row, column });
              setDraft(undefined);
            }}
            onChange={(e) => setDraft(e.target.value)}
            onBlur={() => {
              if (draft !== undefined) commit(cell, draft);
              setDraft(undefined);
              setFocus(undefined);
            }}
            onKeyDown={(e) => onKeyDown(e, cell)}
            onPaste={(e) => onPaste(e, cell)}
          />
        </td>,
      );
    }
    body.push(
      <tr key={row}>
        <th scope="row" className={styles.rowHead}>
          {row}
        </th>
        {tds}
      </tr>,
    );
  }

  return (
    <div className={styles.root}>
      <div role="tablist" aria-label={t.previewSheetsLabel} className={styles.tabs}>
        {sheets.map((name) => (
          <button
            key={name}
            type="button"
            role="tab"
            aria-selected={name === shown}
            className={mergeClasses(styles.sheetTab, name === shown && styles.sheetTabSelected)}
            onClick={() => setSheet(name)}
          >
            {name}
          </button>
        ))}
      </div>
      <div className={styles.bar} aria-live="off">
        <span className={styles.barAddress}>{focusCell ? `${shown}!${a1(focusCell.row, focusCell.column)}` : shown}</span>
        <span className={styles.barContent}>{focusCell ? (draft ?? focusCell.input) : t.previewBarHint}</span>
      </div>
      <div className={styles.scroller} role="region" aria-label={fill(t.previewGridLabel, { sheet: shown })} tabIndex={0}>
        <table className={styles.table} data-sheet={shown}>
          <colgroup>
            <col style={{ width: "40px" }} />
            {view.shownColumns.map((c) => (
              <col key={c} style={{ width: `${view.widths[c]}px` }} />
            ))}
          </colgroup>
          <thead>
            <tr>
              <th className={styles.head} aria-hidden />
              {view.shownColumns.map((c) => (
                <th key={c} scope="col" className={styles.head}>
                  {columnLetters(c)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>{body}</tbody>
        </table>
      </div>
    </div>
  );
}
