import { totalFormulas } from "../../../src/core/plan/layout";
import { defaultForm, expandFields, type ReportData } from "../../../src/core/spec";
import type { MemoryWorkbook } from "../../../src/hosts/memory";
import { fieldAddress, layOut, seed, setup, typeReport } from "./helpers";

const withUnit = (name: string) => ({ ...seed.lists, units: [...seed.lists.units, { name }] });

/** Everything the workbook holds: every cell's value, formula and format on every sheet, and the names. */
function snapshot(wb: MemoryWorkbook) {
  return {
    sheets: wb.sheetNames().map((name) => ({ name, cells: wb.usedCells(name), merges: wb.merges(name) })),
    names: wb.nameList().map((n) => [n, wb.nameFormula(n)]),
  };
}

/** Every field of the seed's lists with what the workbook shows for it. */
function fields(data: ReportData): Array<[string, unknown]> {
  return expandFields(defaultForm, seed.lists).map((f) => [f.id, data.values[f.id]]);
}

async function filled() {
  const env = setup({}, ["我的汇总"]);
  await layOut(env.session);
  typeReport(env.wb, seed);
  return env;
}

describe("the officer's own cells on template sheets are never lost when the layout changes", () => {
  it("addUnit with a note below the last table and a formula in an input cell: refused untouched, then moved and kept", async () => {
    const { wb, session } = await filled();
    // 三公经费: sangongByUnit grows with the units, so the tables below it move down a row.
    expect(fieldAddress("sangong.reception.prior")).toBe("三公经费!B13");
    expect(fieldAddress("vehicles.inUse")).toBe("三公经费!B23");
    wb.userEdit("收入", "A8", [["备注：局机关含离退休人员"]]); // directly below the income table
    wb.userEdit("三公经费", "A24:B24", [["注：在用公车×2", "=B23*2"]]); // directly below the last table
    wb.userEdit("三公经费", "B13", [["=B14-0.58"]]); // the officer's formula in an input cell (4.02 − 0.58)
    wb.userEdit("我的汇总", "A1", [["=三公经费!B13+三公经费!B23"]]); // the officer's own sheet reads moving cells
    const before = await session.validate();
    expect(before.data.values["sangong.reception.prior"]).toBe("3.44");
    const untouched = snapshot(wb);
    // The preview says the officer's formulas are kept (the input cell's, and the own sheet's that reads moving cells).
    expect((await session.previewTemplate({ lists: withUnit("新设机构") })).summary).toMatch(/您自己输入的 2 个公式保留为公式/);

    const refused = await session.addUnit("新设机构");
    expect(refused.written).toEqual([]);
    expect(refused.problems.map((p) => p.code)).toEqual(["foreignContent"]);
    expect(refused.problems[0].message).toMatch(/不属于模板.*未写入任何内容/);
    expect(refused.conflicts?.map((c) => [c.kind, c.address, c.content])).toEqual([
      ["moved", "收入!A8", "备注：局机关含离退休人员"],
      ["moved", "三公经费!A24", "注：在用公车×2"],
      ["moved", "三公经费!B24", "=B23*2"],
    ]);
    expect(refused.conflicts?.[0].description).toMatch(/^收入!A8「备注：局机关含离退休人员」不属于模板.*移到 收入!/);
    expect(snapshot(wb)).toEqual(untouched);

    const added = await session.addUnit("新设机构", { moveForeignContent: true });
    expect(added.problems).toEqual([]);
    expect(added.written).toEqual(["units[3]"]);
    const after = await session.validate();
    expect(after.data.lists.units?.map((u) => u.name)).toEqual(["局机关", "科技信息管理办公室", "新设机构"]);
    // Round trip over every field: each one shows what it showed before.
    expect(fields(after.data)).toEqual(fields(before.data));
    // The notes are where the conflicts said, the formula among them reading the same cell at its new place.
    const moved = new Map(added.conflicts!.map((c) => [c.address, c.to]));
    expect(wb.cell(moved.get("收入!A8")!).value).toBe("备注：局机关含离退休人员");
    expect(wb.cell(moved.get("三公经费!A24")!).value).toBe("注：在用公车×2");
    expect(wb.cell(moved.get("三公经费!B24")!)).toMatchObject({ formula: "=B24*2", value: 4 });
    expect(moved.get("三公经费!B24")).toMatch(/^三公经费![D-Z]24$/);
    // The input cell's formula is still a formula, its reference following vehicleOps one row down.
    expect(fieldAddress("sangong.reception.prior", withUnit("新设机构"))).toBe("三公经费!B14");
    expect(wb.cell("三公经费!B14").formula).toBe("=B15-0.58");
    // The officer's own sheet reads the same fields at their new cells.
    expect(wb.cell("我的汇总!A1")).toMatchObject({ formula: "=三公经费!B14+三公经费!B24" });
    expect(wb.cell("我的汇总!A1").value).toBeCloseTo(3.44 + 2, 9);
    // Where the notes were, the template now has its own cells.
    expect(wb.cell("收入!A8").value).toBe("新设机构");
    expect(wb.cell("三公经费!A24").value).toBe("本年在用公车");
  });

  it("the preview lists the conflicts; apply without agreeing, or after the workbook changed, writes nothing", async () => {
    const { wb, session } = await filled();
    wb.userEdit("收入", "A8", [["备注"]]);
    const preview = await session.previewTemplate({ lists: withUnit("新设机构") });
    expect(preview.conflicts.map((c) => [c.address, c.content, c.to])).toEqual([["收入!A8", "备注", "收入!I8"]]);
    expect(preview.summary).toMatch(/另有 1 个您自己填写的单元格受新布局影响/);
    expect(preview.problems.map((p) => p.code)).toEqual(["foreignContent"]);
    const untouched = snapshot(wb);

    const refused = await session.applyTemplate(preview);
    expect(refused).toMatchObject({ ok: false, actions: [] });
    expect(refused.problems.map((p) => p.code)).toEqual(["foreignContent"]);
    expect(snapshot(wb)).toEqual(untouched);

    // Another note arrives after the preview: agreeing to the preview does not cover it.
    wb.userEdit("收入", "B8", [["12.5"]]);
    const changed = snapshot(wb);
    const stale = await session.applyTemplate(preview, { moveForeignContent: true });
    expect(stale.ok).toBe(false);
    expect(stale.problems[0].message).toMatch(/预览之后工作簿有改动/);
    expect(stale.conflicts.map((c) => c.address)).toEqual(["收入!A8", "收入!B8"]);
    expect(snapshot(wb)).toEqual(changed);

    const again = await session.previewTemplate({ lists: withUnit("新设机构") });
    const applied = await session.applyTemplate(again, { moveForeignContent: true });
    expect(applied.ok).toBe(true);
    expect(wb.values("收入!I8:J8")).toEqual([["备注", 12.5]]);
    expect(wb.cell("收入!J8").formula).toBeUndefined();
  });

  it("cells of the officer's that the new layout does not need stay where they are; their formulas follow moved cells", async () => {
    const { wb, session } = await filled();
    wb.userEdit("收入", "K3", [["右侧备注"]]);
    wb.userEdit("三公经费", "E13:F13", [["接待费两倍", "=C13*2"]]); // beside the 三公 table, which moves down a row
    wb.userEdit("三公经费", "A26", [["两行以下的备注"]]); // below the gap under the last table: still free
    const preview = await session.previewTemplate({ lists: withUnit("新设机构") });
    expect(preview.conflicts).toEqual([]);
    expect(preview.problems).toEqual([]);
    const added = await session.addUnit("新设机构");
    expect(added.problems).toEqual([]);
    expect(wb.cell("收入!K3").value).toBe("右侧备注");
    expect(wb.values("三公经费!E13:F13")).toEqual([["接待费两倍", 3.8]]);
    expect(wb.cell("三公经费!F13").formula).toBe("=C14*2");
    expect(wb.cell("三公经费!A26").value).toBe("两行以下的备注");
  });

  it("a formula the officer typed into a total cell is kept; the template's own totals, older wording included, are planned afresh", async () => {
    const { wb, session } = await filled();
    wb.userEdit("三公经费", "C17", [["=C13+C14"]]); // the officer's own: fewer parts than the template's total
    wb.userEdit("三公经费", "B17", [["=SUM(B13:B16)"]]); // an older template's plain SUM over the same parts
    expect((await session.addUnit("新设机构")).problems).toEqual([]);
    expect(wb.cell("三公经费!C18").formula).toBe("=C14+C15");
    expect(wb.cell("三公经费!C18").value).toBeCloseTo(2.02, 9);
    // B18 holds the current template's total for the new rows, whatever its wording.
    expect(fieldAddress("sangong.total.prior", withUnit("新设机构"))).toBe("三公经费!B18");
    expect(wb.cell("三公经费!B18").formula).toBe(totalFormulas(defaultForm, withUnit("新设机构")).get("sangong.total.prior")?.formula);
    expect(wb.cell("三公经费!B18").formula).toMatch(/B14:B17/);
  });

  it("the 校验 sheet: a note just below the rule block is moved out of the longer block's way, one beside it stays", async () => {
    const { wb, session } = await filled();
    const block = /\$(\d+):\$M\$(\d+)$/.exec(wb.nameFormula("ZP_checks")!)!;
    const below = Number(block[2]) + 1;
    wb.userEdit("校验", `A${below}`, [["核对人：张三"]]);
    wb.userEdit("校验", "O12", [["旁注"]]);
    const refused = await session.addUnit("新设机构");
    expect(refused.conflicts?.map((c) => c.address)).toEqual([`校验!A${below}`]);
    const added = await session.addUnit("新设机构", { moveForeignContent: true });
    expect(added.problems).toEqual([]);
    const to = added.conflicts![0].to;
    expect(to).toMatch(new RegExp(`^校验![N-Z]${below}$`));
    expect(wb.cell(to).value).toBe("核对人：张三");
    expect(wb.cell("校验!O12").value).toBe("旁注");
    expect(wb.cell(`校验!A${below}`).value).not.toBe("核对人：张三");
  });

  it("repair does not merge a header over what the officer typed into it without asking", async () => {
    const { wb, session } = await filled();
    const before = await session.validate();
    wb.userUnmerge("收入", "C3:G3");
    wb.userEdit("收入", "E3", [["自填说明"]]);
    const refused = await session.repairLayout();
    expect(refused.problems.map((p) => p.code)).toEqual(["foreignContent"]);
    expect(refused.conflicts?.map((c) => c.address)).toEqual(["收入!E3"]);
    expect(wb.merges("收入")).not.toContain("C3:G3");
    expect(wb.cell("收入!E3").value).toBe("自填说明");
    const repaired = await session.repairLayout({ moveForeignContent: true });
    expect(repaired.problems).toEqual([]);
    expect(wb.merges("收入")).toContain("C3:G3");
    expect(wb.cell(repaired.conflicts![0].to).value).toBe("自填说明");
    expect((await session.validate()).data.values).toEqual(before.data.values);
  });

  it("an unnamed list row holding only the officer's formula is an entry, not a spare row to drop", async () => {
    const { wb, session } = setup();
    await layOut(session, {});
    const spare = fieldAddress("income.unit[1].carryover", {});
    wb.userEdit("收入", spare.split("!")[1], [["=1+1"]]);
    const preview = await session.previewTemplate({ lists: { units: [{ name: "局机关" }] } });
    expect(preview.lists.units?.map((u) => u.name)).toEqual(["", "局机关"]);
    expect((await session.applyTemplate(preview)).ok).toBe(true);
    expect(wb.cell(spare)).toMatchObject({ formula: "=1+1", value: 2 });
  });
});
