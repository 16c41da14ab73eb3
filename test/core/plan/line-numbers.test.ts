import { buildLayoutPlan } from "../../../src/core/plan";
import { placeForm, cellIndex } from "../../../src/core/spec/placement";
import { mofBumenJuesuan } from "../../../src/core/spec/forms/mof-juesuan";
import { defaultForm } from "../../../src/core/spec";

/** 行次 and 栏次 print where the spec gives them, as the official 决算 tables print them. */
describe("行次 and 栏次 in the laid-out workbook", () => {
  const lists = { expenseFuncs: [{ code: "201", name: "一般公共服务支出" }] };
  const plan = buildLayoutPlan(mofBumenJuesuan, lists);
  const placed = placeForm(mofBumenJuesuan, lists).flatMap((s) => s.tables);
  const textAt = (sheetName: string, row: number, column: number) =>
    plan.sheets.find((s) => s.name === sheetName)!.cells.find((c) => c.row === row && c.column === column)?.value;

  test("a record table whose rows carry 行次 gets a 行次 column between the label and the value", () => {
    const income = placed.find((p) => p.table.id === "income")!;
    expect(income.lineNoColumn).toBe(2);
    expect(income.firstValueColumn).toBe(3);
    expect([1, 2, 3, 4].map((c) => textAt(income.sheet.name, income.headerTop, c))).toEqual(["项目", "行次", "填报内容", "单位"]);
    const general = cellIndex(mofBumenJuesuan, lists).get("income.general")!;
    expect(textAt(general.sheet, general.row, 1)).toBe("一般公共预算财政拨款收入");
    expect(textAt(general.sheet, general.row, 2)).toBe("1");
    expect(general.column).toBe(3);
    // A row without a 行次 leaves the cell blank.
    const total = cellIndex(mofBumenJuesuan, lists).get("income.total")!;
    expect(textAt(total.sheet, total.row, 2)).toBeUndefined();
  });

  test("a grid whose columns carry 栏次 prints them in a last header row under 栏次", () => {
    const expense = placed.find((p) => p.table.id === "expenseDetail")!;
    expect(expense.colNoRow).toBe(expense.bodyTop - 1);
    const row = [1, 2, 3, 4, 5, 6, 7, 8].map((c) => textAt(expense.sheet.name, expense.colNoRow!, c));
    expect(row).toEqual(["栏次", undefined, "1", "2", "3", "4", "5", "6"]);
    expect(textAt(expense.sheet.name, expense.headerTop, 3)).toBe("本年支出合计");
    // 公开05表's 年初预算数 is not printed in the official table: no 栏次 over it.
    const general = placed.find((p) => p.table.id === "generalSpending")!;
    expect(textAt(general.sheet.name, general.colNoRow!, general.firstValueColumn)).toBeUndefined();
    expect(textAt(general.sheet.name, general.colNoRow!, general.firstValueColumn + 1)).toBe("1");
  });

  test("a form without 行次 or 栏次 is laid out as before", () => {
    const tables = placeForm(defaultForm, {}).flatMap((s) => s.tables);
    expect(tables.every((p) => p.lineNoColumn === undefined && p.colNoRow === undefined)).toBe(true);
    expect(tables.every((p) => p.firstValueColumn === p.labelColumnCount + 1)).toBe(true);
  });
});
