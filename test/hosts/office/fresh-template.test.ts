import { buildLayoutPlan, CHECK_SHEET_ID, CHECK_SHEET_NAME } from "../../../src/core/plan";
import { defaultForm } from "../../../src/core/spec";
import { fieldAddress, setup } from "./helpers";

describe("a template laid out by the pane", () => {
  it("writes the year typed in the form as a number, so the fresh workbook has no text-in-number cell, and is 尚未填写", async () => {
    const { wb, session } = setup();
    const preview = await session.previewTemplate({ values: { "report.year": "2025", "report.dept": "某局" } });
    expect((await session.applyTemplate(preview)).ok).toBe(true);
    expect(wb.cell(fieldAddress("report.year", {})).value).toBe(2025);
    const report = await session.validate();
    expect(report.textNumbers).toEqual([]);
    expect(report.state).toBe("unfilled");
  });

  it("puts an autofilter on the 校验 sheet's header and rule rows", async () => {
    const { wb, session } = setup();
    await session.applyTemplate(await session.previewTemplate({}));
    const { autoFilter } = buildLayoutPlan(defaultForm, {}).sheets.find((s) => s.id === CHECK_SHEET_ID)!;
    expect(wb.autoFilter(CHECK_SHEET_NAME)).toBe(`B${autoFilter!.top}:H${autoFilter!.bottom}`);
  });
});
