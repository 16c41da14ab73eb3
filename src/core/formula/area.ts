/** Excel's grid: 1,048,576 rows × 16,384 columns (XFD). */
export const MAX_ROW = 1_048_576;
export const MAX_COLUMN = 16_384;

/** A rectangle of cells (1-based, inclusive). */
export interface Area {
  top: number;
  left: number;
  bottom: number;
  right: number;
}
