import { createMemoryWorkbook } from "../../../src/hosts/memory";

describe("memory host: proxies, load and sync", () => {
  it("throws PropertyNotLoaded when a property is read before load + sync", async () => {
    const wb = createMemoryWorkbook(["收入"]);
    wb.setCells("收入", "A1", [[5]]);
    await wb.run(async (context) => {
      const range = context.workbook.worksheets.getItem("收入").getRange("A1");
      expect(() => range.values).toThrow(/not available/);
      range.load("values");
      expect(() => range.values).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
      await context.sync();
      expect(range.values).toEqual([[5]]);
      expect(() => range.text).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
    });
  });

  it("counts round trips with work in them, read and write apart, and loads", async () => {
    const wb = createMemoryWorkbook(["收入"]);
    await wb.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("收入");
      sheet.getRange("A1").values = [[1]];
      await context.sync();
      await context.sync(); // nothing queued: no round trip
      const a = sheet.getRange("A1").load("values");
      const b = sheet.getRange("B1").load("values");
      await context.sync();
      expect([a.values, b.values]).toEqual([[[1]], [[""]]]);
    });
    expect(wb.stats).toMatchObject({ syncs: 2, writeSyncs: 1, readSyncs: 1, loads: 2, runs: 1 });
  });

  it("fails getItem of a missing or deleted sheet with ItemNotFound at sync; OrNullObject gives a null object", async () => {
    const wb = createMemoryWorkbook(["收入", "支出和结余"]);
    wb.userDeleteSheet("支出和结余");
    await expect(
      wb.run(async (context) => {
        context.workbook.worksheets.getItem("支出和结余");
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: "ItemNotFound", name: "OfficeExtension.Error" });
    const isNull = await wb.run(async (context) => {
      const ws = context.workbook.worksheets.getItemOrNullObject("支出和结余");
      await context.sync();
      return ws.isNullObject;
    });
    expect(isNull).toBe(true);
  });

  it("keeps a sheet proxy bound to its sheet across a rename, and fails once the sheet is deleted", async () => {
    const wb = createMemoryWorkbook(["收入", "其他"]);
    await wb.run(async (context) => {
      const ws = context.workbook.worksheets.getItem("收入");
      await context.sync();
      wb.userRenameSheet("收入", "收入表");
      ws.load("name");
      await context.sync();
      expect(ws.name).toBe("收入表");
      wb.userDeleteSheet("收入表");
      ws.getRange("A1").load("values");
      await expect(context.sync()).rejects.toMatchObject({ code: "ItemNotFound" });
    });
  });

  it("refuses objects used after their Excel.run ended", async () => {
    const wb = createMemoryWorkbook(["收入"]);
    const range = await wb.run(async (context) => context.workbook.worksheets.getItem("收入").getRange("A1"));
    expect(() => range.load("values")).toThrow(expect.objectContaining({ code: "InvalidObjectPath" }));
  });

  it("loads collection items (items/name) and named items", async () => {
    const wb = createMemoryWorkbook(["收入", "支出和结余"]);
    await wb.run(async (context) => {
      context.workbook.names.add("ZP_income", "=收入!$A$6:$G$7", "收入表体");
      await context.sync();
      const sheets = context.workbook.worksheets.load("items/name");
      const names = context.workbook.names.load("items/name,items/formula,items/type");
      await context.sync();
      expect(sheets.items.map((s) => s.name)).toEqual(["收入", "支出和结余"]);
      expect(names.items.map((n) => [n.name, n.formula, n.type])).toEqual([["ZP_income", "=收入!$A$6:$G$7", "Range"]]);
    });
  });
});

describe("memory host: worksheets and names through the API", () => {
  it("adds, renames and deletes sheets with Excel's errors for clashes and bad names", async () => {
    const wb = createMemoryWorkbook(["收入"]);
    await expect(
      wb.run(async (context) => {
        context.workbook.worksheets.add("收入");
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: "ItemAlreadyExists" });
    await expect(
      wb.run(async (context) => {
        context.workbook.worksheets.add("收入[1]");
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: "InvalidArgument" });
    await wb.run(async (context) => {
      const added = context.workbook.worksheets.add("支出");
      added.name = "支出和结余";
      context.workbook.worksheets.getItem("收入").delete();
      await context.sync();
    });
    expect(wb.sheetNames()).toEqual(["支出和结余"]);
  });

  it("gives null objects for missing names and for names whose sheet is gone", async () => {
    const wb = createMemoryWorkbook(["收入", "其他"]);
    wb.model.addName("ZP_income", "=收入!$A$1:$B$2");
    wb.userDeleteSheet("收入");
    const result = await wb.run(async (context) => {
      const missing = context.workbook.names.getItemOrNullObject("ZP_nothing");
      const broken = context.workbook.names.getItem("ZP_income").getRangeOrNullObject();
      const item = context.workbook.names.getItem("ZP_income").load("formula, type");
      await context.sync();
      return { missing: missing.isNullObject, broken: broken.isNullObject, formula: item.formula, type: item.type };
    });
    expect(result).toEqual({ missing: true, broken: true, formula: "=#REF!", type: "Error" });
    await expect(
      wb.run(async (context) => {
        context.workbook.names.getItem("ZP_income").getRange().load("address");
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: "InvalidReference" });
  });

  it("merges, reports merged areas, and reads rows by index (ExcelApi 1.7)", async () => {
    const wb = createMemoryWorkbook(["S"]);
    wb.setCells("S", "A1:C1", [["标题", "x", "y"]]);
    const read = await wb.run(async (context) => {
      const ws = context.workbook.worksheets.getItem("S");
      ws.getRange("A1:C1").merge(false);
      const areas = ws.getRange("A1:D4").getMergedAreasOrNullObject().load("address");
      const none = ws.getRange("A3:B4").getMergedAreasOrNullObject().load("address");
      const byIndex = ws.getRangeByIndexes(0, 0, 1, 3).load("values, address");
      await context.sync();
      return { areas: areas.address, none: none.isNullObject, values: byIndex.values, address: byIndex.address };
    });
    expect(read).toEqual({ areas: "S!A1:C1", none: true, values: [["标题", "", ""]], address: "S!A1:C1" });
  });
});
