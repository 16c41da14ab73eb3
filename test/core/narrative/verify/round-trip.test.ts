/**
 * ZiPing's own paragraphs, read back by 叙述核对, raise nothing: the writer and the checker agree
 * on every figure, for the seeds and for random workbooks.
 */
import fc from "fast-check";
import { narrate, verifyNarrative, type NarrativeOptions } from "../../../../src/core/narrative";
import { SANGONG_ITEMS } from "../../../../src/core/spec/forms/yueyang-narrative";
import { defaultForm } from "../../../../src/core/spec";
import { loadSeed } from "../../../fixtures/load";
import { Dec } from "../../../../src/core/money";
import { plain } from "../../money/exact-oracle";
import { report } from "../synthetic";

/** Σ of amounts, exactly, with 2 decimals (a consistent 合计 cell). */
const sum = (xs: string[]): string => xs.reduce((acc, x) => acc.plus(x), new Dec(0)).toFixed(2);

const textOf = (data: Parameters<typeof narrate>[1], options: Partial<NarrativeOptions>) =>
  narrate(defaultForm, data, options)
    .paragraphs.map((p) => p.text)
    .join("\n");

describe("narrate, then verify", () => {
  for (const year of [2020, 2025] as const) {
    for (const options of [{}, { executionRate: true, sharesTo100: true, decreaseWord: "下降" as const, precision: "full" as const }]) {
      it(`${year} ${JSON.stringify(options)}: every checked figure agrees`, () => {
        const data = loadSeed(year);
        const r = verifyNarrative(defaultForm, data, textOf(data, options), options);
        expect(r.findings).toEqual([]);
        expect(r.summary.checked).toBeGreaterThan(10);
      });
    }
  }

  const amount = fc.tuple(fc.bigInt({ min: 0n, max: 10n ** 8n }), fc.constantFrom(0, 1, 2)).map(([u, s]) => plain(u, s));
  const positive = fc.tuple(fc.bigInt({ min: 1n, max: 10n ** 8n }), fc.constantFrom(0, 1, 2)).map(([u, s]) => plain(u, s));

  it("random 三公, headcounts, vehicles and budget shares: no error, at most 尾差 notices from largest remainder", () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(amount, amount), { minLength: 4, maxLength: 4 }),
        fc.integer({ min: 1, max: 500 }),
        fc.integer({ min: 1, max: 20 }),
        positive,
        amount,
        fc.boolean(),
        ([a, b, c, d], people, vehicles, basic, project, sharesTo100) => {
          const values: Record<string, string> = { "staff.actual": String(people), "vehicles.inUse": String(vehicles) };
          [a, b, c, d].forEach(([prior, current], i) => {
            values[SANGONG_ITEMS[i].prior] = prior;
            values[SANGONG_ITEMS[i].current] = current;
          });
          values["sangong.total.current"] = sum([a[1], b[1], c[1], d[1]]);
          values["sangong.total.prior"] = sum([a[0], b[0], c[0], d[0]]);
          const total = sum([basic, project]);
          Object.assign(values, { "budget.basic": basic, "budget.project": project, "budget.expenseTotal": total, "budget.incomeTotal": total, "budget.fiscal": total });
          const data = report(values);
          const options = { sharesTo100 };
          const r = verifyNarrative(defaultForm, data, textOf(data, options), options);
          expect(r.findings.filter((f) => f.severity === "error")).toEqual([]);
          for (const f of r.findings) expect(f.message).toContain("最大余数法");
        },
      ),
      { numRuns: 200 },
    );
  });
});
