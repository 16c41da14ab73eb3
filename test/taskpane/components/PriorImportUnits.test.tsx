/** @jest-environment jsdom */
/**
 * 导入上年工作簿 when this year's workbook lacks some of last year's units: the plan lists them
 * (新增单位：…（沿用上年）), ticked; confirming adds them after the officer's own through the
 * session's addListEntries (one template upgrade, whatever their number), plans again on the new
 * layout and writes their 上年 cells from last year's 本年 ones, as `ziping template --prior`
 * carries last year's units. On the in-memory workbook, which counts syncs.
 */
import "../../support/dom";
import { cleanup, fireEvent, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import Decimal from "decimal.js";
import { templateLocator } from "../../../src/core/check";
import { defaultForm, expandFields, rawText, type ListEntry, type ReportData } from "../../../src/core/spec";
import * as adapter from "../../../src/taskpane/adapters/prior-workbook";
import { PriorImport } from "../../../src/taskpane/tabs/import/PriorImport";
import { fieldAddress } from "../../hosts/office/helpers";
import { report2019 } from "../../fixtures/prior-pair";
import { renderLive, seed, workbook, type Env } from "./harness";

const LAST_FILE = "2019年自评表.xlsx";
const [kept, dropped] = seed.lists.units!;
const NEW_UNIT = "科技服务中心";

/** Last year's workbook: the seed's two units and a third, 科技服务中心, with its 本年 figures. */
function lastYearData(): ReportData {
  const base = report2019();
  const units: ListEntry[] = [...base.lists.units!, { name: NEW_UNIT }];
  const values = { ...base.values };
  // 科技服务中心's 2019 年末累计结余 (what 2020's 上年结转 takes).
  values["expense.unit[3].cumBalance"] = "23.47";
  return { ...base, lists: { ...base.lists, units }, values };
}

function lastYear(data: ReportData): adapter.LastYear {
  const locate = templateLocator(defaultForm, data);
  return {
    file: LAST_FILE,
    data,
    addresses: new Map(Object.keys(data.values).map((id) => [id, locate(id)])),
    notes: [],
  };
}

/** The links of the form by unit (上年结转 of each unit): this year's field ← last year's. */
const unitLinks = (defaultForm.priorYear?.links ?? []).filter((l) => {
  const [table, row] = l.prior.split(/[.[]/);
  return (
    defaultForm.sheets
      .flatMap((s) => s.tables)
      .find((t) => t.id === table)
      ?.rows.find((r) => r.id === row)?.list === "units"
  );
});

/** This year's workbook: one unit (局机关), its 上年 cells empty. */
function thisYear(): ReportData {
  const lists = { ...seed.lists, units: [kept] };
  const ids = new Set(expandFields(defaultForm, lists).map((f) => f.id));
  const priorIds = new Set(unitLinks.map((l) => l.prior.replace("[*]", "[1]")));
  const values = Object.fromEntries(Object.entries(seed.values).filter(([id]) => ids.has(id) && !priorIds.has(id)));
  return { ...seed, lists, values };
}

function renderPrior(env: Env, last: adapter.LastYear) {
  const reader = async () => ({ ...adapter, readLastYear: async () => last });
  return renderLive(env.backend, (live, announce) => <PriorImport backend={env.backend} report={live.report} announce={announce} reader={reader} />);
}

async function pick() {
  await waitFor(() => expect(screen.getByRole("button", { name: "选择上年工作簿…" })).toHaveProperty("disabled", false));
  const file = Object.assign(new File(["xlsx"], LAST_FILE), {
    arrayBuffer: async () => new ArrayBuffer(4),
  });
  fireEvent.change(screen.getByLabelText("选择上年工作簿…", { selector: "input" }), { target: { files: [file] } });
  return screen.findByTestId("prior-entries");
}

/** A figure as text ("" when empty), so a missing one fails naming its field instead of throwing. */
const text = (v: ReportData["values"][string] | undefined): string => String(rawText(v ?? null) ?? "");
const same = (a: string, b: string): boolean => a !== "" && b !== "" && new Decimal(a).eq(new Decimal(b));

/** Each of this year's units' 上年 cells hold last year's 本年 figures of the unit of that name. */
function expectCarried(data: ReportData, last: ReportData, units: string[]) {
  const lastUnits = last.lists.units!.map((e) => e.name);
  let compared = 0;
  for (const name of units) {
    const k = data.lists.units!.findIndex((e) => e.name === name) + 1;
    const j = lastUnits.indexOf(name) + 1;
    expect([name, k > 0, j > 0]).toEqual([name, true, true]);
    for (const link of unitLinks) {
      const from = text(last.values[link.current.replace("[*]", `[${j}]`)]);
      if (from === "") continue;
      const to = link.prior.replace("[*]", `[${k}]`);
      expect([to, text(data.values[to]), from, same(text(data.values[to]), from)]).toEqual([to, text(data.values[to]), from, true]);
      compared++;
    }
  }
  return compared;
}

/** Picks last year's workbook, unticks `untick`, confirms; the syncs the confirmation took. */
async function importWith(untick: string[]) {
  const env = await workbook(thisYear());
  const last = lastYear(lastYearData());
  const user = userEvent.setup();
  renderPrior(env, last);
  const entries = await pick();
  const items = within(entries).getAllByRole("listitem");
  expect(items.map((li) => li.textContent)).toEqual([`新增单位：${dropped.name}（沿用上年）`, `新增单位：${NEW_UNIT}（沿用上年）`]);
  for (const li of items) expect((within(li).getByRole("checkbox") as HTMLInputElement).checked).toBe(true);
  for (const name of untick) await user.click(within(items.find((li) => li.textContent!.includes(name))!).getByRole("checkbox"));
  const before = { ...env.wb.stats };
  await user.click(
    screen.getByRole("button", {
      name: /^新增 \d+ 项，写入其上年数和所选 \d+ 格$/,
    }),
  );
  await waitFor(() => expect(screen.getByRole("status").textContent).toMatch(/^已新增 \d+ 项（沿用上年）。已写入 \d+ 格/), { timeout: 60_000 });
  const syncs = {
    syncs: env.wb.stats.syncs - before.syncs,
    writeSyncs: env.wb.stats.writeSyncs - before.writeSyncs,
  };
  const after = (await env.backend.session.validate()).data;
  return { env, last: last.data, after, syncs };
}

/** What adding these units costs the session alone, on a twin of this year's workbook. */
async function addCost(names: string[]) {
  const { wb, backend } = await workbook(thisYear());
  const before = { ...wb.stats };
  const result = await backend.session.addListEntries(names.map((name) => ({ list: "units", entry: { name } })));
  expect(result.written).toHaveLength(names.length);
  return {
    syncs: wb.stats.syncs - before.syncs,
    writeSyncs: wb.stats.writeSyncs - before.writeSyncs,
  };
}

describe("导入上年工作簿: last year's units this year's workbook lacks", () => {
  it("lists the two missing units ticked, adds them after the officer's, and fills their 上年 cells from last year's 本年", async () => {
    const { last, after, syncs } = await importWith([]);
    expect(after.lists.units!.map((e) => e.name)).toEqual([kept.name, dropped.name, NEW_UNIT]);
    expect(expectCarried(after, last, [kept.name, dropped.name, NEW_UNIT])).toBeGreaterThanOrEqual(3);
    expect(screen.getByRole("status").textContent).toMatch(/^已新增 2 项（沿用上年）。/);
    // One template upgrade for both units, then the values in one write.
    const alone = await addCost([dropped.name, NEW_UNIT]);
    expect(syncs.writeSyncs).toBe(alone.writeSyncs + 1);
  }, 120_000);

  it("adds only the unit left ticked, at the same cost as both: no sync per unit", async () => {
    const { last, after, syncs } = await importWith([dropped.name]);
    expect(after.lists.units!.map((e) => e.name)).toEqual([kept.name, NEW_UNIT]);
    expect(expectCarried(after, last, [kept.name, NEW_UNIT])).toBeGreaterThanOrEqual(2);
    expect(screen.getByRole("status").textContent).toMatch(/^已新增 1 项（沿用上年）。/);
    // 科技信息管理办公室's 上年 cell is nowhere: the unit is not in this year's workbook.
    expect(after.lists.units!.some((e) => e.name === dropped.name)).toBe(false);
    cleanup();
    const both = await importWith([]);
    expect(both.syncs).toEqual(syncs);
  }, 120_000);

  it("asks before moving the officer's note below a table, writes nothing until they agree, then adds and fills", async () => {
    const data = thisYear();
    const env = await workbook(data);
    const m = /^'?(.+?)'?!\$?[A-Z]+\$?(\d+)$/.exec(fieldAddress("income.unit[1].total", data.lists))!;
    const note = `A${Number(m[2]) + 1}`; // just below the income table's last unit
    env.wb.userEdit(m[1], note, [["备注：局机关含离退休人员"]]);
    await env.wb.settle();
    env.timers.fire();
    const last = lastYear(lastYearData());
    const user = userEvent.setup();
    renderPrior(env, last);
    await pick();
    await user.click(screen.getByRole("button", { name: /^新增 2 项，写入其上年数和所选 \d+ 格$/ }));
    const conflicts = await screen.findByTestId("conflicts");
    expect(conflicts.textContent).toContain("备注：局机关含离退休人员");
    const unchanged = (await env.backend.session.validate()).data;
    expect(unchanged.lists.units!.map((e) => e.name)).toEqual([kept.name]);
    expect(Object.keys(unchanged.values).filter((id) => unitLinks.some((l) => id === l.prior.replace("[*]", "[1]")) && text(unchanged.values[id]) !== "")).toEqual([]);
    await user.click(within(conflicts).getByRole("button", { name: "移动这些单元格并应用" }));
    await waitFor(() => expect(screen.getByRole("status").textContent).toMatch(/^已新增 2 项（沿用上年）。已写入 \d+ 格/), { timeout: 60_000 });
    const after = (await env.backend.session.validate()).data;
    expect(after.lists.units!.map((e) => e.name)).toEqual([kept.name, dropped.name, NEW_UNIT]);
    expect(expectCarried(after, last.data, [kept.name, dropped.name, NEW_UNIT])).toBeGreaterThanOrEqual(3);
  }, 120_000);
});
