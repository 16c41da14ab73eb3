import { buildLayoutPlan } from "../../../src/core/plan";
import { scoringLayout } from "../../../src/core/plan/score-sheet";
import { builtInScoringTable, defaultForm } from "../../../src/core/spec";
import { layOut, seed, setup } from "./helpers";

/** ExcelApi versions compared as numbers: 1.13 is above 1.9. */
const upTo = (max: number) => (version: string) => {
  const [a, b] = version.split(".").map(Number);
  const [c, d] = String(max).split(".").map(Number);
  return a < c || (a === c && b <= d);
};

describe("the Office host's page setup (Worksheet.pageLayout, ExcelApi 1.9)", () => {
  const plan = buildLayoutPlan(defaultForm, seed.lists, { scoring: scoringLayout(builtInScoringTable(defaultForm.id)!) });

  it("applies each sheet's page setup from the plan where the host has ExcelApi 1.9", async () => {
    const { wb, session } = setup({ apiSupport: upTo(1.9) });
    await layOut(session);
    for (const sheet of plan.sheets) {
      const page = sheet.page!;
      const set = wb.pageLayout(sheet.name);
      expect(set?.settings, sheet.name).toMatchObject({
        paperSize: "A4",
        orientation: page.orientation === "landscape" ? "Landscape" : "Portrait",
        zoom: { horizontalFitToPages: 1, verticalFitToPages: 0 },
        blackAndWhite: true,
        headersFooters: { defaultForAllPages: { centerFooter: "第 &P 页 共 &N 页" } },
      });
      expect(set?.printTitleRows, sheet.name).toBe(page.titleRows ? `$${page.titleRows.top}:$${page.titleRows.bottom}` : undefined);
      expect(set?.printArea).toMatch(/^A1:[A-Z]+\d+$/);
    }
    expect(wb.pageLayout("收入")?.settings.orientation).toBe("Landscape");
  });

  it("leaves page setup alone on a host with only the manifest's ExcelApi 1.7 (Excel 2016)", async () => {
    const { wb, session } = setup({ apiSupport: upTo(1.7) });
    await layOut(session);
    for (const sheet of plan.sheets) expect(wb.pageLayout(sheet.name), sheet.name).toBeUndefined();
  });
});
