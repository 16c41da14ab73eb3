/** @jest-environment jsdom */
import { act, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { checkReport, type Finding } from "../../../src/core/check";
import { defaultForm } from "../../../src/core/spec";
import { createZiPingSession } from "../../../src/hosts/office";
import { MemoryOfficeError } from "../../../src/hosts/memory";
import { ChecksTab } from "../../../src/taskpane/tabs/ChecksTab";
import { fieldAddress } from "../../hosts/office/helpers";
import { edit, renderLive, workbook, type Env } from "./harness";

/** What the core finds in the workbook as it is now (the session reads, the core checks). */
async function coreFindings(env: Env): Promise<Finding[]> {
  const report = await env.backend.session.validate();
  return checkReport(defaultForm, report.data).findings;
}

/** A finding's cell as the card shows it, on its own (收入!B7): messages may name cells too. */
const CELL_TEXT = /^[^\s，、]+![A-Z]+\d+(?::[A-Z]+\d+)?$/;

/** The findings the tab lists, as rule and cell. */
function shownFindings(): string[] {
  return screen.queryAllByRole("button").filter((b) => b.hasAttribute("data-rule")).map((b) => `${b.dataset.rule} ${within(b).getByText(CELL_TEXT).textContent}`);
}

function renderChecks(env: Env, onGoToTemplate = jest.fn()) {
  return renderLive(env.backend, (live, announce) => (
    <ChecksTab backend={env.backend} live={live} announce={announce} onGoToTemplate={onGoToTemplate} />
  ));
}

describe("校验 tab on the in-memory workbook", () => {
  it("lists exactly the core's findings for the 2020 report, with the core's counts", async () => {
    const env = await workbook();
    renderChecks(env);
    await screen.findByTestId("findings-summary");
    const expected = await coreFindings(env);
    expect(expected.length).toBeGreaterThan(3);
    expect(shownFindings().sort()).toEqual(expected.map((f) => `${f.ruleId} ${f.cell}`).sort());
    const count = (s: Finding["severity"]) => expected.filter((f) => f.severity === s).length;
    expect(screen.getByTestId("findings-summary").textContent).toBe(
      `${count("error")} 个错误，${count("warning")} 个超支或警告，${count("info")} 个提示。点击一项可选中对应单元格。`,
    );
  });

  it("updates the list after the officer edits a cell", async () => {
    const env = await workbook();
    renderChecks(env);
    await screen.findByTestId("findings-summary");
    const before = shownFindings();
    // 实有人数 39 → 40: the headcount finding of the report goes away (whatever the core now says).
    const [sheet, cell] = fieldAddress("staff.actual").split("!");
    await act(() => edit(env, sheet, cell, "40"));
    const expected = await coreFindings(env);
    await waitFor(() => expect(shownFindings().sort()).toEqual(expected.map((f) => `${f.ruleId} ${f.cell}`).sort()));
    expect(shownFindings()).not.toEqual(before);
  });

  it("selects a finding's cell from the keyboard (Tab, then Enter or Space) and says so", async () => {
    const env = await workbook();
    const user = userEvent.setup();
    renderChecks(env);
    await screen.findByTestId("findings-summary");
    const first = screen.getAllByRole("button").find((b) => b.hasAttribute("data-rule"))!;
    const cell = within(first).getByText(CELL_TEXT).textContent!;
    while (document.activeElement !== first) await user.tab();
    await user.keyboard("{Enter}");
    await waitFor(() => expect(screen.getByRole("status").textContent).toBe(`已选中 ${cell}`));
    expect(`${env.wb.selection?.sheet}!${env.wb.selection?.address}`.replace(/\$/g, "")).toContain(cell.split("!")[1]);

    const second = screen.getAllByRole("button").filter((b) => b.hasAttribute("data-rule"))[1];
    const secondCell = within(second).getByText(CELL_TEXT).textContent!;
    while (document.activeElement !== second) await user.tab();
    await user.keyboard(" ");
    await waitFor(() => expect(screen.getByRole("status").textContent).toBe(`已选中 ${secondCell}`));
  });

  it.each([
    ["zh", "尚未填写", "表中还没有可校验的数字", "全部通过"],
    ["en", "Nothing filled in yet", "The tables hold no figures to check yet", "All checks pass"],
  ])("on the empty template (%s), says 尚未填写 rather than 全部通过", async (lang, title, body, allPass) => {
    localStorage.setItem("ziping.lang", lang);
    try {
      const env = await workbook("template");
      const report = await env.backend.session.validate();
      expect(report.state, "the core calls the empty template unfilled").toBe("unfilled");
      renderChecks(env);
      const notice = await screen.findByTestId("unfilled");
      expect(notice.textContent).toContain(title);
      expect(notice.textContent).toContain(body);
      expect(document.body.textContent).not.toContain(allPass);
      expect(screen.queryByTestId("all-pass")).toBeNull();
    } finally {
      localStorage.removeItem("ziping.lang");
    }
  });

  it("on a workbook without the template, says so and offers the way to 模板", async () => {
    const env = await workbook("blank");
    const goTo = jest.fn();
    const user = userEvent.setup();
    renderChecks(env, goTo);
    const notice = await screen.findByTestId("no-template");
    expect(notice.textContent).toContain("此工作簿还没有自评表模板");
    await user.click(within(notice).getByRole("button", { name: "去创建模板" }));
    expect(goTo).toHaveBeenCalled();
  });

  it("when Excel fails every read, shows the Office error in Chinese with what to do", async () => {
    const env = await workbook("blank", () => (() => Promise.reject(new MemoryOfficeError("GeneralException", "An internal error has occurred."))) as never);
    renderChecks(env);
    const problems = await screen.findByText("模板结构有问题");
    const box = problems.closest("[data-intent]")!;
    expect(box.textContent).toContain("读取工作簿时 Excel 报错（错误代码 GeneralException）");
    expect(box.textContent).toContain("可稍后重试");
  });

  it("when live checking cannot start at all, says so in Chinese with what to do", async () => {
    const env = await workbook("blank");
    const session = createZiPingSession(env.wb.run, { narrate: null });
    const failing = { session: { ...session, startLiveValidation: () => Promise.reject(new Error("session disposed")) } };
    renderLive(failing, (live, announce) => <ChecksTab backend={failing} live={live} announce={announce} onGoToTemplate={() => undefined} />);
    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toContain("无法开始校验");
    expect(alert.textContent).toContain("请关闭任务窗格后重新打开");
  });
});
