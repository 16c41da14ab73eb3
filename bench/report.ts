/** One measured line of the benchmark table. */
export interface Row {
  section: string;
  what: string;
  value: number;
  unit: string;
  note?: string;
}

/** A budget from issue 8: holds or not, with the numbers that decided it. */
export interface Budget {
  name: string;
  holds: boolean;
  detail: string;
}

export interface SectionResult {
  rows: Row[];
  budgets: Budget[];
}

export const row = (section: string, what: string, value: number, unit: string, note?: string): Row => ({ section, what, value, unit, note });
export const budget = (name: string, holds: boolean, detail: string): Budget => ({ name, holds, detail });

export function formatTable(rows: Row[]): string {
  const cells = rows.map((r) => [r.section, r.what, r.value < 10 ? r.value.toPrecision(3) : r.value.toFixed(0), r.unit, r.note ?? ""]);
  const header = ["section", "measure", "median", "unit", "note"];
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i].length)));
  const line = (c: string[]) => c.map((x, i) => (i === 2 ? x.padStart(widths[i]) : x.padEnd(widths[i]))).join("  ");
  return [line(header), line(widths.map((w) => "-".repeat(w))), ...cells.map(line)].join("\n");
}
