/** @jest-environment jsdom */
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { render } from "@testing-library/react";
import { defaultForm } from "../../../src/core/spec";
import { builtInForms, findForm } from "../../../src/core/spec/built-in";
import { App } from "../../../src/taskpane/App";
import { PaneRoot } from "../../../src/taskpane/mount";
import { TemplateTab } from "../../../src/taskpane/tabs/TemplateTab";
import { fieldAddress } from "../../hosts/office/helpers";
import { renderLive, workbook, type Env } from "./harness";

/** Shown unless inside something hidden (a closed disclosure). */
const shown = (element: HTMLElement) => element.closest("[hidden]") === null;

function renderTemplate(env: Env) {
  return renderLive(env.backend, (live, announce) => <TemplateTab backend={env.backend} report={live.report} announce={announce} />);
}

describe("模板 tab on the in-memory workbook", () => {
  it("asks for year, department and units first; the rest waits under 更多（可稍后填写）with examples", async () => {
    const env = await workbook("blank");
    const user = userEvent.setup();
    renderTemplate(env);
    await screen.findByText(/填写以下信息/);
    for (const label of ["评价年度", "部门（单位）名称", "报告单位（局机关、二级机构…）"]) expect(shown(screen.getByLabelText(label))).toBe(true);
    const later = defaultForm.lists.filter((l) => l.id !== "units");
    expect(later.length).toBeGreaterThan(0);
    for (const list of later) expect(shown(screen.getByLabelText(list.label))).toBe(false);
    expect(shown(screen.getByText("报告中的自称"))).toBe(false);

    const more = screen.getByRole("button", { name: "更多（可稍后填写）" });
    expect(more.getAttribute("aria-expanded")).toBe("false");
    await user.click(more);
    for (const list of later) expect(shown(screen.getByLabelText(list.label))).toBe(true);
    // Each coded list with an example of its own kind: a 功能分类 code is no 经济分类 code.
    const hintOf = (label: string) => screen.getByLabelText(label).closest("div")!.textContent!;
    const functional = later.filter((l) => l.coded && l.label.includes("功能"));
    const economic = later.filter((l) => l.coded && l.label.includes("经济"));
    expect(functional.length * economic.length).toBeGreaterThan(0);
    for (const list of functional) expect(hintOf(list.label)).toContain("如：2010601 行政运行");
    for (const list of economic) expect(hintOf(list.label)).toContain("如：30299 其他商品和服务支出");
  });

  it("lists every built-in form by name and lays out the one the officer picks (the 部门决算 form, loaded when picked)", async () => {
    const juesuan = findForm("mof-bumen-juesuan")!;
    const env = await workbook("blank");
    const user = userEvent.setup();
    render(
      <PaneRoot>
        <App backend={env.backend} />
      </PaneRoot>,
    );
    await user.click(screen.getByRole("tab", { name: /^模板/ }));
    const picker = (await screen.findByLabelText("报表类型")) as HTMLSelectElement;
    expect([...picker.options].map((o) => o.value)).toEqual(builtInForms.map((f) => f.id));
    expect([...picker.options].map((o) => o.textContent)).toEqual(builtInForms.map((f) => f.title));
    expect(picker.value).toBe(defaultForm.id);
    await user.selectOptions(picker, juesuan.id);
    await waitFor(() => expect((screen.getByLabelText("报表类型") as HTMLSelectElement).value).toBe(juesuan.id));
    await user.click(screen.getByRole("button", { name: "预览创建方案" }));
    const plan = await screen.findByTestId("template-plan");
    await user.click(within(plan).getByRole("button", { name: "确认并应用" }));
    await waitFor(() => expect(env.wb.sheetNames()).toEqual(expect.arrayContaining(juesuan.sheets.map((sh) => sh.name))));
    const onlyDefault = defaultForm.sheets.filter((sheet) => !juesuan.sheets.some((m) => m.name === sheet.name));
    expect(onlyDefault.length).toBeGreaterThan(0);
    for (const sheet of onlyDefault) expect(env.wb.sheetNames()).not.toContain(sheet.name);
  });

  it("previews the template without writing, then lays it out with what the officer typed", async () => {
    const env = await workbook("blank");
    const user = userEvent.setup();
    renderTemplate(env);
    await screen.findByText(/填写以下信息，预览将要创建的工作表/);
    await user.type(screen.getByLabelText("部门（单位）名称"), "岳阳市科技局");
    await user.clear(screen.getByLabelText("评价年度"));
    await user.type(screen.getByLabelText("评价年度"), "2020");
    await user.type(screen.getByLabelText("报告单位（局机关、二级机构…）"), "局机关{Enter}科技服务中心");

    // Keyboard: Tab to the preview button, Enter.
    const previewButton = screen.getByRole("button", { name: "预览创建方案" });
    while (document.activeElement !== previewButton) await user.tab();
    await user.keyboard("{Enter}");
    const plan = await screen.findByTestId("template-plan");
    expect(within(plan).getAllByRole("listitem").length).toBeGreaterThan(3);
    expect(env.wb.sheetNames()).toEqual(["Sheet1"]); // nothing written yet

    await user.click(within(plan).getByRole("button", { name: "确认并应用" }));
    await waitFor(() => expect(screen.getByRole("status").textContent).toBe("模板已应用。"));
    expect(env.wb.sheetNames()).toContain("收入");
    expect(env.wb.cell(fieldAddress("report.dept", {})).value).toBe("岳阳市科技局");
    const lists = (await env.backend.session.validate()).data.lists;
    expect(lists.units?.map((u) => u.name)).toEqual(["局机关", "科技服务中心"]);
    // The live report now sees the template: the tab offers to add a unit.
    await screen.findByLabelText("添加报告单位");
  });

  it("adds a reporting unit from the keyboard and keeps what was typed", async () => {
    const env = await workbook();
    const before = (await env.backend.session.validate()).data;
    const user = userEvent.setup();
    renderTemplate(env);
    const input = await screen.findByLabelText("添加报告单位");
    await user.click(input);
    await user.keyboard("新设机构");
    await user.tab();
    expect(document.activeElement).toBe(screen.getByRole("button", { name: "添加" }));
    await user.keyboard(" ");
    await waitFor(() => expect(screen.getByRole("status").textContent).toBe("已添加单位“新设机构”。"));
    const after = (await env.backend.session.validate()).data;
    expect(after.lists.units?.map((u) => u.name)).toEqual([...(before.lists.units ?? []).map((u) => u.name), "新设机构"]);
    expect(after.values["staff.actual"]).toBe(before.values["staff.actual"]);
  });

  it("refuses a unit already in the table, in Chinese", async () => {
    const env = await workbook();
    const existing = (await env.backend.session.validate()).data.lists.units![0].name;
    const user = userEvent.setup();
    renderTemplate(env);
    await user.type(await screen.findByLabelText("添加报告单位"), `${existing}{Tab}{Enter}`);
    await waitFor(() => expect(screen.getByRole("status").textContent).toBe(`「${existing}」已在表中。`));
  });

  it("on a read-only workbook, says that nothing was written, why, and what to do", async () => {
    const env = await workbook("blank");
    env.wb.readOnly = true;
    const user = userEvent.setup();
    renderTemplate(env);
    await user.click(await screen.findByRole("button", { name: "预览创建方案" }));
    const plan = await screen.findByTestId("template-plan");
    await user.click(within(plan).getByRole("button", { name: "确认并应用" }));
    await waitFor(() => expect(screen.getByRole("status").textContent).toBe("模板未能应用。"));
    const result = screen.getByText("模板未能应用。", { selector: "strong" }).closest("[data-intent]")!;
    expect(result.getAttribute("data-intent")).toBe("error");
    expect(result.textContent).toContain("工作簿为只读");
    expect(result.textContent).toContain("请另存为可编辑的副本或取消只读后再试");
    expect(env.wb.sheetNames()).toEqual(["Sheet1"]);
  });
});
