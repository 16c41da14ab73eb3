/** @jest-environment jsdom */
/**
 * 报告正文 in the 叙述 tab on the in-memory workbook: the outline's sections with their prose
 * fields and ZiPing's paragraphs, saved into the sheet's cells from the keyboard, the ask before
 * replacing what the officer changed in the sheet meanwhile, and last year's drafts marked
 * 沿用上年 until edited.
 */
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { narrate } from "../../../src/core/narrative";
import { PRIOR_DRAFT_MARK } from "../../../src/core/prior/carry";
import { builtInFigures } from "../../../src/core/score";
import { defaultForm } from "../../../src/core/spec";
import { ReportTextPanel } from "../../../src/taskpane/components/ReportTextPanel";
import { fieldAddress } from "../../hosts/office/helpers";
import { renderLive, workbook, type Env } from "./harness";

function cellOf(id: string): { sheet: string; local: string } {
  const m = /^'?(.+?)'?!(.+)$/.exec(fieldAddress(id))!;
  return { sheet: m[1], local: m[2] };
}

function renderPanel(env: Env) {
  return renderLive(env.backend, (live, announce) => live.report && <ReportTextPanel backend={env.backend} data={live.report.data} announce={announce} />);
}

/** Opens the panel from the keyboard (Tab to its heading, Enter) and waits for the editor. */
let opening: { read: number; write: number } | undefined;
async function openPanel(user: ReturnType<typeof userEvent.setup>, env?: Env) {
  const toggle = await screen.findByRole("button", { name: /^.?报告正文/ }, { timeout: 15_000 });
  while (document.activeElement !== toggle) await user.tab();
  const before = env && { ...env.wb.stats };
  await user.keyboard("{Enter}");
  const editor = await screen.findByTestId("report-text", {}, { timeout: 15_000 });
  if (env && before) opening = { read: env.wb.stats.readSyncs - before.readSyncs, write: env.wb.stats.writeSyncs - before.writeSyncs };
  return editor;
}

/** Focuses a control by Tab presses only, as a keyboard user reaches it. */
async function tabTo(user: ReturnType<typeof userEvent.setup>, target: HTMLElement) {
  for (let i = 0; i < 200 && document.activeElement !== target; i++) await user.tab();
  expect(document.activeElement).toBe(target);
}

/**
 * The editor open on a fresh workbook, then 存在的主要问题 changed in the sheet behind the pane's
 * back, and the pane's own text typed into it (and into `also`, a field without a conflict).
 */
async function conflicted(also?: string) {
  const env = await workbook();
  const user = userEvent.setup();
  renderPanel(env);
  const editor = await openPanel(user);
  const { sheet, local } = cellOf("reportProse.problems");
  env.wb.userEdit(sheet, local, [["在工作表中写的问题"]]);
  await user.type(within(editor).getByLabelText("存在的主要问题"), "窗格中写的问题");
  if (also) await user.type(within(editor).getByLabelText(also), "窗格中写的措施");
  await user.click(within(editor).getByRole("button", { name: `保存到工作簿（${also ? 2 : 1} 处修改）` }));
  return { env, user, editor };
}

