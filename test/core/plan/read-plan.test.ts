import { checkReport } from "../../../src/core/check";
import { Dec } from "../../../src/core/money";
import { buildLayoutPlan } from "../../../src/core/plan/layout";
import { topLeftOf } from "../../../src/core/excel/address";
import { numberText } from "../../../src/core/excel/cell-input";
import { buildReadPlan, interpretRead, rawFromCell, valuesFromRead, type ReadCell, type ReadResult } from "../../../src/core/plan/read-plan";
import { cellIndex } from "../../../src/core/spec/placement";
import { sheetAddress } from "../../../src/core/excel/address";
import { defaultForm as form } from "../../../src/core/spec";
import type { ReportData } from "../../../src/core/spec/data";
import { loadSeed, readWorkbook, workbookFromPlan } from "./plan-workbook";

const seeds = { 2020: loadSeed(2020), 2025: loadSeed(2025) };

const clone = (r: ReadResult): ReadResult => JSON.parse(JSON.stringify(r)) as ReadResult;
const rows = (r: ReadResult, key: string): ReadCell[][] => r[key] as ReadCell[][];

describe("the read plan", () => {
  it("names one range per table body, found by its defined name, with the laid-out address as fallback", () => {
    const plan = buildLayoutPlan(form, seeds[2020].lists);
    const read = buildReadPlan(form, seeds[2020].lists);
    const tables = form.sheets.flatMap((s) => s.tables.map((t) => t.id));
    expect(read.ranges.map((r) => r.key)).toEqual(tables);
    const names = new Map(plan.names.map((n) => [n.name, n.reference]));
    for (const r of read.ranges) {
      expect(r.name).toBe(`ZP_${r.key}`);
      expect(names.get(r.name!)!.replace(/\$/g, "")).toBe(r.address);
    }
    expect(read.ranges.find((r) => r.key === "income")).toMatchObject({ address: "收入!A5:G7", rows: 3, columns: 7 });
  });
});

describe("numbers read from a workbook become the decimal text they stand for", () => {
  it.each([
    [1112.8, "1112.8"],
    [616.99 + 181.1 + 108 + 206.7, "1112.79"],
    [0.1 + 0.2, "0.3"],
    [201.4, "201.4"],
    [-0, "0"],
    [0, "0"],
    [-12.3, "-12.3"],
    [1e21, "1000000000000000000000"],
    [1e-7, "0.0000001"],
    [1234567.891234, "1234567.891234"],
    [2020, "2020"],
  ])("%s → %s", (n, text) => {
    expect(numberText(n)).toBe(text);
  });

  it("keeps text as text and drops blanks", () => {
    expect(rawFromCell("无")).toBe("无");
    expect(rawFromCell(" 1,299.77 ")).toBe(" 1,299.77 ");
    expect(rawFromCell("")).toBeUndefined();
    expect(rawFromCell("  ")).toBeUndefined();
    expect(rawFromCell(null)).toBeUndefined();
    expect(rawFromCell(true)).toBe("TRUE");
  });

  it("reads a sheet-qualified address's top-left cell", () => {
    expect(topLeftOf("收入!$A$5:$G$9")).toEqual({ sheet: "收入", row: 5, column: 1 });
    expect(topLeftOf("'My sheet''s'!B12")).toEqual({ sheet: "My sheet's", row: 12, column: 2 });
    expect(topLeftOf("A1")).toBeUndefined();
  });
});

describe("round trip: plan → workbook filled with a seed → one batch read → the seed's values", () => {
  for (const year of [2020, 2025] as const) {
    it(`${year}, values typed as the seed writes them (text): exactly the seed`, () => {
      const seed = seeds[year];
      const wb = workbookFromPlan(form, buildLayoutPlan(form, seed.lists), seed, { asText: true });
      const back = valuesFromRead(form, seed.lists, readWorkbook(form, seed.lists, wb));
      expect(back).toEqual(seed);
    });

    it(`${year}, figures stored as numbers: the same figures, the same lists, the same findings`, () => {
      const seed = seeds[year];
      const wb = workbookFromPlan(form, buildLayoutPlan(form, seed.lists), seed);
      const back = valuesFromRead(form, seed.lists, readWorkbook(form, seed.lists, wb));
      expect(back.lists).toEqual(seed.lists);
      expect(Object.keys(back.values).sort()).toEqual(Object.keys(seed.values).sort());
      for (const [id, v] of Object.entries(seed.values)) {
        const got = back.values[id];
        if (typeof v === "string" && /^-?\d+(\.\d+)?$/.test(v)) expect(new Dec(String(got)).eq(new Dec(v)), `${id}: ${String(got)} vs ${v}`).toBe(true);
        else expect(got, id).toBe(v);
      }
      const summary = (d: ReportData) => checkReport(form, d).findings.map((f) => `${f.ruleId}|${f.cell}|${f.expected}|${f.actual}|${f.difference}`);
      expect(summary(back)).toEqual(summary(seed));
    });
  }
});

