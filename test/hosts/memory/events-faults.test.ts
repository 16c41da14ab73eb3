import { createMemoryWorkbook } from "../../../src/hosts/memory";

describe("memory host: onChanged events", () => {
  it("raises onChanged with the changed address for the user's edits and, flagged, for the add-in's own writes", async () => {
    const wb = createMemoryWorkbook(["收入"]);
    const seen: Array<{ address: string; changeType: string; triggerSource?: string }> = [];
    await wb.run(async (context) => {
      context.workbook.worksheets.getItem("收入").onChanged.add(async (e) => {
        seen.push({ address: e.address, changeType: e.changeType, triggerSource: e.triggerSource });
      });
      await context.sync();
    });
    wb.userEdit("收入", "C7:D7", [["1", "2"]]);
    wb.userInsertRows("收入", 8);
    await wb.run(async (context) => {
      context.workbook.worksheets.getItem("收入").getRange("B2").values = [[1]];
      await context.sync();
    });
    await wb.settle();
    expect(seen).toEqual([
      { address: "C7:D7", changeType: "RangeEdited", triggerSource: "Unknown" },
      { address: "8:8", changeType: "RowInserted", triggerSource: "Unknown" },
      { address: "B2", changeType: "RangeEdited", triggerSource: "ThisLocalAddin" },
    ]);
  });
});

describe("memory host: faults", () => {
  it("refuses every change of a read-only workbook with AccessDenied but still reads", async () => {
    const wb = createMemoryWorkbook(["收入"]);
    wb.setCells("收入", "A1", [[1]]);
    wb.readOnly = true;
    await expect(
      wb.run(async (context) => {
        context.workbook.worksheets.getItem("收入").getRange("A1").values = [[2]];
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: "AccessDenied" });
    const v = await wb.run(async (context) => {
      const r = context.workbook.worksheets.getItem("收入").getRange("A1").load("values");
      await context.sync();
      return r.values;
    });
    expect(v).toEqual([[1]]);
  });

  it("fails mid-batch: calls before the failure took effect, later ones did not", async () => {
    const wb = createMemoryWorkbook(["收入"]);
    wb.failNextSync({ afterOps: 3, code: "GeneralException" });
    await expect(
      wb.run(async (context) => {
        const ws = context.workbook.worksheets.getItem("收入"); // op 0
        ws.getRange("A1").values = [[1]]; // op 1
        ws.getRange("A2").values = [[2]]; // op 2
        ws.getRange("A3").values = [[3]]; // op 3: fails
        ws.getRange("A4").values = [[4]];
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: "GeneralException" });
    expect(wb.values("收入!A1:A4")).toEqual([[1], [2], [""], [""]]);
  });
});
