/** @jest-environment jsdom */
/**
 * The 模板 tab starts from what the workbook holds and follows each new report until the officer
 * edits the form (taken while rendering: the react-hooks rules refuse a setState in an effect).
 */
import { act, render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { createMemoryWorkbook } from "../../src/hosts/memory";
import { createBackend } from "../../src/taskpane/adapters/backend";
import { DICTIONARY } from "../../src/taskpane/i18n";
import { TemplateTab } from "../../src/taskpane/tabs/TemplateTab";

const t = DICTIONARY.zh;

async function workbookWith(dept: string) {
  const wb = createMemoryWorkbook();
  const backend = createBackend(wb.run);
  const preview = await backend.session.previewTemplate({ lists: {}, values: { "report.year": "2020", "report.dept": dept } });
  expect((await backend.session.applyTemplate(preview)).ok).toBe(true);
  return { backend, report: await backend.session.validate() };
}

describe("模板 tab: the form starts from the workbook", () => {
  it("takes year and department from each new report, until the officer types", async () => {
    const first = await workbookWith("岳阳市科学技术局");
    const second = await workbookWith("岳阳市财政局");
    const view = render(<TemplateTab backend={first.backend} report={first.report} announce={() => undefined} />);
    const year = () => screen.getByLabelText(t.yearLabel) as HTMLInputElement;
    const dept = () => screen.getByLabelText(t.deptLabel) as HTMLInputElement;
    expect(year().value).toBe("2020");
    expect(dept().value).toBe("岳阳市科学技术局");

    view.rerender(<TemplateTab backend={first.backend} report={second.report} announce={() => undefined} />);
    expect(dept().value).toBe("岳阳市财政局");

    await act(async () => {
      await userEvent.clear(dept());
      await userEvent.type(dept(), "岳阳市教育局");
    });
    view.rerender(<TemplateTab backend={first.backend} report={first.report} announce={() => undefined} />);
    expect(dept().value).toBe("岳阳市教育局");
  });
});
