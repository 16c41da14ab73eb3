/** @jest-environment jsdom */
import { act, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { scoreReport } from "../../../src/core/score";
import { defaultForm, defaultScoringTable } from "../../../src/core/spec";
import { ChecksTab } from "../../../src/taskpane/tabs/ChecksTab";
import { fieldAddress } from "../../hosts/office/helpers";
import { edit, renderLive, workbook, type Env } from "./harness";

function renderChecks(env: Env) {
  return renderLive(env.backend, (live, announce) => <ChecksTab backend={env.backend} live={live} announce={announce} onGoToTemplate={jest.fn()} />);
}

/** What the core's scoring says about the workbook as the session reads it now. */
async function coreScore(env: Env) {
  const report = await env.backend.session.validate();
  return scoreReport(defaultForm, report.data, defaultScoringTable);
}

const item = (id: string) => screen.getAllByTestId("score-indicator").find((li) => li.dataset.id === id)!;

async function openPanel() {
  const user = userEvent.setup();
  await user.click(await screen.findByRole("button", { name: /绩效评分（建议）/ }, { timeout: 10_000 }));
  await screen.findAllByTestId("score-indicator");
}

describe("绩效评分 panel on the 校验 tab", () => {
  it("is closed at first and, opened, shows each indicator's suggestion and rule as the core scores them", async () => {
    const env = await workbook();
    renderChecks(env);
    const toggle = await screen.findByRole("button", { name: /绩效评分（建议）/ }, { timeout: 10_000 });
    expect(toggle.getAttribute("aria-expanded")).toBe("false");
    expect(screen.queryAllByTestId("score-indicator")).toEqual([]);
    await openPanel();
    const core = await coreScore(env);
    expect(screen.getAllByTestId("score-indicator").map((li) => li.dataset.id)).toEqual(core.indicators.map((r) => r.id));
    for (const r of core.indicators.filter((i) => i.status === "scored")) {
      const li = item(r.id);
      expect(within(li).getByText(`建议 ${r.suggested} 分`)).toBeTruthy();
      expect(within(li).getByText(r.rule!)).toBeTruthy();
      expect(within(li).getByText(r.working!)).toBeTruthy();
    }
    // The seed's 97 against the ceiling the computed indicators leave.
    expect(screen.getByTestId("score-rollup").textContent).toBe(`综合得分 建议不超过 ${core.rollUp.ceiling} 分（${core.rollUp.ceilingGrade}）`);
    expect(screen.getByTestId("score-explanation").textContent).toBe(core.rollUp.explanation);
  });

  it("puts the officer's entered score beside the suggestion and explains the difference, live after an edit", async () => {
    const env = await workbook();
    renderChecks(env);
    await openPanel();
    expect(within(item("budgetAdjust")).getByText("未自评")).toBeTruthy();
    const [sheet, cell] = fieldAddress("perfScores.budgetAdjust.entered").split("!");
    await act(() => edit(env, sheet, cell, "3"));
    const core = await coreScore(env);
    const adjust = core.indicators.find((r) => r.id === "budgetAdjust")!;
    expect(adjust.difference).toBe("自评 3 分，按评分标准建议 0 分（多 3 分）");
    await waitFor(() => expect(within(item("budgetAdjust")).getByText(adjust.difference!)).toBeTruthy());
    expect(within(item("budgetAdjust")).getByText("自评 3 分")).toBeTruthy();
    // An indicator scored as suggested shows no difference.
    const [s2, c2] = fieldAddress("perfScores.staffControl.entered").split("!");
    await act(() => edit(env, s2, c2, "5"));
    await waitFor(() => expect(within(item("staffControl")).getByText("自评 5 分")).toBeTruthy());
    expect(within(item("staffControl")).queryByText(/按评分标准建议/)).toBeNull();
  });
});