describe("报告正文 in the pane", () => {
  it("lists the 2020 outline's sections in order, each prose field labelled, and narrate's paragraphs read-only under 五", async () => {
    const env = await workbook();
    const user = userEvent.setup();
    renderPanel(env);
    const editor = await openPanel(user, env);
    // The editor's read of every prose field: one sync, nothing written.
    expect(opening).toEqual({ read: 1, write: 0 });
    const headings = within(editor).getAllByRole("heading", { level: 3 }).map((h) => h.textContent);
    expect(headings).toEqual(["封面", ...defaultForm.report!.sections.map((s) => s.heading)]);
    for (const label of ["预算编码", "评价方式", "评价机构", "报告日期", "部门整体支出的管理状况", "存在的主要问题", "改进措施和建议", "部门（单位）意见"]) {
      expect(within(editor).getByLabelText(label)).toBeTruthy();
    }
    expect(within(editor).getByLabelText("存在的主要问题").tagName).toBe("TEXTAREA");
    const data = (await env.backend.session.validate()).data;
    const paragraphs = narrate(defaultForm, data, { figures: builtInFigures(defaultForm, data) }).paragraphs.filter((p) => p.status === "ok");
    await waitFor(() => expect(within(editor).getAllByTestId("report-generated").length).toBeGreaterThan(0));
    const shown = within(editor).getAllByTestId("report-generated").flatMap((g) => [...g.querySelectorAll("p")].map((p) => p.textContent));
    expect(shown).toEqual(paragraphs.map((p) => p.text));
    // Read-only: the generated text is not in any input.
    expect(editor.querySelectorAll("textarea, input").length).toBeGreaterThan(8);
    for (const p of paragraphs) expect([...editor.querySelectorAll("textarea")].some((t) => t.value === p.text)).toBe(false);
  }, 60_000);

  it("saves what the officer typed into the sheet's cells, from the keyboard, as text", async () => {
    const env = await workbook();
    const user = userEvent.setup();
    renderPanel(env);
    const editor = await openPanel(user);
    const problems = within(editor).getByLabelText("存在的主要问题");
    await tabTo(user, problems);
    await user.keyboard("一是预算编制不够细化。{Enter}二是绩效目标不够具体。");
    const code = within(editor).getByLabelText("预算编码");
    await tabTo(user, code);
    await user.keyboard("=406001");
    const save = within(editor).getByRole("button", { name: "保存到工作簿（2 处修改）" });
    await tabTo(user, save);
    const before = { ...env.wb.stats };
    await user.keyboard("{Enter}");
    await waitFor(() => expect(screen.getByRole("status").textContent).toBe("已保存 2 处报告正文。"));
    // Both fields in one write batch.
    expect(env.wb.stats.writeSyncs - before.writeSyncs).toBe(1);
    expect(env.wb.cell(fieldAddress("reportProse.problems")).value).toBe("一是预算编制不够细化。\n二是绩效目标不够具体。");
    expect(env.wb.cell(fieldAddress("reportCover.budgetCode")).value).toBe("=406001");
    expect(env.wb.cell(fieldAddress("reportCover.budgetCode")).formula).toBeUndefined();
    expect(within(editor).getByRole("button", { name: "没有未保存的修改" })).toHaveProperty("disabled", true);
  }, 60_000);

  it("asks before replacing a cell the officer changed in the sheet after the pane read it, and writes nothing until asked", async () => {
    const { env, user } = await conflicted("改进措施和建议");
    const dialog = await screen.findByRole("alertdialog", { name: "工作表中的内容已改动" });
    expect(dialog.textContent).toContain("存在的主要问题");
    expect(dialog.textContent).toContain("在工作表中写的问题");
    // Nothing written, not even the field without a conflict.
    expect(env.wb.cell(fieldAddress("reportProse.problems")).value).toBe("在工作表中写的问题");
    expect(env.wb.cell(fieldAddress("reportProse.improvements")).text).toBe("");

    const overwrite = within(dialog).getByRole("button", { name: "用窗格中的文字覆盖" });
    await tabTo(user, overwrite);
    await user.keyboard("{Enter}");
    await waitFor(() => expect(screen.getByRole("status").textContent).toBe("已保存 2 处报告正文。"));
    expect(env.wb.cell(fieldAddress("reportProse.problems")).value).toBe("窗格中写的问题");
    expect(env.wb.cell(fieldAddress("reportProse.improvements")).value).toBe("窗格中写的措施");
  }, 60_000);

  it("keeps the sheet's text when the officer chooses it, and the pane then shows it", async () => {
    const { env, user, editor } = await conflicted();
    const dialog = await screen.findByRole("alertdialog");
    await user.click(within(dialog).getByRole("button", { name: "保留工作表中的内容" }));
    expect((within(editor).getByLabelText("存在的主要问题") as HTMLTextAreaElement).value).toBe("在工作表中写的问题");
    expect(env.wb.cell(fieldAddress("reportProse.problems")).value).toBe("在工作表中写的问题");
    expect(within(editor).getByRole("button", { name: "没有未保存的修改" })).toBeTruthy();
  }, 60_000);

  it("marks last year's drafts 沿用上年 until edited or kept, and saves them without the mark", async () => {
    const env = await workbook();
    for (const [id, text] of [["reportProse.management", "上年的管理状况。"], ["reportProse.problems", "上年的问题。"]]) {
      const { sheet, local } = cellOf(id);
      env.wb.userEdit(sheet, local, [[`${PRIOR_DRAFT_MARK}${text}`]]);
    }
    const user = userEvent.setup();
    renderPanel(env);
    const editor = await openPanel(user);
    const management = within(editor).getByLabelText("部门整体支出的管理状况") as HTMLTextAreaElement;
    expect(management.value).toBe("上年的管理状况。");
    expect(within(editor).getAllByText("沿用上年")).toHaveLength(2);
    expect(management.getAttribute("aria-describedby")).toBeTruthy();

    // Edited: the mark goes.
    await tabTo(user, management);
    await user.keyboard("{End}本年有所改进。");
    expect(within(editor).getAllByText("沿用上年")).toHaveLength(1);
    // Kept as it was: the mark goes too.
    const keep = within(editor).getByRole("button", { name: "确认沿用（存在的主要问题）" });
    await tabTo(user, keep);
    await user.keyboard("{Enter}");
    expect(within(editor).queryAllByText("沿用上年")).toHaveLength(0);

    await user.click(within(editor).getByRole("button", { name: "保存到工作簿（2 处修改）" }));
    await waitFor(() => expect(screen.getByRole("status").textContent).toBe("已保存 2 处报告正文。"));
    expect(env.wb.cell(fieldAddress("reportProse.management")).value).toBe("上年的管理状况。本年有所改进。");
    expect(env.wb.cell(fieldAddress("reportProse.problems")).value).toBe("上年的问题。");
  }, 60_000);

  it("follows the 报告格式 the officer picks: the 2025 outline's ten sections", async () => {
    const env = await workbook();
    const user = userEvent.setup();
    renderPanel(env);
    const editor = await openPanel(user);
    await user.selectOptions(within(editor).getByLabelText("报告格式"), "2025");
    const headings = within(editor).getAllByRole("heading", { level: 3 }).map((h) => h.textContent);
    expect(headings.slice(1)).toEqual(defaultForm.reportChoice!.outlines.find((o) => o.id === "2025")!.sections.map((s) => s.heading));
    expect(within(editor).getByRole("textbox", { name: "七、存在的问题及原因分析" }).tagName).toBe("TEXTAREA");
  }, 60_000);
});
