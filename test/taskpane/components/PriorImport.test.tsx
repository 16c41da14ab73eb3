/** @jest-environment jsdom */
/**
 * 导入上年工作簿 in the 导入 tab on the in-memory workbook: the plan first (each cell, what it
 * gets, from which of last year's cells, what it replaces), cells the officer filled written only
 * when ticked, the write on confirm, and this year's 上年 figures checked against last year's,
 * both cells named. Last year's workbook is given as read (its reading from an .xlsx is
 * test/taskpane/adapters/prior-workbook.test.ts; jsdom has no DecompressionStream).
 */
import "../../support/dom";
import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { templateLocator } from "../../../src/core/check";
import { PRIOR_DRAFT_MARK } from "../../../src/core/prior/carry";
import { priorPairs } from "../../../src/core/prior/pairs";
import { defaultForm, rawText, type ReportData } from "../../../src/core/spec";
import * as adapter from "../../../src/taskpane/adapters/prior-workbook";
import { PriorImport } from "../../../src/taskpane/tabs/import/PriorImport";
import { fieldAddress } from "../../hosts/office/helpers";
import { report2019 } from "../../fixtures/prior-pair";
import { edit, renderLive, seed, workbook, type Env } from "./harness";

const LAST_FILE = "2019年自评表.xlsx";
const pairs = priorPairs(defaultForm, seed.lists, seed.lists);

/** Last year's workbook as the reader gives it: its values and each field's cell. */
function lastYear(data: ReportData): adapter.LastYear {
  const locate = templateLocator(defaultForm, data);
  return { file: LAST_FILE, data, addresses: new Map(Object.keys(data.values).map((id) => [id, locate(id)])), notes: [] };
}

function renderPrior(env: Env, last: adapter.LastYear) {
  const reader = async () => ({ ...adapter, readLastYear: async () => last });
  return renderLive(env.backend, (live, announce) => <PriorImport backend={env.backend} report={live.report} announce={announce} reader={reader} />);
}

/** The officer picks last year's file (the dialog itself is the browser's). */
async function pick() {
  await waitFor(() => expect(screen.getByRole("button", { name: "选择上年工作簿…" })).toHaveProperty("disabled", false));
  const file = Object.assign(new File(["xlsx"], LAST_FILE), { arrayBuffer: async () => new ArrayBuffer(4) });
  fireEvent.change(screen.getByLabelText("选择上年工作簿…", { selector: "input" }), { target: { files: [file] } });
  return screen.findByTestId("prior-plan");
}

async function tabTo(user: ReturnType<typeof userEvent.setup>, target: HTMLElement) {
  for (let i = 0; i < 300 && document.activeElement !== target; i++) await user.tab();
  expect(document.activeElement).toBe(target);
}

let current: Env;
/** What this year's cell of a field holds. */
const value = (id: string) => current.wb.cell(fieldAddress(id)).value;

/** This year's workbook: the seed with its 上年 figures left empty, except 公务接待费's, which the officer typed. */
function thisYear(): ReportData {
  const values = { ...seed.values };
  for (const p of pairs) if (p.prior !== "sangong.reception.prior") delete values[p.prior];
  return { ...seed, values };
}

