/**
 * "占X%" with no whole after 占: the whole heads the list the part is in — "…支出决算中，A…，占p%",
 * "…为T万元，其中：A…，占p%", or the sentence before one starting with 其中. Each share is then
 * checked against that whole (the cell its stated figure matched, or the role its words name).
 */
import fc from "fast-check";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { verifyNarrative } from "../../../../src/core/narrative";
import type { ReportData } from "../../../../src/core/spec/data";
import type { FormSpec } from "../../../../src/core/spec/types";
import { percentOf, plain, scaled } from "../../money/exact-oracle";

/** 部门决算's 三公 table: 预算数 | 决算数 | 上年决算数. */
const form = JSON.parse(readFileSync(join(__dirname, "..", "..", "..", "fixtures", "corpus", "forms", "sangong.json"), "utf8")) as FormSpec;

const add = (...xs: string[]) => plain(xs.reduce((s, x) => s + scaled(x).units * 10n ** BigInt(2 - scaled(x).scale), 0n), 2);

interface Parts {
  abroad: string;
  vehicle: string;
  reception: string;
}
function data(p: Parts): ReportData {
  const total = add(p.abroad, p.vehicle, p.reception);
  // A 预算 that differs from the 决算: a share of the wrong whole would not agree.
  const budget = add(total, "7.77");
  return { form: form.id, lists: {}, values: { "report.year": "2023", "sangong.total.actual": total, "sangong.total.budget": budget, "sangong.abroad.actual": p.abroad, "sangong.vehicle.actual": p.vehicle, "sangong.reception.actual": p.reception } };
}

const ITEMS: Array<[keyof Parts, string]> = [
  ["abroad", "因公出国（境）费"],
  ["reception", "公务接待费"],
  ["vehicle", "公务用车购置及运行维护费"],
];
/** The list's items with their shares; `off` adds points to one item's share (a planted slip). */
function list(p: Parts, decimals: number, off?: { item: keyof Parts; points: string }): string {
  const total = add(p.abroad, p.vehicle, p.reception);
  return ITEMS.map(([k, name]) => {
    const share = percentOf(p[k], total, decimals);
    return `${name}支出${p[k]}万元，占${off?.item === k ? add(share, off.points) : share}%`;
  }).join("；");
}
const WORDINGS: Array<(p: Parts, items: string) => string> = [
  (_p, items) => `2023年度“三公”经费支出决算中，${items}。`,
  (p, items) => `“三公”经费支出决算为${add(p.abroad, p.vehicle, p.reception)}万元，其中：${items}。`,
  (p, items) => `“三公”经费实际支出${add(p.abroad, p.vehicle, p.reception)}万元。其中${items}。`,
];

const cents = fc.integer({ min: 1, max: 999_999 }).map((n) => plain(BigInt(n), 2));
const parts = fc.record({ abroad: cents, vehicle: cents, reception: cents });

describe("a share whose whole heads the list", () => {
  it("true in every wording: every share checked, no error (property)", () => {
    fc.assert(
      fc.property(parts, fc.integer({ min: 0, max: WORDINGS.length - 1 }), fc.integer({ min: 1, max: 2 }), (p, w, decimals) => {
        const r = verifyNarrative(form, data(p), WORDINGS[w](p, list(p, decimals)));
        expect(r.findings.filter((f) => f.severity === "error")).toEqual([]);
        expect(r.checked.filter((c) => c.expected.startsWith("占"))).toHaveLength(3);
        expect(r.unchecked).toEqual([]);
      }),
      { numRuns: 200 },
    );
  });

  it.each(WORDINGS.map((w, i) => [i, w] as const))("wording %i with one planted wrong share: exactly one error", (_i, wording) => {
    // 寻甸2023's figures: 0, 1.20, 2.38 of 3.58; the planted share is written at 2 decimals.
    const p = { abroad: "0", vehicle: "1.20", reception: "2.38" };
    const found = verifyNarrative(form, data(p), wording(p, list(p, 1, { item: "reception", points: "2" }))).findings.filter((f) => f.severity === "error");
    expect(found).toHaveLength(1);
    expect(found[0].expected).toBe(`占三公经费的${percentOf("2.38", "3.58", 2)}%`);
  });

  it("no whole before the list: 未核对, never an error", () => {
    const p = { abroad: "0", vehicle: "1.20", reception: "2.38" };
    const r = verifyNarrative(form, data(p), "公务接待费支出2.38万元，占70%。");
    expect(r.findings.filter((f) => f.severity === "error")).toEqual([]);
    expect(r.checked.filter((c) => c.expected.startsWith("占"))).toEqual([]);
  });

  it("a head that names neither 预算 nor 决算, over a whole with both: a wrong share is 未核对, not an error", () => {
    const p = { abroad: "0", vehicle: "1.20", reception: "2.38" };
    const r = verifyNarrative(form, data(p), "“三公”经费中，公务接待费支出2.38万元，占70%。");
    expect(r.findings.filter((f) => f.severity === "error")).toEqual([]);
  });

  it("a list headed by the part itself is not a share of it", () => {
    const p = { abroad: "0", vehicle: "1.20", reception: "2.38" };
    const r = verifyNarrative(form, data(p), "公务接待费支出决算中，公务接待费2.38万元，占50%。");
    expect(r.findings.filter((f) => f.severity === "error")).toEqual([]);
  });

  it("占总支出决算的p% names the whole's 决算, in a sentence after the one that states both the 预算 and the 决算 (寻甸县委政法委2022)", () => {
    const p = { abroad: "0", vehicle: "1388.70", reception: "4895.00" };
    const d = data(p);
    const total = add(p.abroad, p.vehicle, p.reception);
    const budget = String(d.values["sangong.total.budget"]);
    const head = `“三公”经费支出年初预算为${budget}万元，支出决算为${total}万元。其中：`;
    const text = (share: string) => `${head}公务用车购置及运行维护费支出决算${p.vehicle}万元，占总支出决算的${share}%。`;
    const right = verifyNarrative(form, d, text(percentOf(p.vehicle, total, 2)));
    expect(right.findings.filter((f) => f.severity === "error")).toEqual([]);
    expect(right.checked.filter((c) => c.expected.startsWith("占"))).toHaveLength(1);
    // The share of the 预算 would be another figure: stated, it is an error against the 决算.
    const wrong = verifyNarrative(form, d, text(percentOf(p.vehicle, budget, 2))).findings.filter((f) => f.severity === "error");
    expect(wrong.map((f) => f.expected)).toEqual([`占三公经费的${percentOf(p.vehicle, total, 2)}%`]);
  });
});
