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
});
