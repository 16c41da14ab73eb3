/** @jest-environment jsdom */
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { planImport } from "../../../src/core/importer";
import { defaultForm, type ReportData } from "../../../src/core/spec";
import { ImportTab } from "../../../src/taskpane/tabs/ImportTab";
import { renderLive, seed, workbook, type Env } from "./harness";

const incomeExport = readFileSync(join(__dirname, "../../fixtures/exports/income-yuan.tsv"), "utf8");

function renderImport(env: Env) {
  return renderLive(env.backend, (live, announce) => <ImportTab backend={env.backend} report={live.report} announce={announce} />);
}

/** Pastes the export and asks for the plan from the keyboard (Tab to the button, Enter). */
async function pasteAndPlan(user: ReturnType<typeof userEvent.setup>, text: string) {
  await user.click(screen.getByLabelText("粘贴导出的表格"));
  await user.paste(text);
  const makePlan = screen.getByRole("button", { name: "生成导入方案" });
  await waitFor(() => expect((makePlan as HTMLButtonElement).disabled).toBe(false));
  while (document.activeElement !== makePlan) await user.tab();
  await user.keyboard("{Enter}");
  return screen.findByTestId("import-plan");
}

/** The template with only 局机关 and nothing typed: the export's second unit is new. */
const oneUnit: ReportData = { ...seed, lists: { ...seed.lists, units: [{ name: "局机关" }] }, values: {} };

describe("导入 tab on the in-memory workbook", () => {
  it("plans the core's writes, adds the new unit, writes every figure and says how many", async () => {
    const env = await workbook(oneUnit);
    const reference = (await env.backend.session.validate()).data;
    const expected = planImport(incomeExport, { form: defaultForm, reference });
    expect(expected.listAdds.map((a) => a.entry.name)).toEqual(["科技信息管理办公室"]);
    const user = userEvent.setup();
    renderImport(env);

    const plan = await pasteAndPlan(user, incomeExport);
    expect(within(plan).getByTestId("import-writes").querySelectorAll("tbody tr")).toHaveLength(expected.writes.length);
    expect(plan.textContent).toContain("将新增：科技信息管理办公室");
    expect(screen.getByRole("status").textContent).toBe(`导入方案：写入 ${expected.writes.length} 格，未导入 ${expected.rejects.length} 项。`);

    await user.click(screen.getByRole("button", { name: `确认导入（${expected.writes.length} 格）` }));
    await waitFor(() => expect(screen.getByRole("status").textContent).toMatch(/^导入完成/));
    const after = (await env.backend.session.validate()).data;
    expect(after.lists.units?.map((u) => u.name)).toEqual(["局机关", "科技信息管理办公室"]);
    expect(screen.getByRole("status").textContent).toBe(`导入完成：写入 ${expected.writes.length} 格，未写入 0 项。`);
    for (const w of expected.writes) {
      const value = after.values[w.fieldId];
      const text = value !== null && typeof value === "object" ? value.value : value;
      expect([w.fieldId, Number(text)]).toEqual([w.fieldId, Number(w.converted ?? w.value)]);
    }
  });

  it("after applying, lists the findings the import brought and the ones it resolved (by rule and cell)", async () => {
    // The seed with one 收入 figure mistyped (two findings): the export's figure resolves them;
    // its 收入合计 column, against the seed's typed totals, may bring others.
    const env = await workbook({ ...seed, values: { ...seed.values, "income.unit[1].fiscal": "1" } });
    const before = (await env.backend.session.validate()).findings;
    const user = userEvent.setup();
    renderImport(env);
    const plan = await pasteAndPlan(user, incomeExport);
    await user.click(within(plan.parentElement!).getByRole("button", { name: /^确认导入/ }));
    await waitFor(() => expect(screen.getByRole("status").textContent).toMatch(/^导入完成/));
    env.timers.fire();
    const after = (await env.backend.session.validate()).findings;
    const key = (f: { ruleId: string; cell: string }) => `${f.ruleId}@${f.cell}`;
    const added = after.filter((f) => !before.some((b) => key(b) === key(f))).map(key);
    const resolved = before.filter((f) => !after.some((a) => key(a) === key(f))).map(key);
    expect(resolved.length).toBeGreaterThan(0);
    const changes = await screen.findByTestId("import-changes");
    await waitFor(() => expect(within(changes).queryByTestId("import-resolved")).not.toBeNull());
    const shownResolved = [...within(changes).getByTestId("import-resolved").querySelectorAll("li")].map((li) => li.textContent!);
    expect(shownResolved).toHaveLength(resolved.length);
    for (const k of resolved) expect(shownResolved.some((text) => text.startsWith(k.split("@")[1]))).toBe(true);
    const shownAdded = [...(within(changes).queryByTestId("import-added")?.querySelectorAll("button[data-rule]") ?? [])].map(
      (b) => `${b.getAttribute("data-rule")}@${b.querySelector("span span:last-child")!.textContent}`,
    );
    expect(shownAdded.sort()).toEqual(added.sort());
  });

  it("marks a figure the workbook already holds as the same", async () => {
    const env = await workbook(oneUnit);
    const user = userEvent.setup();
    renderImport(env);
    const first = await pasteAndPlan(user, incomeExport);
    await user.click(within(first.parentElement!).getByRole("button", { name: /^确认导入/ }));
    await waitFor(() => expect(screen.getByRole("status").textContent).toMatch(/^导入完成/));
    // The same export again: every figure is already in its cell (a number there, a decimal text in the plan).
    const again = await pasteAndPlan(user, incomeExport);
    const notes = [...within(again).getByTestId("import-writes").querySelectorAll("tbody tr td:last-child")].map((td) => td.textContent!);
    expect(notes.length).toBeGreaterThan(5);
    for (const note of notes) expect(note).toMatch(/（与现值相同）$/);
  });

  it("on a read-only workbook, says what was not written, why, and what to do", async () => {
    const env = await workbook("template");
    const user = userEvent.setup();
    renderImport(env);
    const plan = await pasteAndPlan(user, incomeExport);
    env.wb.readOnly = true;
    await user.click(within(plan.parentElement!).getByRole("button", { name: /^确认导入/ }));
    await waitFor(() => expect(screen.getByRole("status").textContent).toMatch(/^导入完成：写入 0 格/));
    const outcome = screen.getByText(/^导入完成/, { selector: "div" });
    expect(outcome.textContent).toContain("工作簿为只读");
    expect(outcome.textContent).toContain("请另存为可编辑的副本或取消只读后再试");
  });

  it("says in Chinese when a paste holds nothing it can place", async () => {
    const env = await workbook("template");
    const user = userEvent.setup();
    renderImport(env);
    const plan = await pasteAndPlan(user, "随便写的一段话\n没有表格");
    expect((within(plan.parentElement!).getByRole("button", { name: /^确认导入/ }) as HTMLButtonElement).disabled).toBe(true);
    expect(within(plan).getByTestId("import-rejects").textContent).toMatch(/[\u4e00-\u9fff]/);
  });
});
