import { buildLayoutPlan } from "../../src/core/plan/layout";
import { loadSeed } from "../../test/fixtures/load";
import { createMemoryWorkbook } from "../../src/hosts/memory";
import { createZiPingSession, type Timers, type ValidationReport } from "../../src/hosts/office";
import { defaultForm } from "../../src/core/spec";
import { budget, row, type SectionResult } from "../report";
import { scaledReport } from "../scale";

/** Timers fired by hand, so a cycle is measured without the debounce's wall time. */
class HandTimers implements Timers {
  private pending = new Map<number, () => void>();
  private next = 1;
  set(callback: () => void) {
    const id = this.next++;
    this.pending.set(id, callback);
    return id;
  }
  clear(handle: unknown) {
    this.pending.delete(handle as number);
  }
  fire() {
    const due = [...this.pending.values()];
    this.pending.clear();
    due.forEach((c) => c());
  }
}

interface Cycle {
  readSyncs: number;
  writeSyncs: number;
  loads: number;
  ms: number;
}

/**
 * The template laid out for `units` units on the in-memory host, then repeated live cycles:
 * the officer edits a cell, the debounce elapses, one batched read, check and narrative.
 * The memory host answers syncs at once, so the time is the add-in's own work, no host latency.
 */
async function liveCycles(units: number, cycles: number): Promise<{ cycle: Cycle; layoutMs: number }> {
  const data = scaledReport(units);
  const wb = createMemoryWorkbook();
  const timers = new HandTimers();
  const session = createZiPingSession(wb.run, { timers, apiSupport: () => true });
  const t0 = performance.now();
  const preview = await session.previewTemplate({ lists: data.lists });
  await session.applyTemplate(preview);
  const layoutMs = performance.now() - t0;

  let seen = 0;
  let wake: (() => void) | undefined;
  await session.startLiveValidation((_r: ValidationReport) => {
    seen++;
    wake?.();
  });
  const samples: Cycle[] = [];
  for (let i = 0; i < cycles; i++) {
    const before = { ...wb.stats };
    const waiting = new Promise<void>((resolve) => (wake = resolve));
    wb.userEdit("收入", "C6", [[String(10 + i)]]);
    await wb.settle();
    const start = performance.now();
    timers.fire();
    await waiting;
    samples.push({
      ms: performance.now() - start,
      readSyncs: wb.stats.readSyncs - before.readSyncs,
      writeSyncs: wb.stats.writeSyncs - before.writeSyncs,
      loads: wb.stats.loads - before.loads,
    });
  }
  session.dispose();
  samples.sort((a, b) => a.ms - b.ms);
  const median = samples[Math.floor(samples.length / 2)];
  const worst = (k: "readSyncs" | "writeSyncs" | "loads") => Math.max(...samples.map((s) => s[k]));
  void seen;
  return { cycle: { ...median, readSyncs: worst("readSyncs"), writeSyncs: worst("writeSyncs"), loads: worst("loads") }, layoutMs };
}

export async function liveSection(sizes = [2, 20, 200]): Promise<SectionResult> {
  const rows = [];
  const counts: Array<{ units: number; cycle: Cycle }> = [];
  for (const units of sizes) {
    const { cycle, layoutMs } = await liveCycles(units, units >= 200 ? 7 : 15);
    counts.push({ units, cycle });
    rows.push(
      row("live", `${units} units: context.sync to read per cycle (worst)`, cycle.readSyncs, "syncs"),
      row("live", `${units} units: context.sync to write per cycle (worst)`, cycle.writeSyncs, "syncs"),
      row("live", `${units} units: proxies loaded per cycle (worst)`, cycle.loads, "loads"),
      row("live", `${units} units: one cycle, excluding host latency`, cycle.ms, "ms"),
      row("layout", `${units} units: lay out the template on the in-memory host (preview + apply)`, layoutMs, "ms"),
    );
  }
  const seed = loadSeed(2020);
  const t0 = performance.now();
  buildLayoutPlan(defaultForm, seed.lists);
  rows.push(row("layout", "2020 seed: build the layout plan (core)", performance.now() - t0, "ms"));
  const holds = counts.every((c) => c.cycle.readSyncs === 1 && c.cycle.writeSyncs === 0);
  return {
    rows,
    budgets: [
      budget(
        "live cycle: 1 sync to read, 0 to write, at every size",
        holds,
        counts.map((c) => `${c.units} units: ${c.cycle.readSyncs} read / ${c.cycle.writeSyncs} write`).join("; "),
      ),
    ],
  };
}
