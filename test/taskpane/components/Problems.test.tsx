/** @jest-environment jsdom */
import { act, render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import type { LayoutProblem } from "../../../src/hosts/office";
import { Problems } from "../../../src/taskpane/components/Problems";
import { PaneRoot } from "../../../src/taskpane/mount";
import { ChecksTab } from "../../../src/taskpane/tabs/ChecksTab";
import { fieldAddress } from "../../hosts/office/helpers";
import { edit, renderLive, workbook } from "./harness";

describe("layout problems and their repair", () => {
  it("lists what the host found after the officer deletes a sheet, and repairs it from the keyboard", async () => {
    const env = await workbook();
    const user = userEvent.setup();
    renderLive(env.backend, (live, announce) => (
      <ChecksTab backend={env.backend} live={live} announce={announce} onGoToTemplate={() => undefined} />
    ));
    await screen.findByTestId("findings-summary");
    expect(screen.queryByText("模板结构有问题")).toBeNull();

    await act(async () => {
      env.wb.userDeleteSheet("收入");
      await env.wb.settle();
      env.timers.fire();
    });
    // A deleted sheet raises no change event on the other sheets: the next edit brings the check.
    const [sheet, cell] = fieldAddress("staff.actual").split("!");
    await act(() => edit(env, sheet, cell, "39"));
    const expected = (await env.backend.session.validate()).problems.filter((p) => p.code !== "noTemplate");
    expect(expected.map((p) => p.code)).toContain("sheetMissing");
    const title = await screen.findByText("模板结构有问题");
    const box = title.closest("[data-intent]")!;
    for (const p of expected) expect(box.textContent).toContain(p.message);

    const repair = screen.getByRole("button", { name: "修复模板结构" });
    while (document.activeElement !== repair) await user.tab();
    await user.keyboard("{Enter}");
    await waitFor(() => expect(screen.getByRole("status").textContent).toMatch(/^已修复 \d+ 处。/));
    expect(env.wb.sheetNames()).toContain("收入");
    await waitFor(() => expect(screen.queryByText("模板结构有问题")).toBeNull());
  });

  it("shows nothing for a workbook without the template (that is the 模板 tab's business)", async () => {
    const env = await workbook("blank");
    const problems: LayoutProblem[] = [{ code: "noTemplate", message: "没有模板", repairable: false }];
    render(
      <PaneRoot>
        <Problems problems={problems} session={env.backend.session} announce={() => undefined} />
      </PaneRoot>,
    );
    expect(screen.queryByText("模板结构有问题")).toBeNull();
  });

  it("offers no repair for a problem it cannot fix", async () => {
    const env = await workbook("blank");
    const problems: LayoutProblem[] = [{ code: "readOnly", message: "工作簿为只读，无法创建模板。请另存为可编辑的副本或取消只读后再试；校验仍可照常进行。", repairable: false }];
    render(
      <PaneRoot>
        <Problems problems={problems} session={env.backend.session} announce={() => undefined} />
      </PaneRoot>,
    );
    expect(screen.getByText(problems[0].message)).toBeTruthy();
    expect(screen.queryByRole("button", { name: "修复模板结构" })).toBeNull();
  });
});
