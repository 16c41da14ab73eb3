/** @jest-environment jsdom */
import { act, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describeMissing, narrate, type Narrative } from "../../../src/core/narrative";
import { builtInFigures } from "../../../src/core/score";
import { defaultForm } from "../../../src/core/spec";
import { NarrativeTab } from "../../../src/taskpane/tabs/NarrativeTab";
import { fieldAddress } from "../../hosts/office/helpers";
import { edit, renderLive, workbook, type Env } from "./harness";

function renderNarrative(env: Env) {
  return renderLive(env.backend, (live, announce) => <NarrativeTab backend={env.backend} report={live.report} announce={announce} />);
}

/** The core's narrative of what the workbook holds now, its 绩效 sentences scored as the pane scores them. */
async function coreNarrative(env: Env, options = {}): Promise<Narrative> {
  const data = (await env.backend.session.validate()).data;
  return narrate(defaultForm, data, { ...options, figures: builtInFigures(defaultForm, data) });
}

function paragraphText(id: string): string {
  const article = screen.getAllByTestId("narrative-paragraph").find((a) => a.dataset.paragraph === id)!;
  return article.querySelector("p")!.textContent!;
}

describe("叙述 tab on the in-memory workbook", () => {
  it("shows the core's paragraphs, and for each one it cannot write, the core's list of what is missing", async () => {
    const env = await workbook();
    renderNarrative(env);
    await screen.findAllByTestId("narrative-paragraph");
    const core = await coreNarrative(env);
    expect(core.paragraphs.filter((p) => p.status === "ok").length).toBeGreaterThan(3);
    for (const p of core.paragraphs) {
      const article = screen.getAllByTestId("narrative-paragraph").find((a) => a.dataset.paragraph === p.id)!;
      if (p.status === "ok") expect(paragraphText(p.id)).toBe(p.text);
      else expect(within(article).getAllByRole("listitem").map((li) => li.textContent)).toEqual(p.missing.map(describeMissing));
    }
  });

  it("states the 绩效 indicators with the scoring table's figures (预算调整率为…%，得…分), loaded with the scoring code", async () => {
    const env = await workbook();
    renderNarrative(env);
    await screen.findAllByTestId("narrative-paragraph");
    const data = (await env.backend.session.validate()).data;
    const scored = narrate(defaultForm, data, { figures: builtInFigures(defaultForm, data) }).paragraphs;
    const unscored = narrate(defaultForm, data).paragraphs;
    const sentence = scored.flatMap((p) => p.sentences).find((s) => s.text.includes("预算调整率为"));
    expect(sentence?.text).toMatch(/预算调整率为\d+(\.\d+)?%，得\d+(\.\d+)?分/);
    // Without the figures the core leaves the sentence out: the tab's text is the scored one.
    expect(unscored.flatMap((p) => p.sentences).some((s) => s.id === sentence!.id)).toBe(false);
    expect(document.querySelector(`[data-sentence="${sentence!.id}"]`)?.textContent).toBe(sentence!.text);
    const paragraph = scored.find((p) => p.sentences.includes(sentence!))!;
    expect(paragraphText(paragraph.id)).toBe(paragraph.text);
    expect(screen.queryByText(/未计算（需评分表）/)).toBeNull();
  });

  it("changes one sentence's word from the keyboard, to the core's wording with that word", async () => {
    const env = await workbook();
    const user = userEvent.setup();
    renderNarrative(env);
    const open = (await screen.findAllByRole("button", { name: /^调整用词/ }))[0];
    const article = open.closest("article")!;
    while (document.activeElement !== open) await user.tab();
    await user.keyboard("{Enter}");
    const choice = within(article).getAllByRole("button", { name: "减少" })[0];
    const group = choice.closest("[role=group]")!;
    const before = document.getElementById(group.getAttribute("aria-labelledby")!)!.textContent!;
    while (document.activeElement !== choice) await user.tab();
    await user.keyboard(" ");
    expect(choice.getAttribute("aria-pressed")).toBe("true");

    const withWord = (await coreNarrative(env, { decreaseWord: "减少" })).paragraphs.flatMap((p) => p.sentences);
    const base = (await coreNarrative(env)).paragraphs.flatMap((p) => p.sentences);
    const sentence = base.find((s) => s.text === before)!;
    const after = withWord.find((s) => s.id === sentence.id)!.text;
    expect(after).not.toBe(before);
    expect(article.querySelector(`[data-sentence="${sentence.id}"]`)!.textContent).toBe(after);
    // Only that sentence: the paragraph is the base text with the one sentence swapped.
    const paragraph = (await coreNarrative(env)).paragraphs.find((p) => p.id === article.dataset.paragraph)!;
    expect(paragraphText(paragraph.id)).toBe(paragraph.text.replace(before, after));
  });

  it("follows an edit of the workbook: the sentence using the cell changes", async () => {
    const env = await workbook();
    renderNarrative(env);
    await screen.findAllByTestId("narrative-paragraph");
    const shown = () => document.querySelector('[data-sentence="sangong.perCapita.reception"]')!.textContent;
    const before = shown();
    const [sheet, cell] = fieldAddress("staff.actual").split("!");
    await act(() => edit(env, sheet, cell, "40"));
    const core = await coreNarrative(env);
    const perCapita = core.paragraphs.flatMap((p) => p.sentences).find((s) => s.id === "sangong.perCapita.reception")!;
    expect(perCapita.text).not.toBe(before);
    await waitFor(() => expect(shown()).toBe(perCapita.text));
  });

  it("writes the paragraphs into 报告综述, and says so", async () => {
    const env = await workbook();
    const user = userEvent.setup();
    renderNarrative(env);
    await user.click(await screen.findByRole("button", { name: "插入“报告综述”" }));
    await waitFor(() => expect(screen.getByRole("status").textContent).toBe("已写入“报告综述”。"));
    const written = (await env.backend.session.readNarrative())!.lines.filter(Boolean);
    const core = await coreNarrative(env);
    expect(written).toEqual(core.paragraphs.filter((p) => p.status === "ok").flatMap((p) => [p.title, p.text]));
  });

  it("when the workbook is read-only, says the insert failed, why, and what to do", async () => {
    const env = await workbook();
    env.wb.readOnly = true;
    const user = userEvent.setup();
    renderNarrative(env);
    await user.click(await screen.findByRole("button", { name: "插入“报告综述”" }));
    await waitFor(() => expect(screen.getByRole("status").textContent).toMatch(/^写入“报告综述”失败：工作簿为只读.*请另存为可编辑的副本/));
  });
});
