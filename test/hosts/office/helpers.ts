import { cellIndex } from "../../../src/core/spec/placement";
import { quoteSheet } from "../../../src/core/excel/address";
import { defaultForm, expandFields, type ReportData } from "../../../src/core/spec";
import type { FormSpec } from "../../../src/core/spec/types";
import { createMemoryWorkbook, type MemoryWorkbook } from "../../../src/hosts/memory";
import { createZiPingSession, type SessionOptions, type Timers } from "../../../src/hosts/office";
import seed2020 from "../../fixtures/seed-2020.json";

export const seed = seed2020 as ReportData;

/** Timers the test fires by hand: no real time passes in these tests. */
export class ManualTimers implements Timers {
  private next = 1;
  readonly pending = new Map<number, () => void>();
  set(callback: () => void): unknown {
    const id = this.next++;
    this.pending.set(id, callback);
    return id;
  }
  clear(handle: unknown): void {
    this.pending.delete(handle as number);
  }
  /** Runs every pending callback (the debounce elapsing). */
  fire(): void {
    const callbacks = [...this.pending.values()];
    this.pending.clear();
    for (const c of callbacks) c();
  }
}

export function setup(options: SessionOptions = {}, sheets?: string[]) {
  const wb = createMemoryWorkbook(sheets);
  const timers = new ManualTimers();
  const session = createZiPingSession(wb.run, { timers, apiSupport: () => true, ...options });
  return { wb, timers, session };
}

/** Sheet-qualified address of a field in a freshly laid-out template. */
export function fieldAddress(id: string, lists = seed.lists): string {
  const p = cellIndex(defaultForm, lists).get(id);
  if (!p) throw new Error(`no cell for ${id}`);
  return `${quoteSheet(p.sheet)}!${String.fromCharCode(64 + p.column)}${p.row}`;
}

/**
 * The officer types a report into the template: every field gets the report's figure, typed over
 * a total's formula where the report has one, and a field the report leaves empty is cleared
 * (Delete), so the sheets hold exactly the report.
 */
export function typeReport(wb: MemoryWorkbook, data: ReportData, form: FormSpec = defaultForm): void {
  const index = cellIndex(form, data.lists);
  for (const field of expandFields(form, data.lists)) {
    const p = index.get(field.id)!;
    const raw = data.values[field.id];
    const text = raw === undefined || raw === null ? "" : typeof raw === "object" ? raw.value : raw;
    wb.userEdit(p.sheet, `${String.fromCharCode(64 + p.column)}${p.row}`, [[text ?? ""]]);
  }
}

export async function layOut(session: ReturnType<typeof createZiPingSession>, lists = seed.lists) {
  const preview = await session.previewTemplate({ lists });
  const applied = await session.applyTemplate(preview);
  if (!applied.ok) throw new Error(`apply failed: ${JSON.stringify(applied.problems)}`);
  return { preview, applied };
}
