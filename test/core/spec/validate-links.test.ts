/**
 * validateForm on what names the form from outside its relations: the report outlines (tables,
 * fields, paragraphs, the 报告格式 choice) and the prior-year links. Each broken reference is
 * reported once, by its JSON path.
 */
import { defaultForm, validateForm, type FormSpec, type ReportBlock, type ReportOutline } from "../../../src/core/spec";

/** The built-in form with one change made to a copy, then validated. */
function broken(change: (form: FormSpec) => void): string[] {
  const form = structuredClone(defaultForm);
  change(form);
  return validateForm(form);
}

/** The first block of a kind in an outline, with its JSON path. */
function firstBlock<K extends ReportBlock["kind"]>(outline: ReportOutline, kind: K, at: string): { block: Extract<ReportBlock, { kind: K }>; path: string } {
  for (const [s, section] of outline.sections.entries()) {
    const b = section.blocks.findIndex((x) => x.kind === kind);
    if (b >= 0) return { block: section.blocks[b] as Extract<ReportBlock, { kind: K }>, path: `${at}.sections[${s}].blocks[${b}]` };
  }
  throw new Error(`no ${kind} block`);
}

describe("validateForm on report outlines and prior-year links", () => {
  it("the built-in form's outlines and links name real tables and fields", () => {
    expect(defaultForm.report).toBeDefined();
    expect(defaultForm.reportChoice?.outlines.length).toBeGreaterThan(0);
    expect(defaultForm.priorYear?.links.length).toBeGreaterThan(0);
    expect(validateForm(defaultForm)).toEqual([]);
  });

  it("an outline's table that is not the form's", () => {
    const { path } = firstBlock(defaultForm.report!, "table", "report");
    expect(broken((f) => (firstBlock(f.report!, "table", "report").block.table = "incomes"))).toEqual([`${path}.table：表「incomes」不在本报表中`]);
  });

  it("an outline's prose field that is not the form's", () => {
    const { path } = firstBlock(defaultForm.report!, "field", "report");
    expect(broken((f) => (firstBlock(f.report!, "field", "report").block.field = "reportProse.nothing"))).toEqual([`${path}.field：字段「reportProse.nothing」不在本报表中`]);
  });

  it("a sign-off's field, a cover line's field and a paragraph id in the other outline", () => {
    const at = "reportChoice.outlines[0]";
    const other = defaultForm.reportChoice!.outlines[0];
    const signoff = firstBlock(other, "signoff", at);
    const k = signoff.block.parts.findIndex((p) => p.field);
    const cover = other.cover!.findIndex((l) => l.field);
    expect(k).toBeGreaterThanOrEqual(0);
    expect(cover).toBeGreaterThanOrEqual(0);
    expect(
      broken((f) => {
        const o = f.reportChoice!.outlines[0];
        // The outlines share their cover and sign-off objects: change this outline's own copies.
        const [s, b] = [...signoff.path.matchAll(/\[(\d+)\]/g)].slice(1).map((m) => Number(m[1]));
        o.sections[s] = { ...o.sections[s], blocks: o.sections[s].blocks.map((x, i) => (i === b ? { ...signoff.block, parts: signoff.block.parts.map((p, j) => (j === k ? { ...p, field: "reportSign.nobody" } : p)) } : x)) };
        o.cover = o.cover!.map((l, i) => (i === cover ? { ...l, field: "reportCover.nowhere" } : l));
        o.sections[0].blocks.push({ kind: "paragraphs", ids: ["staff", "yoy"] });
      }),
    ).toEqual([
      `${at}.cover[${cover}].field：字段「reportCover.nowhere」不在本报表中`,
      `${at}.sections[0].blocks[${other.sections[0].blocks.length}].ids[1]：叙述段落「yoy」不在本报表中`,
      `${signoff.path}.parts[${k}].field：字段「reportSign.nobody」不在本报表中`,
    ]);
  });

  it("the 报告格式 field that chooses the outline", () => {
    expect(broken((f) => (f.reportChoice!.field = "reportCover.layout"))).toEqual(["reportChoice.field：字段「reportCover.layout」不在本报表中"]);
  });

  it("a prior-year link whose 上年 field, 本年 field, iterated table or list star is wrong", () => {
    const links = defaultForm.priorYear!.links;
    const income = links.findIndex((l) => l.prior === "lastYear.incomeTotal");
    const sangong = links.findIndex((l) => l.each?.table === "sangong");
    const unit = links.findIndex((l) => l.prior.includes("[*]"));
    expect([income, sangong, unit].every((i) => i >= 0)).toBe(true);
    expect(broken((f) => (f.priorYear!.links[income].prior = "lastYear.income"))).toEqual([`priorYear.links[${income}].prior：字段「lastYear.income」不在本报表中`]);
    expect(broken((f) => (f.priorYear!.links[income].current = "income.total"))).toEqual([`priorYear.links[${income}].current：字段「income.total」不在本报表中`]);
    expect(broken((f) => (f.priorYear!.links[sangong].each!.table = "sangongs"))).toEqual([`priorYear.links[${sangong}].each.table：表「sangongs」不在本报表中`]);
    expect(broken((f) => (f.priorYear!.links[unit].current = "expense.all.cumBalance"))).toEqual([`priorYear.links[${unit}]：上年数与本年数须同为列表行（[*]）或同不是`]);
  });

  it("a copied field and a carried prose field that are not the form's", () => {
    expect(
      broken((f) => {
        f.priorYear!.copy = ["report.dept", "report.department"];
        f.priorYear!.prose = ["reportProse.problem"];
      }),
    ).toEqual(["priorYear.copy[1]：字段「report.department」不在本报表中", "priorYear.prose[0]：字段「reportProse.problem」不在本报表中"]);
  });
});
