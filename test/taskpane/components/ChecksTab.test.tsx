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

/** The three piles, as an officer sorts them: data errors, 超支 to explain, the rest. */
function pilesOf(findings: Finding[]) {
  const overspend = (f: Finding) => f.kind === "overspend" || f.kind === "unbudgeted";
  return {
    error: findings.filter((f) => f.severity === "error"),
    overspend: findings.filter((f) => f.severity !== "error" && overspend(f)),
    notice: findings.filter((f) => f.severity !== "error" && !overspend(f)),
  };
}

const asShown = (fs: Finding[]) => fs.map((f) => `${f.ruleId} ${f.cell}`).sort();

/** The pile's section (error, overspend or notice). */
function pile(category: string) {
  return { section: document.querySelector<HTMLElement>(`section[data-category="${category}"]`)! };
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
    const piles = pilesOf(expected);
    expect(screen.getByTestId("findings-summary").textContent).toBe(
      `${piles.error.length} 个错误，${piles.overspend.length} 个超支（需说明），${piles.notice.length} 个提示。点击一项可选中对应单元格。`,
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

  it("separates 错误, 超支（需说明） and 提示 with their counts; 超支 is not in the error red", async () => {
    const env = await workbook();
    renderChecks(env);
    await screen.findByTestId("findings-summary");
    const piles = pilesOf(await coreFindings(env));
    expect(piles.error.length * piles.overspend.length * piles.notice.length, "the 2020 report has all three").toBeGreaterThan(0);
    const headings = screen
      .getAllByRole("heading", { level: 2 })
      .filter((h) => h.closest("section[data-category]"))
      .map((h) => h.textContent);
    expect(headings).toEqual([`▾错误${piles.error.length}`, `▾超支（需说明）${piles.overspend.length}`, `▾提示${piles.notice.length}`]);
    for (const [category, findings] of Object.entries(piles)) {
      const shown = within(pile(category).section).getAllByRole("button").filter((b) => b.hasAttribute("data-rule"));
      expect(shown.map((b) => `${b.dataset.rule} ${within(b).getByText(CELL_TEXT).textContent}`).sort()).toEqual(asShown(findings));
    }
    const tone = (category: string) => pile(category).section.querySelector("h2 [data-tone]")!.getAttribute("data-tone");
    expect(tone("error")).toBe("danger");
    expect(tone("overspend")).not.toBe("danger");
    const cardTones = [...pile("overspend").section.querySelectorAll("[data-rule] [data-tone]")].map((p) => p.getAttribute("data-tone"));
    expect(cardTones.length).toBe(piles.overspend.length);
    expect(cardTones).not.toContain("danger");
  });

  it("names each table once per pile, as the heading of its findings, not on every card", async () => {
    const env = await workbook();
    renderChecks(env);
    await screen.findByTestId("findings-summary");
    const piles = pilesOf(await coreFindings(env));
    const titles = new Map(defaultForm.sheets.flatMap((s) => s.tables.map((t) => [t.id, t.title] as const)));
    for (const [category, findings] of Object.entries(piles)) {
      const tables = [...new Set(findings.map((f) => f.fields[0].replace(/[.[].*$/, "")))];
      const headings = within(pile(category).section).getAllByRole("heading", { level: 3 });
      expect(headings.length).toBe(tables.length);
      for (const id of tables) {
        expect(headings.filter((h) => h.textContent!.replace(/^▾/, "").startsWith(titles.get(id)!)).length, `${category} ${id}`).toBe(1);
      }
      for (const card of within(pile(category).section).getAllByRole("button").filter((b) => b.hasAttribute("data-rule"))) {
        const own = card.closest("section[data-table]")!.getAttribute("data-table")!;
        const cell = within(card).getByText(CELL_TEXT).textContent!;
        expect(card.textContent!.replace(cell, "")).not.toContain(titles.get(own));
      }
    }
  });

  it("collapses and reopens a pile and a table from the keyboard (aria-expanded)", async () => {
    const env = await workbook();
    const user = userEvent.setup();
    renderChecks(env);
    await screen.findByTestId("findings-summary");
    const all = shownFindings();
    const { overspend, error } = pilesOf(await coreFindings(env));
    const toggle = screen.getByRole("button", { name: new RegExp(`^超支（需说明）\\s*${overspend.length}$`), expanded: true });
    expect(toggle.getAttribute("aria-expanded")).toBe("true");
    while (document.activeElement !== toggle) await user.tab();
    await user.keyboard("{Enter}");
    expect(toggle.getAttribute("aria-expanded")).toBe("false");
    expect(shownFindings().sort()).toEqual(all.filter((x) => !asShown(overspend).includes(x)).sort());
    await user.keyboard(" ");
    expect(toggle.getAttribute("aria-expanded")).toBe("true");
    expect(shownFindings().sort()).toEqual([...all].sort());

    const table = within(pile("error").section).getAllByRole("heading", { level: 3 })[0];
    const tableToggle = within(table).getByRole("button");
    await user.click(tableToggle);
    expect(tableToggle.getAttribute("aria-expanded")).toBe("false");
    expect(document.getElementById(tableToggle.getAttribute("aria-controls")!)!.hidden).toBe(true);
    expect(shownFindings().length).toBeLessThan(all.length);
    expect(shownFindings().length).toBeGreaterThanOrEqual(all.length - error.length);
  });

  it("filters by pile with toggle buttons (aria-pressed), all by default", async () => {
    const env = await workbook();
    const user = userEvent.setup();
    renderChecks(env);
    await screen.findByTestId("findings-summary");
    const found = await coreFindings(env);
    const piles = pilesOf(found);
    const filter = within(screen.getByRole("group", { name: "按类别筛选" }));
    expect(filter.getByRole("button", { name: `全部 ${found.length}` }).getAttribute("aria-pressed")).toBe("true");
    const onlyOverspend = filter.getByRole("button", { name: `超支 ${piles.overspend.length}` });
    await user.click(onlyOverspend);
    expect(onlyOverspend.getAttribute("aria-pressed")).toBe("true");
    expect(shownFindings().sort()).toEqual(asShown(piles.overspend));
    await user.click(filter.getByRole("button", { name: `错误 ${piles.error.length}` }));
    expect(shownFindings().sort()).toEqual(asShown(piles.error));
    await user.click(filter.getByRole("button", { name: `全部 ${found.length}` }));
    expect(shownFindings().sort()).toEqual(asShown(found));
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
    const failing = { ...env.backend, session: { ...session, startLiveValidation: () => Promise.reject(new Error("session disposed")) } };
    renderLive(failing, (live, announce) => <ChecksTab backend={failing} live={live} announce={announce} onGoToTemplate={() => undefined} />);
    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toContain("无法开始校验");
    expect(alert.textContent).toContain("请关闭任务窗格后重新打开");
  });
});
