/** Layout plan and read plan: the template and what to read back, as data for the hosts. */
export type * from "./layout-types";
export { buildLayoutPlan, totalFormulas, NARRATIVE_SHEET_ID, NARRATIVE_SHEET_NAME, NARRATIVE_ROWS, type LayoutOptions } from "./layout";
export { CHECK_SHEET_ID, CHECK_SHEET_NAME, CHECK_COLUMNS, CHECK_FIRST_ROW, CHECK_HEADER_ROW, CHECK_SUMMARY, CHECK_SUMMARY_TOP } from "./check-sheet";
export { VERDICT, NONE_MARKERS, BLANK_MARKERS } from "./check-formulas";
export { CELL_STYLES, SEVERITY_FILLS, INPUT_FILL, COMPUTED_FILL } from "./styles";
export {
  FORM_MARKER_NAME,
  CHECKS_NAME,
  CHECKS_SUMMARY_NAME,
  NARRATIVE_NAME,
  tableBodyName,
  tableHeaderName,
  formMarkerValue,
  parseFormMarker,
} from "./names";
export {
  buildReadPlan,
  valuesFromRead,
  interpretRead,
  rawFromCell,
  type ReadCell,
  type ReadBlock,
  type ReadResult,
  type InterpretedRead,
} from "./read-plan";
