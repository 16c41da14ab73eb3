/**
 * Properties of the sentences over random figures, against the BigInt oracle (which shares no
 * code with src/core/money): the stated percentage is the exact result rounded half up, the
 * direction word follows the sign, and no sentence ever carries a formatting artefact.
 */
import fc from "fast-check";
import { narrate, type DecreaseWord, type IncreaseWord } from "../../../src/core/narrative";
import { SANGONG_ITEMS } from "../../../src/core/spec/forms/yueyang-narrative";
import { buildChange } from "../../../src/core/narrative/sentences/change";
import { defaultForm } from "../../../src/core/spec";
import { plain, percentOf, roundText } from "../money/exact-oracle";
import { context, report } from "./synthetic";

const decreaseWords: DecreaseWord[] = ["降低", "下降", "减少"];
const increaseWords: IncreaseWord[] = ["增长", "增加", "上升"];

/** A non-negative amount as an officer types it: up to 12 integer digits, 0–`maxScale` decimals. */
const amountText = (maxScale: number) =>
  fc.tuple(fc.bigInt({ min: 0n, max: 10n ** 12n }), fc.integer({ min: 0, max: maxScale })).map(([units, scale]) => plain(units, scale));

/** Biased toward the interesting cases: equal, zero, tiny changes. */
const pair = (maxScale: number) =>
  fc.oneof(
    fc.tuple(amountText(maxScale), amountText(maxScale)),
    amountText(maxScale).map((a) => [a, a] as [string, string]),
    amountText(maxScale).map((a) => ["0", a] as [string, string]),
    amountText(maxScale).map((a) => [a, "0"] as [string, string]),
    fc.tuple(fc.bigInt({ min: 1n, max: 10n ** 9n }), fc.constantFrom(-1n, 1n)).map(([u, d]) => [plain(u * 100n, 2), plain(u * 100n + d, 2)] as [string, string]),
  );

const ARTEFACT = /NaN|Infinity|undefined|null|-0\.00(?!\d)|-0(?![\d.])|\d\.\d*0{6,}[1-9]|\d\.\d*9{6,}\d|\d[eE][+-]?\d/;

/** Compare two plain decimal texts exactly (BigInt, no floats). */
function sign(a: string, b: string): number {
  const scale = 12;
  const units = (t: string) => BigInt(roundText(t, scale).replace(".", ""));
  const d = units(a) - units(b);
  return d > 0n ? 1 : d < 0n ? -1 : 0;
}

function checkChange(prior: string, current: string, decreaseWord: DecreaseWord, increaseWord: IncreaseWord, precision: "shown" | "full"): void {
  const ctx = context({ "sangong.reception.prior": prior, "sangong.reception.current": current }, { decreaseWord, increaseWord, precision });
  const built = buildChange(ctx, "t", SANGONG_ITEMS[0], "实际支出");
  if (!built.ok) throw new Error(`missing for ${prior} -> ${current}`);
  const text = built.sentence.text;
  expect(text).not.toMatch(ARTEFACT);
  // What the arithmetic starts from: the cells rounded to 2 decimals, or every digit.
  const p = precision === "shown" ? roundText(prior, 2) : prior;
  const c = precision === "shown" ? roundText(current, 2) : current;
  const shownCurrent = roundText(current, 2);
  if (sign(p, "0") === 0) {
    expect(text).toBe(sign(c, "0") === 0 ? "公务接待费本年无此项支出" : `公务接待费上年无此项支出，本年新增${shownCurrent}万元`);
    return;
  }
  const direction = sign(c, p);
  if (direction === 0) {
    expect(text).toBe(`公务接待费实际支出${shownCurrent}万元，与上年持平`);
    return;
  }
  const word = direction < 0 ? decreaseWord : increaseWord;
  const magnitude = direction < 0 ? subtract(p, c) : subtract(c, p);
  const percent = percentOf(magnitude, p, 2);
  const stated = percent === "0.00" ? `比上年${word}不足0.01%` : `比上年${word}${percent}%`;
  expect(text).toBe(`公务接待费实际支出${shownCurrent}万元，${stated}`);
  // The other direction's words never appear.
  for (const other of direction < 0 ? increaseWords : decreaseWords) expect(text).not.toContain(other);
}

