/**
 * 公开07表 as the 决算 software and published reports print it: ONE line of figures under a
 * header that names, for each column, the item (a row of ZiPing's transposed 三公 table) and
 * 预算数 or 决算数 (one of its columns). Each of the 12 figures must land in its (item, column)
 * cell, the template's computed totals (合计, 公务用车 小计) compared, not written over.
 */
import { readFileSync } from "node:fs";
import fc from "fast-check";
import { join } from "node:path";
import { Dec } from "../../../src/core/money";
import { planImport, type ImportPlan } from "../../../src/core/importer";
import { findForm } from "../../../src/core/spec/built-in";
import type { ReportData } from "../../../src/core/spec";
import { groupThousands, nonNegativeDecimal, plainText } from "../money/arbitraries";
import { expectPartition, SANGONG_ITEMS as ITEMS, sangongWideExport, tsv } from "./juesuan-export-text";

const form = findForm("mof-bumen-juesuan")!;
/** Cells the template computes (合计 = 出国 + 用车 + 接待; 用车 = 购置 + 运维): compared, never written. */
const COMPUTED = new Set(["total", "vehicle"]);

/** Every cell of the plan by field: written (converted) or compared (exported), in 万元. */
function placed(plan: ImportPlan): Map<string, string> {
  const out = new Map<string, string>();
  for (const w of plan.writes) out.set(w.fieldId, w.converted!);
  for (const t of plan.totals) if (t.fieldId) out.set(t.fieldId, t.exported);
  return out;
}

describe("公开07表 printed wide: 预算数 {合计, 因公出国（境）费, 公务用车 {小计, 购置费, 运行维护费}, 公务接待费} and 决算数 {…}", () => {
  // test/fixtures/juesuan/planted-complete-2024.json (synthetic, with a planted 三公 slip: 决算 合计 11.60 ≠ 0 + 8.00 + 3.50).
  const planted = JSON.parse(readFileSync(join(__dirname, "../../fixtures/juesuan/planted-complete-2024.json"), "utf8")) as ReportData;
  const v = (id: string) => new Dec((planted.values[id] as string | undefined) ?? "0");
  const text = sangongWideExport(planted);

  it("each of the 12 figures lands in its (item, column) cell, 元 → 万元 exactly; 合计 and 小计 are compared", () => {
    const plan = planImport(text, { form });
    expect(plan.table?.id).toBe("sangong");
    expect(plan.unit).toMatchObject({ value: "元", how: "stated" });
    expect(plan.rejects).toEqual([]);
    expectPartition(plan, text);
    const cells = placed(plan);
    expect(cells.size).toBe(12);
    for (const column of ["budget", "actual"]) {
      for (const item of ITEMS) {
        const id = `sangong.${item}.${column}`;
        expect(new Dec(cells.get(id)!).eq(v(id)), `${id}: ${cells.get(id)} vs ${v(id).toFixed()}`).toBe(true);
        const asTotal = plan.totals.some((t) => t.fieldId === id);
        expect(asTotal, id).toBe(COMPUTED.has(item));
      }
    }
    for (const w of plan.writes) expect(w.conversion).toBe("元→万元");
    // The plan shows each column's header path and the cell it names.
    expect(plan.columns[2]).toMatchObject({ header: "预算数 › 公务用车购置及运行维护费 › 小计", rowId: "vehicle", columnId: "budget" });
    expect(plan.columns[9]).toMatchObject({ header: "决算数 › 公务用车购置及运行维护费 › 购置费", rowId: "vehiclePurchase", columnId: "actual" });
  });

  it("the planted slip (决算 合计 ≠ 出国 + 用车 + 接待) is the one total that disagrees, by the recomputed amount", () => {
    const plan = planImport(text, { form });
    const slip = v("sangong.total.actual").minus(v("sangong.abroad.actual").plus(v("sangong.vehicle.actual")).plus(v("sangong.reception.actual")));
    expect(slip.isZero()).toBe(false);
    const off = plan.totals.filter((t) => t.status !== "agrees");
    expect(off.map((t) => t.fieldId)).toEqual(["sangong.total.actual"]);
    expect(new Dec(off[0].exported).minus(new Dec(off[0].expected!)).eq(slip)).toBe(true);
  });

  it("a second line of figures would fill the same cells: refused with its line, nothing written twice", () => {
    const twice = `${text}\n${text.split("\n").pop()}`;
    const plan = planImport(twice, { form });
    expect(new Set(plan.writes.map((w) => w.fieldId)).size).toBe(plan.writes.length);
    expect(plan.rejects).toHaveLength(12);
    expect(plan.rejects[0].reason).toContain("第8行");
    expectPartition(plan, twice);
  });
});

