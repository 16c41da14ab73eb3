import { readFileSync } from "node:fs";
import { join } from "node:path";
import { compileForm } from "../../../src/core/check";
import { compileTarget } from "../../../src/core/importer/target";
import { defaultForm, type ReportData } from "../../../src/core/spec";

const seed = JSON.parse(readFileSync(join(__dirname, "../../fixtures/seed-2020.json"), "utf8")) as ReportData;
// The seed's lists, with a long 功能科目 list so the tables below it on its sheet move down.
const lists = { ...seed.lists, funcBasic: Array.from({ length: 300 }, (_, i) => ({ name: `科目${i + 1}`, code: String(2010101 + i) })) };

describe("the import target: one table's part of the compiled form", () => {
  const whole = compileForm(defaultForm, lists);
  const tables = defaultForm.sheets.flatMap((s) => s.tables.map((t) => t.id));

  it.each(tables)("%s: the same fields, template addresses and total rules as the whole form", (tableId) => {
    const target = compileTarget(defaultForm, tableId, lists);
    const own = whole.fields.filter((f) => f.table.id === tableId);
    expect(own.length).toBeGreaterThan(0);
    const read = new Set(target.totalRules.flatMap((r) => r.ix.map((ix) => target.compiled.fields[ix].id)));
    for (const id of [...own.map((f) => f.id), ...read]) {
      const mine = target.compiled.fieldById.get(id)!;
      const theirs = whole.fieldById.get(id)!;
      expect([mine.label, mine.kind, mine.unit], id).toEqual([theirs.label, theirs.kind, theirs.unit]);
      expect(target.locate(id), id).toBe(whole.templateAddress(id));
    }
    // Found by position, the same field as by id.
    for (const f of own) {
      const found = target.fieldAt(f.row.spec.id, f.row.listIndex, f.column?.id ?? "value");
      expect(found?.id, f.id).toBe(f.id);
    }
    expect(target.fieldAt("nosuchrow", undefined, "x")).toBeUndefined();
    const wholeTotals = whole.rules.filter((r) => r.kind === "equation" && r.relation.formula && r.target.startsWith(`${tableId}.`));
    expect(target.totalRules.map((r) => [r.id, r.target, r.terms])).toEqual(wholeTotals.map((r) => [r.id, (r as typeof target.totalRules[number]).target, (r as typeof target.totalRules[number]).terms]));
    expect([...target.formulaAt].map((ix) => target.compiled.fields[ix].id).sort()).toEqual(wholeTotals.map((r) => (r as typeof target.totalRules[number]).target).sort());
  });

  it("the funcBasic total sums every entry of the long list", () => {
    const target = compileTarget(defaultForm, "funcBasic", lists);
    expect(target.totalRules.map((r) => r.terms.length)).toEqual([300]);
    expect(target.locate("funcBasic.item[300].amount")).toBe(whole.templateAddress("funcBasic.item[300].amount"));
  });
});