describe("导入上年工作簿", () => {
  it("shows the plan, writes the empty cells on confirm, replaces a filled one only when ticked, from the keyboard", async () => {
    current = await workbook(thisYear());
    const last = lastYear(report2019({ "sangong.reception.current": "3.54" }));
    const user = userEvent.setup();
    renderPrior(current, last);
    const plan = await pick();
    const items = within(plan).getAllByRole("listitem");
    const expected = adapter.planPriorImport(defaultForm, (await current.backend.session.validate()).data, last).rows;
    expect(items).toHaveLength(expected.length);
    // Each row: this year's cell, what it gets and last year's cell it comes from.
    const reception = items[expected.findIndex((r) => r.fieldId === "sangong.reception.prior")];
    expect(reception.textContent).toContain(`← 上年 ${last.addresses.get("sangong.reception.current")}：3.54`);
    expect(reception.textContent).toContain(`将替换现有内容：${String(rawText(seed.values["sangong.reception.prior"]))}`);
    const receptionBox = within(reception).getByRole("checkbox") as HTMLInputElement;
    expect(receptionBox.checked).toBe(false);
    // Empty cells are ticked, filled ones are not.
    for (const [i, row] of expected.entries()) expect((within(items[i]).getByRole("checkbox") as HTMLInputElement).checked, row.fieldId).toBe(row.replaces === undefined);
    // The mismatch as it stands, both cells named.
    const findings = within(screen.getByTestId("prior-findings")).getAllByRole("listitem");
    expect(findings).toHaveLength(1);
    expect(findings[0].textContent).toContain(`${LAST_FILE} ${last.addresses.get("sangong.reception.current")}`);
    expect(findings[0].textContent).toContain("相差0.10万元");

    await tabTo(user, receptionBox);
    await user.keyboard(" ");
    expect(receptionBox.checked).toBe(true);
    const chosen = expected.length - expected.filter((r) => r.replaces !== undefined).length + 1;
    const confirm = screen.getByRole("button", { name: `写入所选 ${chosen} 格` });
    await tabTo(user, confirm);
    const before = { ...current.wb.stats };
    await user.keyboard("{Enter}");
    await waitFor(() => expect(screen.getByRole("status").textContent).toMatch(new RegExp(`^已写入 ${chosen} 格，其中 \\d+ 段文字标为“沿用上年”`)));
    // Every chosen cell in one write batch (session.writeValues: one read, one write sync).
    expect(current.wb.stats.writeSyncs - before.writeSyncs).toBe(1);
    expect(value("sangong.reception.prior")).toBe(3.54);
    expect(value("lastYear.incomeTotal")).toBe(1188.23);
    expect(String(value("reportProse.management")).startsWith(PRIOR_DRAFT_MARK)).toBe(true);
    // Checked again on what the workbook now holds: it agrees.
    expect(await screen.findByText("今年的上年数与上年工作簿的本年数一致。")).toBeTruthy();
  }, 90_000);

  it("leaves an unticked filled cell as the officer wrote it, and then reports it against last year's, both cells named", async () => {
    current = await workbook(thisYear());
    const last = lastYear(report2019({ "sangong.reception.current": "3.54" }));
    const user = userEvent.setup();
    renderPrior(current, last);
    await pick();
    await user.click(screen.getByRole("button", { name: /^写入所选 \d+ 格$/ }));
    await waitFor(() => expect(screen.getByRole("status").textContent).toMatch(/^已写入/));
    expect(String(value("sangong.reception.prior"))).toBe(String(rawText(seed.values["sangong.reception.prior"])));
    await waitFor(() => expect(screen.getByTestId("prior-findings").textContent).toContain(`${LAST_FILE} ${last.addresses.get("sangong.reception.current")}`));
    expect(screen.getByTestId("prior-findings").textContent).toContain(fieldAddress("sangong.reception.prior").replace(/\$/g, "").replace(/'/g, ""));
  }, 90_000);

  it("names and writes the cells where they are now when the officer inserted rows above a table", async () => {
    current = await workbook(thisYear());
    const m = /^'?(.+?)'?!\$?([A-Z]+)\$?(\d+)$/.exec(fieldAddress("lastYear.incomeTotal"))!;
    const [sheet, column, row] = [m[1], m[2], Number(m[3])];
    current.wb.userInsertRows(sheet, 1, 2);
    await current.wb.settle();
    current.timers.fire();
    const user = userEvent.setup();
    renderPrior(current, lastYear(report2019()));
    const plan = await pick();
    const moved = `${column}${row + 2}`;
    const item = within(plan).getAllByRole("listitem").find((li) => li.textContent!.includes("上年收入合计"))!;
    expect(item.textContent!.replace(/\$/g, "")).toContain(`${sheet}!${moved}`);
    await user.click(screen.getByRole("button", { name: /^写入所选 \d+ 格$/ }));
    await waitFor(() => expect(screen.getByRole("status").textContent).toMatch(/^已写入/));
    expect(current.wb.cell(`'${sheet}'!${moved}`).value).toBe(1188.23);
  }, 90_000);

  it("plans again, writing nothing, when the sheet changed after the plan was shown", async () => {
    current = await workbook(thisYear());
    const last = lastYear(report2019());
    const user = userEvent.setup();
    renderPrior(current, last);
    await pick();
    const m = /^'?(.+?)'?!(.+)$/.exec(fieldAddress("lastYear.incomeTotal"))!;
    await edit(current, m[1], m[2], "1000.00");
    await waitFor(() => expect(current.wb.cell(fieldAddress("lastYear.incomeTotal")).value).toBe(1000));
    await user.click(screen.getByRole("button", { name: /^写入所选 \d+ 格$/ }));
    await waitFor(() => expect(screen.getByRole("status").textContent).toBe("工作簿在列出计划后有改动，已按现在的内容重新列出，请再确认。"));
    expect(value("sangong.abroad.prior") ?? null).toBeNull();
    const row = within(screen.getByTestId("prior-plan")).getAllByRole("listitem").find((li) => li.textContent!.includes("上年收入合计"))!;
    expect(row.textContent).toContain("将替换现有内容：1000");
    expect((within(row).getByRole("checkbox") as HTMLInputElement).checked).toBe(false);
  }, 90_000);
});