describe("三公 printed wide the other way round: items on top, 预算数 | 决算数 under each (a published report)", () => {
  // 上海市嘉定区司法局 2017年度一般公共预算财政拨款“三公”经费及机关运行经费支出决算表, 单位：万元,
  // http://www.021fenlei.com/n133889.htm — the printed line is 22.00 | 8.77 | 14.00 | 8.47 | 14.00 |
  // 8.47 | 8.00 | 0.30 and 机关运行经费决算数 325.88; the blanks are 因公出国（境）费 and 公务用车购置费
  // (its 情况说明: 因公出国（境）费决算为0万元; 用车 8.47 = 完成预算的60.50% of 14.00; 接待 0.30 of 8.00).
  const items = ["合计", "", "因公出国（境）费", "", "公务用车购置及运行费", "", "", "", "", "", "公务接待费", ""];
  const text = tsv([
    ["2017年度一般公共预算财政拨款“三公”经费及机关运行经费支出决算表", ...Array(12).fill("")],
    ["单位：万元", ...Array(12).fill("")],
    ["一般公共预算财政拨款“三公”经费", ...Array(11).fill(""), "机关运行经费决算数"],
    [...items, ""],
    ["", "", "", "", "小计", "", "公务用车购置费", "", "公务用车运行费", "", "", "", ""],
    [...Array(6).fill(["预算数", "决算数"]).flat(), ""],
    ["22.00", "8.77", "", "", "14.00", "8.47", "", "", "14.00", "8.47", "8.00", "0.30", "325.88"],
  ]);
  const printed: Record<string, string> = {
    "sangong.total.budget": "22.00",
    "sangong.total.actual": "8.77",
    "sangong.vehicle.budget": "14.00",
    "sangong.vehicle.actual": "8.47",
    "sangong.vehicleOps.budget": "14.00",
    "sangong.vehicleOps.actual": "8.47",
    "sangong.reception.budget": "8.00",
    "sangong.reception.actual": "0.30",
  };

  it("the eight printed figures land in their cells, the sums agree, and 机关运行经费 (no cell in this table) is refused with its header", () => {
    const plan = planImport(text, { form });
    expect(plan.table?.id).toBe("sangong");
    expectPartition(plan, text);
    const cells = placed(plan);
    expect([...cells.keys()].sort()).toEqual(Object.keys(printed).sort());
    for (const [id, figure] of cells) expect(new Dec(figure).eq(printed[id]), id).toBe(true);
    // 22.00 = 0 + 14.00 + 8.00 and 8.77 = 0 + 8.47 + 0.30, recomputed.
    for (const col of ["budget", "actual"]) {
      const parts = ["vehicle", "reception"].map((i) => new Dec(printed[`sangong.${i}.${col}`]));
      expect(parts[0].plus(parts[1]).eq(printed[`sangong.total.${col}`])).toBe(true);
    }
    expect(plan.totals.every((t) => t.status === "agrees")).toBe(true);
    expect(plan.rejects.map((r) => r.text)).toEqual(["325.88"]);
    expect(plan.rejects[0].reason).toContain("机关运行经费决算数");
  });
});

describe("wide 三公 exports, whatever their line holds", () => {
  type Cell = { text: string; value?: Dec; junk?: true };
  const amount = fc.tuple(nonNegativeDecimal(4), fc.boolean()).map(([d, group]): Cell => {
    const { integer, fraction } = plainText(d.units, d.scale);
    const int = group ? groupThousands(integer, ",") : integer;
    return { text: fraction ? `${int}.${fraction}` : int, value: d.value };
  });
  const cell = fc.oneof(
    { weight: 6, arbitrary: amount },
    { weight: 1, arbitrary: fc.constantFrom<Cell>({ text: "" }, { text: "-", value: new Dec(0) }) },
    { weight: 1, arbitrary: fc.constantFrom<Cell>({ text: "abc", junk: true }, { text: "=1+1", junk: true }, { text: "12%", junk: true }) },
  );
  const header = sangongWideExport({ form: form.id, lists: {}, values: {} }).split("\n").slice(0, 7);

  it("every cell in one place, each figure in 万元 exactly its 元 ÷ 10,000, junk never placed, at most one line's figures", () => {
    fc.assert(
      fc.property(fc.array(fc.array(cell, { minLength: 12, maxLength: 12 }), { minLength: 1, maxLength: 3 }), (lines) => {
        const text = [...header, ...lines.map((l) => l.map((c) => c.text).join("\t"))].join("\n");
        const plan = planImport(text, { form });
        expectPartition(plan, text);
        const meaning = (line: number, column: number) => lines[line - header.length - 1]?.[column - 1];
        for (const p of [...plan.writes.map((w) => ({ ...w, figure: w.converted! })), ...plan.totals.map((t) => ({ ...t, figure: t.exported }))]) {
          const m = meaning(p.line, p.column)!;
          expect(m.junk, `${p.line}:${p.column}`).toBeUndefined();
          expect(new Dec(p.figure).eq(m.value!.div(10000)), `${p.line}:${p.column}`).toBe(true);
        }
        expect(new Set([...plan.writes, ...plan.totals].map((p) => p.line)).size).toBeLessThanOrEqual(1);
      }),
      { numRuns: 150 },
    );
  });
});
