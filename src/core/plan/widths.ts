/**
 * Column widths in Excel's character units. A CJK character (and a full-width form) takes
 * about two character widths in the default fonts, so a width counts them twice.
 */
export function displayWidth(text: string): number {
  let w = 0;
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    const wide =
      (code >= 0x1100 && code <= 0x115f) ||
      (code >= 0x2e80 && code <= 0xa4cf) ||
      (code >= 0xac00 && code <= 0xd7a3) ||
      (code >= 0xf900 && code <= 0xfaff) ||
      (code >= 0xfe30 && code <= 0xfe4f) ||
      (code >= 0xff00 && code <= 0xff60) ||
      (code >= 0xffe0 && code <= 0xffe6) ||
      code >= 0x20000;
    w += wide ? 2 : 1;
  }
  return w;
}

export const MIN_WIDTH = 8;
export const MAX_WIDTH = 50;

/** Keeps the widest need per column. */
export class WidthTracker {
  private readonly widths = new Map<number, number>();

  need(column: number, width: number): void {
    const w = Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, Math.ceil(width)));
    this.widths.set(column, Math.max(this.widths.get(column) ?? 0, w));
  }

  /** Room for a text plus a little padding, wrapped beyond `cap`. */
  needText(column: number, text: string, cap = MAX_WIDTH): void {
    this.need(column, Math.min(cap, displayWidth(text) + 2));
  }

  list(): Array<{ column: number; width: number }> {
    return [...this.widths].sort(([a], [b]) => a - b).map(([column, width]) => ({ column, width }));
  }
}
