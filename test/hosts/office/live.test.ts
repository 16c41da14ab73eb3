import { checkReport } from "../../../src/core/check";
import { defaultForm, type ReportData } from "../../../src/core/spec";
import type { ValidationReport } from "../../../src/hosts/office";
import { layOut, seed, setup, typeReport } from "./helpers";

function reports() {
  const seen: ValidationReport[] = [];
  let wake: (() => void) | undefined;
  return {
    seen,
    onUpdate: (r: ValidationReport) => {
      seen.push(r);
      wake?.();
    },
    next: (count: number) =>
      new Promise<void>((resolve) => {
        const check = () => (seen.length >= count ? resolve() : (wake = check));
        check();
      }),
  };
}

async function liveCycleCost(units: number) {
  const lists = { units: Array.from({ length: units }, (_, i) => ({ name: `单位${i + 1}` })) };
  const { wb, session, timers } = setup();
  await layOut(session, lists);
  const r = reports();
  await session.startLiveValidation(r.onUpdate);
  expect(r.seen).toHaveLength(1);
  expect(wb.handlerCount).toBeGreaterThan(0);

  const before = { ...wb.stats };
  wb.userEdit("收入", "C6", [["12.5"]]);
  wb.userEdit("收入", "D6", [["7"]]); // a second edit within the debounce: still one cycle
  await wb.settle();
  expect(r.seen).toHaveLength(1); // nothing until the debounce elapses
  timers.fire();
  await r.next(2);
  const cost = { read: wb.stats.readSyncs - before.readSyncs, write: wb.stats.writeSyncs - before.writeSyncs };
  return { cost, report: r.seen[1], loads: wb.stats.loads - before.loads };
}

describe("live validation", () => {
  it("costs one read sync and no write sync per cycle, at 2 units and at 200", async () => {
    const small = await liveCycleCost(2);
    const large = await liveCycleCost(200);
    expect(small.cost).toEqual({ read: 1, write: 0 });
    expect(large.cost).toEqual({ read: 1, write: 0 });
    // The number of ranges loaded does not grow with the rows either: one per table.
    expect(large.loads).toBe(small.loads);
    expect(large.report.data.values["income.unit[1].carryover"]).toBe("12.5");
    expect(large.report.data.lists.units).toHaveLength(200);
  });

  it("picks up a unit row the officer inserts inside a table: names grow, checks and narrative see it", async () => {
    const { wb, session, timers } = setup();
    await layOut(session);
    typeReport(wb, seed);
    const r = reports();
    await session.startLiveValidation(r.onUpdate);
    // 收入: row 5 汇总, rows 6–7 the two units. Insert a row between them and fill it in.
    wb.userInsertRows("收入", 7);
    wb.userEdit("收入", "A7:G7", [["新设机构", "=SUM(C7:G7)", "10", "20.5", "0", "0", "0"]]);
    expect(wb.nameFormula("ZP_income")).toBe("=收入!$A$5:$G$8");
    await wb.settle();
    timers.fire();
    await r.next(2);
    const report = r.seen[1];
    expect(report.data.lists.units?.map((u) => u.name)).toEqual(["局机关", "新设机构", "科技信息管理办公室"]);
    expect(report.data.values["income.unit[2].total"]).toBe("30.5");
    // The 汇总 row's typed totals no longer add up: the core says so, naming the cells where they are now.
    const core = checkReport(defaultForm, report.data as ReportData, (id) => id);
    expect(report.findings.map((f) => f.ruleId)).toEqual(core.findings.map((f) => f.ruleId));
    const carryover = report.findings.find((f) => f.ruleId === "income.unitSum[carryover]");
    expect(carryover?.cell).toBe("收入!C5");
    expect(carryover?.expected).toBe("274.05");
    // The narrative is built from the same read.
    expect(JSON.stringify(report.narrative)).toContain("新设机构");
    // The 校验 sheet was laid out for two units: the pane is told, and repair brings it up to date.
    expect(report.problems.map((p) => p.code)).toContain("checksOutdated");
    const repaired = await session.repairLayout();
    expect(repaired.problems).toEqual([]);
    expect(wb.cell("校验!B1").value).toMatch(/校验结果/);
  });

  it("ignores its own writes' events and refreshes once after each action", async () => {
    const { wb, session, timers } = setup();
    await layOut(session);
    const r = reports();
    await session.startLiveValidation(r.onUpdate);
    const result = await session.writeValues({ "income.unit[1].carryover": "241.49" });
    expect(result.written).toEqual(["income.unit[1].carryover"]);
    await wb.settle();
    expect(timers.pending.size).toBe(0); // the add-in's own write scheduled nothing
    expect(r.seen).toHaveLength(2); // the explicit refresh after the write
    expect(r.seen[1].data.values["income.unit[1].carryover"]).toBe("241.49");
  });

  it("stops: handlers removed, no more reports", async () => {
    const { wb, session, timers } = setup();
    await layOut(session);
    const r = reports();
    const live = await session.startLiveValidation(r.onUpdate);
    await live.stop();
    expect(wb.handlerCount).toBe(0);
    wb.userEdit("收入", "C6", [["1"]]);
    await wb.settle();
    timers.fire();
    expect(r.seen).toHaveLength(1);
  });
});

describe("live validation started before the template exists", () => {
  it("watches the template's sheets once they are laid out", async () => {
    const { wb, session, timers } = setup();
    const r = reports();
    await session.startLiveValidation(r.onUpdate);
    expect(r.seen[0].problems[0].code).toBe("noTemplate");
    await layOut(session);
    expect(r.seen).toHaveLength(2);
    expect(r.seen[1].problems).toEqual([]);
    wb.userEdit("收入", "C6", [["5"]]);
    await wb.settle();
    timers.fire();
    await r.next(3);
    expect(r.seen[2].data.values["income.unit[1].carryover"]).toBe("5");
  });
});
