import { areaRef, groupAreas } from "../../../src/core/plan/formulas";
import { tableHeader } from "../../../src/core/plan/headers";
import { placeForm } from "../../../src/core/spec/placement";
import type { FormSpec, TableSpec } from "../../../src/core/spec/types";

function placed(table: TableSpec) {
  const form: FormSpec = { id: "t", title: "t", version: 1, lists: [], sheets: [{ id: "s", name: "表", tables: [table] }], relations: [] };
  return placeForm(form, {})[0].tables[0];
}

describe("header rows from column groups", () => {
  const table: TableSpec = {
    id: "x",
    title: "测试",
    layout: "grid",
    labelColumns: [
      { id: "code", label: "编码" },
      { id: "name", label: "名称" },
    ],
    columns: [
      { id: "total", label: "合计" },
      { id: "a", label: "甲", groups: ["A", "X"] },
      { id: "b", label: "乙", groups: ["A", "X"] },
      { id: "c", label: "丙", groups: ["B", "X"] },
      { id: "d", label: "丁", groups: ["B"] },
      { id: "e", label: "戊" },
    ],
    rows: [{ id: "r", label: "行" }],
  };
  const p = placed(table);
  const { cells, merges } = tableHeader(p);
  const at = (row: number, column: number) => cells.find((c) => c.row === row && c.column === column);

  it("gives every position of the block a header cell", () => {
    expect(cells).toHaveLength(3 * 8);
    expect(cells.every((c) => c.style === "header")).toBe(true);
  });

  it("merges a group only over neighbours with the same path, not the same word", () => {
    expect(merges).toEqual(
      expect.arrayContaining([
        { top: 3, left: 1, bottom: 5, right: 1 }, // 编码 down
        { top: 3, left: 2, bottom: 5, right: 2 }, // 名称 down
        { top: 3, left: 3, bottom: 5, right: 3 }, // 合计 down
        { top: 3, left: 4, bottom: 3, right: 5 }, // A over 甲 乙
        { top: 3, left: 6, bottom: 3, right: 7 }, // B over 丙 丁
        { top: 4, left: 4, bottom: 4, right: 5 }, // X under A
        { top: 4, left: 7, bottom: 5, right: 7 }, // 丁 down
        { top: 3, left: 8, bottom: 5, right: 8 }, // 戊 down
      ]),
    );
    expect(merges).toHaveLength(8);
    // The X under B stands alone: same word, other parent.
    expect(at(4, 6)?.value).toBe("X");
    expect(merges.some((m) => m.top === 4 && m.left <= 6 && m.right >= 6)).toBe(false);
    expect([at(5, 4)?.value, at(5, 5)?.value, at(5, 6)?.value]).toEqual(["甲", "乙", "丙"]);
  });

  it("a record table has one header row: 项目 | 填报内容 | 单位", () => {
    const record = tableHeader(placed({ id: "r", title: "记录", layout: "record", rows: [{ id: "a", label: "甲" }] }));
    expect(record.cells.map((c) => c.value)).toEqual(["项目", "填报内容", "单位"]);
    expect(record.merges).toEqual([]);
  });
});

describe("cells grouped into ranges", () => {
  const cell = (sheet: string, row: number, column: number) => ({ sheet, row, column });

  it("joins a run in a row or a column, in any order, and keeps other sheets apart", () => {
    const areas = groupAreas([cell("收入", 7, 3), cell("收入", 6, 3), cell("收入", 8, 3), cell("支出 表", 6, 2), cell("收入", 5, 4), cell("收入", 5, 5)]);
    expect(areas.map((a) => areaRef(a, "收入"))).toEqual(["D5:E5", "C6:C8", "'支出 表'!B6"]);
  });

  it("leaves gaps as separate cells", () => {
    expect(groupAreas([cell("s", 6, 3), cell("s", 6, 6)]).map((a) => areaRef(a, "s"))).toEqual(["C6", "F6"]);
    expect(groupAreas([cell("s", 6, 3), cell("s", 8, 3)]).map((a) => areaRef(a, "s"))).toEqual(["C6", "C8"]);
  });

  it("never makes a rectangle out of an L", () => {
    const areas = groupAreas([cell("s", 1, 1), cell("s", 1, 2), cell("s", 2, 2)]).map((a) => areaRef(a, "s"));
    expect(areas).toEqual(["A1:B1", "B2"]);
  });
});