/** a − b for plain decimal texts with a ≥ b, exactly, by scaling to BigInt. */
function subtract(a: string, b: string): string {
  const scale = 12;
  const units = (t: string) => BigInt(roundText(t, scale).replace(".", ""));
  return plain(units(a) - units(b), scale);
}

describe("change on the prior year, for random figures", () => {
  it("shown precision: percentage = exact result of the 2-decimal cells, rounded half up; word follows the sign", () => {
    fc.assert(
      fc.property(pair(2), fc.constantFrom(...decreaseWords), fc.constantFrom(...increaseWords), ([prior, current], d, i) =>
        checkChange(prior, current, d, i, "shown"),
      ),
      { numRuns: 400 },
    );
  });

  it("shown precision with cells typed with more decimals than shown", () => {
    fc.assert(
      fc.property(pair(6), ([prior, current]) => checkChange(prior, current, "降低", "增长", "shown")),
      { numRuns: 300 },
    );
  });

  it("full precision: the exact result of every digit typed, rounded half up", () => {
    fc.assert(
      fc.property(pair(6), fc.constantFrom(...decreaseWords), fc.constantFrom(...increaseWords), ([prior, current], d, i) =>
        checkChange(prior, current, d, i, "full"),
      ),
      { numRuns: 300 },
    );
  });
});

/** Anything an officer may leave in a numeric cell. */
const cellText = fc.oneof(
  amountText(4),
  amountText(2),
  fc.constantFrom("0", "0.00", "无", "—", "", "-1.50", "1,234.56", "3.444", "0.005", "99999999999.99"),
);

const NUMERIC_FIELDS = [
  "staff.authorized", "staff.authorizedAdmin", "staff.inService", "staff.inServiceHQ", "staff.actual", "vehicles.inUse",
  "budget.fiscal", "budget.incomeTotal", "budget.basic", "budget.project", "budget.expenseTotal",
  "fiscalIncome.all.available", "fiscalIncome.all.received", "fiscalIncome.all.yearBalance", "fiscalIncome.all.priorBalance",
  "income.all.total", "expense.all.total",
  "budgetExec.basic.budget", "budgetExec.basic.actual", "budgetExec.project.budget", "budgetExec.project.actual", "budgetExec.total.budget", "budgetExec.total.actual",
  "econ.salary.budget", "econ.salary.actual", "econ.goods.budget", "econ.goods.actual", "econ.enterprises.actual",
  "sangong.total.current", ...SANGONG_ITEMS.flatMap((i) => [i.prior, i.current]),
  "special.budget", "special.actual", "special.added", "special.used",
  "projectItems.item[1].amount", "funcBasic.item[1].amount", "funcBasic.item[2].amount", "funcProject.item[1].amount",
];
const COUNT_FIELDS = new Set(["staff.authorized", "staff.authorizedAdmin", "staff.inService", "staff.inServiceHQ", "staff.actual", "vehicles.inUse"]);
const countText = fc.oneof(fc.integer({ min: 0, max: 5000 }).map(String), fc.constantFrom("0", "", "无"));

describe("every paragraph, for random workbooks", () => {
  it("never throws and never prints NaN, Infinity, undefined, -0.00 or a float artefact", () => {
    const values = fc.record(Object.fromEntries(NUMERIC_FIELDS.map((id) => [id, COUNT_FIELDS.has(id) ? countText : cellText])));
    const options = fc.record({
      precision: fc.constantFrom("shown" as const, "full" as const),
      sharesTo100: fc.boolean(),
      executionRate: fc.boolean(),
      decreaseWord: fc.constantFrom(...decreaseWords),
      increaseWord: fc.constantFrom(...increaseWords),
    });
    fc.assert(
      fc.property(values, options, (v, o) => {
        const data = report(v, {
          projectItems: [{ name: "项目甲" }],
          funcBasic: [{ name: "行政运行" }, { name: "住房保障支出" }],
          funcProject: [{ name: "其他科学技术支出" }],
        });
        const n = narrate(defaultForm, data, o);
        for (const p of n.paragraphs) {
          expect(p.text).not.toMatch(ARTEFACT);
          for (const s of p.sentences) {
            expect(s.text).not.toMatch(ARTEFACT);
            for (const f of s.facts) if (f.kind !== "cell" && f.kind !== "wording") expect(f.shown).not.toMatch(ARTEFACT);
          }
          if (p.status === "missing") expect(p.missing.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 200 },
    );
  });
});
