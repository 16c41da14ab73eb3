/** @jest-environment jsdom */
/**
 * 与另一工作簿核对 on the 校验 tab, on the in-memory workbook holding the 2020 自评 report: the
 * 部门决算 workbook the report quotes (test/fixtures/cross, laid out and filled as `ziping
 * template --form juesuan --data` does) is picked, read with the CLI's reader, and compared by
 * the core's crossCheck, as `ziping check 自评 --with 决算` compares them.
 */
import "../../support/dom";
import "../../support/picked-file";
import { act, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { crossCheck, templateLocator } from "../../../src/core/check";
import { Dec } from "../../../src/core/money";
import { builtInCrossLinks, defaultForm, type ReportData } from "../../../src/core/spec";
import { findForm } from "../../../src/core/spec/built-in";
import { ChecksTab } from "../../../src/taskpane/tabs/ChecksTab";
import { fieldAddress } from "../../hosts/office/helpers";
import { filledWorkbook } from "../../hosts/xlsx/seed-workbook";
import { edit, renderLive, seed, workbook, type Env } from "./harness";

const juesuanForm = findForm("mof-bumen-juesuan")!;
const juesuan = JSON.parse(readFileSync(join(__dirname, "../../fixtures/cross/juesuan-2020-yueyang-keji.json"), "utf8")) as ReportData;
/** The 决算 with its 基本支出 off by a slip of the pen (781.00 typed as 718.00). */
const slipped: ReportData = { ...juesuan, values: { ...juesuan.values, "expenseDetail.all.basic": "718.00" } };

function renderChecks(env: Env) {
  return renderLive(env.backend, (live, announce) => <ChecksTab backend={env.backend} live={live} announce={announce} onGoToTemplate={jest.fn()} />);
}

async function pick(name: string, bytes: Uint8Array) {
  const user = userEvent.setup();
  // The panel loads after the tab (its own chunk).
  const input = await screen.findByLabelText("选择要核对的另一个工作簿（.xlsx）", {}, { timeout: 10_000 });
  await user.upload(input, new File([bytes as Uint8Array<ArrayBuffer>], name));
}

describe("与另一工作簿核对 on the 校验 tab", () => {
  it("lists where the 决算 disagrees with this 自评, naming both cells, as the core's crossCheck does; a click selects this workbook's cell", async () => {
    const env = await workbook();
    renderChecks(env);
    expect(await screen.findByRole("button", { name: "与另一工作簿核对…" }, { timeout: 10_000 })).toBeTruthy();
    const { bytes } = await filledWorkbook(slipped, { form: juesuanForm, calculated: true });
    await pick("决算.xlsx", bytes);
    const list = await screen.findByTestId("cross-findings", {}, { timeout: 10_000 });

    const here = (await env.backend.session.validate()).data;
    const expected = crossCheck(
      { form: defaultForm, data: here, locate: templateLocator(defaultForm, here), source: "本工作簿" },
      { form: juesuanForm, data: slipped, locate: templateLocator(juesuanForm, slipped), source: "决算.xlsx" },
      builtInCrossLinks,
    );
    expect(expected.findings).toHaveLength(1);
    const [finding] = expected.findings;
    const cards = within(list).getAllByRole("button");
    expect(cards.map((b) => b.dataset.rule)).toEqual([finding.ruleId]);
    expect(cards[0].textContent).toContain(finding.message);
    // Both cells are named, in the officer's words, with the exact difference.
    const difference = new Dec(String(seed.values["expense.all.basic"])).minus(new Dec("718.00"));
    expect(finding.message).toContain(`本工作簿 ${fieldAddress("expense.all.basic")} 为`);
    expect(finding.message).toContain(`决算.xlsx ${templateLocator(juesuanForm, slipped)("expenseDetail.all.basic")} 为718.00万元`);
    expect(finding.message).toContain(`多${difference.toFixed(2)}万元`);
    // A group of its own: not among the live findings' piles.
    expect(list.closest("section[data-category]")).toBeNull();
    // Written as `ziping template` writes it (formulas with their results): nothing left unread.
    expect(screen.queryByTestId("cross-skipped")).toBeNull();

    await userEvent.setup().click(cards[0]);
    await waitFor(() => expect(env.wb.selection?.address).toBe(fieldAddress("expense.all.basic")));
  });

  it("follows this workbook's figures live: corrected here to the 决算's figure, the two agree", async () => {
    const env = await workbook();
    renderChecks(env);
    const { bytes } = await filledWorkbook(slipped, { form: juesuanForm, calculated: true });
    await pick("决算.xlsx", bytes);
    await screen.findByTestId("cross-findings", {}, { timeout: 10_000 });
    const [sheet, cell] = fieldAddress("expense.all.basic").split("!");
    await act(() => edit(env, sheet, cell, "718.00"));
    const agree = await screen.findByTestId("cross-agree");
    expect(agree.textContent).toContain(`比对了 ${builtInCrossLinks[0].pairs.length} 个数字`);
    expect(screen.queryByTestId("cross-findings")).toBeNull();
  });

  it("says so when the other workbook is the same kind of report, and refuses a file that is no ZiPing workbook in one line naming it", async () => {
    const env = await workbook();
    renderChecks(env);
    const { bytes } = await filledWorkbook(seed);
    await pick("另一份自评表.xlsx", bytes);
    expect((await screen.findByTestId("cross-no-link", {}, { timeout: 10_000 })).textContent).toContain("另一份自评表.xlsx 是《");
    await pick("导出.xlsx", new TextEncoder().encode("收入\t1\n"));
    expect((await screen.findByTestId("cross-failure")).textContent).toMatch(/^导出\.xlsx: 不是 Excel 工作簿/);
  });
});
