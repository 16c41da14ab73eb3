/**
 * addListEntries: an import's new units and 科目 lines in ONE template upgrade, whatever their
 * number (the policy used to sit in the 导入 tab, which added one or two one by one).
 */
import { planImport } from "../../../src/core/importer";
import { defaultForm, type ListEntry } from "../../../src/core/spec";
import type { ListAddition } from "../../../src/hosts/office";
import { layOut, seed, setup, typeReport } from "./helpers";

const units = (names: string[]): ListAddition[] => names.map((name) => ({ list: "units", entry: { name } }));

async function addCost(count: number) {
  const { wb, session } = setup();
  await layOut(session);
  typeReport(wb, seed);
  const typed = await session.validate();
  const before = { ...wb.stats };
  const result = await session.addListEntries(units(Array.from({ length: count }, (_, i) => `新单位${i + 1}`)));
  return { result, syncs: wb.stats.syncs - before.syncs, session, typed };
}

describe("addListEntries", () => {
  it("costs the same syncs for 2 entries as for 12: no sync per entry", async () => {
    const two = await addCost(2);
    const twelve = await addCost(12);
    expect(two.result.problems).toEqual([]);
    expect(twelve.result.problems).toEqual([]);
    expect(twelve.syncs).toBe(two.syncs);
    const n = seed.lists.units!.length;
    expect(twelve.result.written).toEqual(Array.from({ length: 12 }, (_, i) => `units[${n + i + 1}]`));
    const after = await twelve.session.validate();
    expect(after.data.lists.units?.map((e) => e.name)).toEqual([...seed.lists.units!.map((e) => e.name), ...Array.from({ length: 12 }, (_, i) => `新单位${i + 1}`)]);
    // Every figure the officer had typed is still there.
    for (const [id, value] of Object.entries(twelve.typed.data.values)) expect([id, after.data.values[id]]).toEqual([id, value]);
  });

  it("refuses an empty name or one already in its list, and adds the rest", async () => {
    const { wb, session } = setup();
    await layOut(session);
    typeReport(wb, seed);
    const existing = seed.lists.units![0].name;
    const result = await session.addListEntries(units(["  ", existing, "新单位", "新单位"]));
    expect(result.rejected.map((r) => r.reason)).toEqual(["名称不能为空。", `「${existing}」已在表中。`, "「新单位」已在表中。"]);
    expect(result.written).toEqual([`units[${seed.lists.units!.length + 1}]`]);
  });

  it("puts an import's additions where the import plan's addresses expect them", async () => {
    const { session } = setup();
    const lists: Record<string, ListEntry[]> = { units: [{ name: "局机关" }] };
    await layOut(session, lists);
    const reference = (await session.validate()).data;
    const rows = Array.from({ length: 5 }, (_, i) => `新单位${i + 1}\t${i + 1}0,000.00\t${i + 1}0,000.00\t0.00\t0.00\t0.00\t0.00`);
    const text = ["单位：元", "机构名称\t收入合计\t年初结转和结余\t一般公共预算财政拨款\t政府性基金预算财政拨款\t纳入专户管理的非税收入拨款\t其他收入", ...rows].join("\n");
    const plan = planImport(text, { form: defaultForm, reference });
    expect(plan.listAdds).toHaveLength(5);
    const result = await session.addListEntries(plan.listAdds.map((a) => ({ list: a.list, entry: a.entry })));
    expect(result.written).toEqual(plan.listAdds.map((a) => `${a.list}[${a.index}]`));
  });

  it("writes nothing while cells of the officer's are in the way, then everything once agreed", async () => {
    const { wb, session } = setup();
    await layOut(session);
    typeReport(wb, seed);
    const before = await session.validate();
    wb.userEdit("收入", "A8", [["备注：局机关含离退休人员"]]); // directly below the income table (as in officer-content.test.ts)
    const refused = await session.addListEntries(units(["新单位甲", "新单位乙", "新单位丙"]));
    expect(refused.written).toEqual([]);
    expect(refused.problems.map((p) => p.code)).toContain("foreignContent");
    expect(refused.conflicts?.length).toBeGreaterThan(0);
    expect((await session.validate()).data.lists.units).toEqual(before.data.lists.units);
    const agreed = await session.addListEntries(units(["新单位甲", "新单位乙", "新单位丙"]), { moveForeignContent: true });
    expect(agreed.written).toHaveLength(3);
  });
});
