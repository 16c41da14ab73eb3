/** @jest-environment jsdom */
/**
 * A workbook laid out with another built-in form opens in the pane on that form: the first
 * check reads the template's ZIPING_FORM marker in the same two syncs it always takes.
 */
import "../../support/dom";
import { render, screen, waitFor } from "@testing-library/react";
import { readFileSync } from "fs";
import { join } from "path";
import { checkReport } from "../../../src/core/check";
import { narrate } from "../../../src/core/narrative";
import { defaultForm, type ReportData } from "../../../src/core/spec";
import { findForm } from "../../../src/core/spec/built-in";
import { App } from "../../../src/taskpane/App";
import { PaneRoot } from "../../../src/taskpane/mount";
import { layOut, typeReport } from "../../hosts/office/helpers";
import { workbook } from "./harness";

// 合成数据（非公开报告）: the nine 公开表 with errors planted (see its source.note).
const planted = (): ReportData => JSON.parse(readFileSync(join(__dirname, "../../fixtures/juesuan/planted-complete-2024.json"), "utf8"));
const juesuan = findForm("mof-bumen-juesuan")!;

/** The in-memory workbook with the 部门决算 template laid out and the planted report typed in. */
async function juesuanWorkbook() {
  const env = await workbook("blank");
  const data = planted();
  await layOut(env.backend.forForm(juesuan).session, data.lists);
  typeReport(env.wb, data, juesuan);
  await env.wb.settle();
  return { env, data };
}

describe("the pane opens on the form the workbook holds", () => {
  it("the first check reads the form marker within its two syncs", async () => {
    const { env } = await juesuanWorkbook();
    expect(env.backend.session.form.id).toBe(defaultForm.id);
    const before = { ...env.wb.stats };
    const report = await env.backend.session.validate();
    expect(report.formMarker).toEqual({ id: juesuan.id, version: juesuan.version });
    expect(report.syncs).toBe(2);
    expect(env.wb.stats.readSyncs - before.readSyncs).toBe(2);
  });

  it("a 部门决算 workbook: 校验 shows that form's findings and 叙述 its paragraphs", async () => {
    const { env, data } = await juesuanWorkbook();
    expect(juesuan.id).not.toBe(defaultForm.id);
    render(
      <PaneRoot>
        <App backend={env.backend} />
      </PaneRoot>,
    );
    const core = checkReport(juesuan, data);
    const errors = core.findings.filter((f) => f.severity === "error");
    // The planted errors (公开05表 201类合计, 公开03表合计行 …) are found.
    expect(errors.length).toBeGreaterThan(1);
    await waitFor(() => {
      const shown = [...document.querySelectorAll<HTMLElement>("#panel-checks [data-rule][data-severity=error]")].map((b) => b.dataset.rule);
      expect(new Set(shown)).toEqual(new Set(errors.map((f) => f.ruleId)));
      // The 校验 tab's lazy panels compile on first use under ts-jest, which can hold the switch past a second.
    }, { timeout: 10_000 });
    const paragraphs = narrate(juesuan, data).paragraphs.map((p) => p.id);
    await waitFor(() =>
      expect(screen.getAllByTestId("narrative-paragraph").map((a) => a.dataset.paragraph)).toEqual(paragraphs),
    );
    expect(paragraphs).not.toEqual(narrate(defaultForm, data).paragraphs.map((p) => p.id));
  });
});