describe("rows the officer inserted or deleted", () => {
  const seed = seeds[2020];
  const base = () => readWorkbook(form, seed.lists, workbookFromPlan(form, buildLayoutPlan(form, seed.lists), seed));

  it("a unit row inserted inside 收入 becomes a new unit; other tables show it blank", () => {
    const read = clone(base());
    const income = rows(read, "income");
    // Rows: all, 局机关, 科技信息管理办公室; insert between the two units (the name widens by one row).
    income.splice(2, 0, ["新增二级机构", 10, 4, 6, 0, 0, 0]);
    const r = interpretRead(form, seed.lists, { ...read, income: { values: income, address: "收入!$A$5:$G$8" } });
    expect(r.data.lists.units.map((u) => u.name)).toEqual(["局机关", "新增二级机构", "科技信息管理办公室"]);
    expect(r.data.values["income.unit[2].total"]).toBe("10");
    expect(r.data.values["income.unit[3].total"]).toBe("223.96");
    expect(r.data.values["expense.unit[3].total"]).toBe("199.38");
    expect(r.data.values["expense.unit[2].total"]).toBeUndefined();
    expect(r.addresses.get("income.unit[3].total")).toBe("收入!B8");
    expect(r.addresses.get("income.unit[2].#name")).toBe("收入!A7");
    expect(r.notes).toEqual([]);
    // The core checks the new unit: its row adds up; 汇总 no longer equals the units' sum.
    const report = checkReport(form, r.data, (id) => r.addresses.get(id) ?? id);
    const statuses = new Map(report.results.map((x) => [x.rule.id, x.status]));
    expect(statuses.get("income.rowTotal[unit[2]]")).toBe("pass");
    expect(statuses.get("income.unitSum[carryover]")).toBe("fail");
    expect(report.findings.find((f) => f.ruleId === "income.unitSum[carryover]")?.cell).toBe("收入!C5");
  });

  it("the same unit inserted in every table lines up as one entry", () => {
    const read = clone(base());
    for (const key of ["income", "expense", "sangongByUnit", "assets"]) {
      const t = rows(read, key);
      const width = t[0].length;
      t.splice(3, 0, ["第三个机构", ...Array.from({ length: width - 1 }, () => 1)]);
    }
    const data = valuesFromRead(form, seed.lists, read);
    expect(data.lists.units.map((u) => u.name)).toEqual(["局机关", "科技信息管理办公室", "第三个机构"]);
    for (const key of ["income", "expense", "sangongByUnit", "assets"]) expect(data.values[`${key}.unit[3].total`]).toBe("1");
  });

  it("a blank inserted row is no entry; a deleted unit row is gone", () => {
    const read = clone(base());
    rows(read, "income").splice(2, 0, [null, null, "", null, null, null, null]);
    rows(read, "expense").splice(1, 1); // 局机关 deleted from 支出
    const data = valuesFromRead(form, seed.lists, read);
    expect(data.lists.units.map((u) => u.name)).toEqual(["局机关", "科技信息管理办公室"]);
    expect(data.values["income.unit[2].total"]).toBe("223.96");
    expect(data.values["expense.unit[1].total"]).toBeUndefined();
    expect(data.values["expense.unit[2].total"]).toBe("199.38");
  });

  it("a table with a fixed total row below its list keeps that row at the bottom", () => {
    const read = clone(base());
    const items = rows(read, "projectItems");
    items.splice(3, 0, ["新项目", 1]);
    const data = valuesFromRead(form, seed.lists, read);
    expect(data.lists.projectItems.map((p) => p.name)).toEqual(["局机关科学技术事务管理经费", "科技交流与合作", "科技条件与服务", "新项目"]);
    expect(data.values["projectItems.item[4].amount"]).toBe("1");
    expect(data.values["projectItems.total.amount"]).toBe("14.76");
  });

  it("a fixed-row table with an extra row is read by its row labels, and says so", () => {
    const read = clone(base());
    rows(read, "sangong").splice(1, 0, ["说明：含公务接待", null, null]);
    const r = interpretRead(form, seed.lists, read);
    expect(r.data.values["sangong.vehicleOps.prior"]).toBe("4.02");
    expect(r.data.values["sangong.total.current"]).toBe("2.02");
    expect(r.notes.join("")).toContain("三公经费”与上年比较");
  });

  it("an empty list's spare row reads back as no entries; a named one as an entry", () => {
    const lists = {};
    const plan = buildLayoutPlan(form, lists);
    const wb = workbookFromPlan(form, plan, { form: form.id, lists: {}, values: {} });
    const read = readWorkbook(form, lists, wb);
    expect(valuesFromRead(form, lists, read).lists).toEqual({});
    rows(read, "funcBasic")[0] = ["2060101", "行政运行", 12.5];
    const data = valuesFromRead(form, lists, read);
    expect(data.lists.funcBasic).toEqual([{ name: "行政运行", code: "2060101" }]);
    expect(data.values["funcBasic.item[1].amount"]).toBe("12.5");
  });

  it("without an address, findings point at the laid-out cells", () => {
    const r = interpretRead(form, seed.lists, base());
    const index = cellIndex(form, seed.lists);
    for (const [id, p] of index) if (!id.includes(".#") || r.addresses.has(id)) expect(r.addresses.get(id), id).toBe(sheetAddress(p.sheet, p.row, p.column));
  });
});
