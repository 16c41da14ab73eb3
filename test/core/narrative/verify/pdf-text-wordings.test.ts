/**
 * 上海市普陀区 2024 决算 情况说明 wordings, as a PDF's text layer gives them, on the built-in
 * 部门决算 form (`mof-bumen-juesuan`):
 * - "主要用于以下方面：一般公共服务支出（类）A万元，占p%；…" — the 功能分类 level in brackets, the
 *   list headed by 主要用于, each item read in the table its head's figure matched (公开05表);
 * - "比 2023 年度减少 13.52 万元", "占 55.10%" — blanks between a year and 年, after 占;
 * - "“三公”经费财政拨款支出年初预算为B万元，支出决算为A万元，完成预算的r%";
 * - "增加307.82万元，增长100.00%" on a prior year of 0 — the percentage on the pair the amount matched.
 * Each: true in several wordings → every figure checked, no error; one planted slip → exactly one error.
 */
import fc from "fast-check";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { verifyNarrative } from "../../../../src/core/narrative";
import { builtInForms } from "../../../../src/core/spec/built-in";
import type { ReportData } from "../../../../src/core/spec/data";
import { percentOf, plain, scaled } from "../../money/exact-oracle";

const form = builtInForms.find((f) => f.id === "mof-bumen-juesuan")!;
const corpus = (id: string) => (JSON.parse(readFileSync(join(__dirname, "..", "..", "..", "fixtures", "corpus", `${id}.json`), "utf8")) as { data: ReportData }).data;
/** 上海市普陀区财政局 2024 (test/fixtures/corpus), as the base the cases vary. */
const caizhengju = corpus("shanghai-putuo-caizhengju-2024-juesuan");
/** 中共上海市普陀区委社会工作部 2024: set up in 2024, its prior year is 0. */
const shehui = corpus("shanghai-putuo-shehuigongzuobu-2024-juesuan");
const withValues = (base: ReportData, values: Record<string, string>): ReportData => ({ ...base, values: { ...base.values, ...values } });
const units = (x: string) => scaled(x).units * 10n ** BigInt(2 - scaled(x).scale);
const add = (...xs: string[]) => plain(xs.reduce((s, x) => s + units(x), 0n), 2);
const sub = (a: string, b: string) => plain(units(a) - units(b), 2);
const errors = (text: string, data: ReportData) => verifyNarrative(form, data, text).findings.filter((f) => f.severity === "error");

const cents = fc.integer({ min: 1, max: 99_999_999 }).map((n) => plain(BigInt(n), 2));
/** This year's and last year's amounts, different. */
const twoYears = fc.tuple(cents, cents).filter(([a, b]) => a !== b);
/** The change from `prior` to `now`: its size, and whether it is down. */
function changeOf(now: string, prior: string): { abs: string; down: boolean } {
  const diff = sub(now, prior);
  const down = diff.startsWith("-");
  return { abs: down ? diff.slice(1) : diff, down };
}
/** A true text: its `count` figures all checked, none 未核对, no error. */
function expectAllChecked(data: ReportData, text: string, count: number): void {
  const r = verifyNarrative(form, data, text);
  expect(r.findings.filter((f) => f.severity === "error")).toEqual([]);
  expect(r.unchecked).toEqual([]);
  expect(r.checked).toHaveLength(count);
}

describe("一般公共预算财政拨款支出决算结构: items with （类）, listed after 主要用于以下方面", () => {
  const CLASSES = [
    ["201", "一般公共服务支出"],
    ["208", "社会保障和就业支出"],
    ["210", "卫生健康支出"],
    ["221", "住房保障支出"],
  ] as const;
  type Amounts = [string, string, string, string];
  const line = (code: string) => caizhengju.lists.generalFuncs.findIndex((e) => e.code === code) + 1;

  /** 公开05表 holds `a`; 收入支出决算总表 and 财政拨款总表 hold `misprint` where given (a 0.01 slip of theirs). */
  function data(a: Amounts, misprint: Partial<Record<string, string>> = {}): ReportData {
    const total = add(...a);
    const values: Record<string, string> = { "generalSpending.all.total": total, "fiscalSpending.total.total": total, "spending.total": total };
    CLASSES.forEach(([code], i) => {
      values[`generalSpending.line[${line(code)}].total`] = a[i];
      values[`spending.c${code}`] = misprint[code] ?? a[i];
      values[`fiscalSpending.c${code}.total`] = misprint[code] ?? a[i];
    });
    return withValues(caizhengju, values);
  }
  const WORDINGS: Array<(total: string, items: string[]) => string> = [
    (t, items) => `一般公共预算财政拨款支出${t}万元，主要用于以下方面：${items.join("；")}。`,
    (t, items) => `一般公共预算财政拨款支出 ${t} 万元，主要用于以下几个方面：${items.join("；")}。`,
    (t, items) => `一般公共预算财政拨款支出${t}万元，其中：${items.join("；")}。`,
  ];
  const ITEM: Array<(name: string, amount: string, share: string) => string> = [
    (n, a, p) => `${n}（类）${a}万元，占${p}%`,
    (n, a, p) => `${n}（类） ${a} 万元，占 ${p}%`,
    (n, a, p) => `${n}(类)${a}万元，占${p}%`,
  ];
  function text(a: Amounts, w: number, item: number, off?: { index: number; amount?: string; points?: string }): string {
    const total = add(...a);
    const items = CLASSES.map(([, name], i) => {
      const share = percentOf(a[i], total, 2);
      return ITEM[item](name, off?.index === i && off.amount ? off.amount : a[i], off?.index === i && off.points ? add(share, off.points) : share);
    });
    return WORDINGS[w](total, items);
  }
  const amounts = fc.tuple(cents, cents, cents, cents);

  it("true, in every wording: the whole, each amount and each share checked, no error (property)", () => {
    fc.assert(
      fc.property(amounts, fc.integer({ min: 0, max: WORDINGS.length - 1 }), fc.integer({ min: 0, max: ITEM.length - 1 }), (a, w, item) => {
        expectAllChecked(data(a), text(a, w, item), 1 + 2 * CLASSES.length);
      }),
      { numRuns: 60 },
    );
  });

  // Off by 0.05, not 0.01: a share 0.01 up may be the largest-remainder adjustment (a 尾差 notice).
  it("one share off by 0.05 point: exactly one error, naming the share of the list's head", () => {
    fc.assert(
      fc.property(amounts, fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: WORDINGS.length - 1 }), (a, index, w) => {
        const found = errors(text(a, w, 0, { index, points: "0.05" }), data(a));
        expect(found).toHaveLength(1);
        expect(found[0].expected).toBe(`占一般公共预算财政拨款支出的${percentOf(a[index], add(...a), 2)}%`);
      }),
      { numRuns: 60 },
    );
  });

  it("上海市普陀区财政局's 一般公共服务支出 share 71.73% (2106.66 of 2940.05 is 71.65%): exactly one error", () => {
    const a: Amounts = ["2106.66", "326.72", "60.99", "445.69"];
    const found = errors(text(a, 0, 0, { index: 0, points: sub("71.73", percentOf("2106.66", add(...a), 2)) }), data(a));
    expect(found).toHaveLength(1);
    expect(found[0].expected).toBe(`占一般公共预算财政拨款支出的${percentOf("2106.66", "2940.05", 2)}%`);
  });

  it("an item stated as the 收入支出决算总表's misprint (236.63 for 公开05表's 236.64): exactly one error, against the head's table", () => {
    const a: Amounts = ["754.75", "236.64", "3832.36", "461.08"];
    const misprint = sub(a[1], "0.01");
    const found = errors(text(a, 0, 1, { index: 1, amount: misprint }), data(a, { "208": misprint }));
    expect(found).toHaveLength(1);
    expect(found[0].expected).toBe(`${a[1]}万元`);
  });
});

describe("机关运行经费: a year typed with blanks (比 2023 年度减少 13.52 万元)", () => {
  const WORDINGS: Array<(now: string, word: string, diff: string, pct: string) => string> = [
    (n, w, d, p) => `机关运行经费支出 ${n} 万元，比 2023 年度${w} ${d} 万元，${w === "减少" ? "下降" : "增长"} ${p}%。`,
    (n, w, d, p) => `机关运行经费支出${n}万元，比2023年度${w}${d}万元，${w === "减少" ? "下降" : "增长"}${p}%。`,
    (n, w, d, p) => `机关运行经费支出 ${n} 万元，较 2023 年${w} ${d} 万元，${w === "减少" ? "下降" : "增长"} ${p}%。`,
  ];
  const data = (now: string, prior: string) => withValues(caizhengju, { "extra.opsFunds": now, "prior.opsFunds": prior });
  function text(now: string, prior: string, w: number, off?: "diff" | "pct"): string {
    const { abs, down } = changeOf(now, prior);
    const pct = percentOf(abs, prior, 2);
    return WORDINGS[w](now, down ? "减少" : "增加", off === "diff" ? add(abs, "0.01") : abs, off === "pct" ? add(pct, "0.01") : pct);
  }

  it("true, in every wording: the amount, the change and the percentage checked, no error (property)", () => {
    fc.assert(
      fc.property(twoYears, fc.integer({ min: 0, max: WORDINGS.length - 1 }), ([now, prior], w) => {
        expectAllChecked(data(now, prior), text(now, prior, w), 3);
      }),
      { numRuns: 60 },
    );
  });

  it("规划和自然资源局's 142.80, 比 2023 年度减少 13.52 万元 with a planted slip in the change or the percentage: exactly one error", () => {
    for (const off of ["diff", "pct"] as const) {
      const found = errors(text("142.80", "156.32", 0, off), data("142.80", "156.32"));
      expect(found).toHaveLength(1);
      expect(found[0].expected).toBe(off === "diff" ? "比上年减少13.52万元" : `比上年降低${percentOf("13.52", "156.32", 2)}%`);
    }
  });
});

describe("“三公”经费财政拨款支出: the 三公 total in the 决算 情况说明's word order", () => {
  const WORDINGS: Array<(b: string, a: string, r: string) => string> = [
    (b, a, r) => `“三公”经费财政拨款支出年初预算为 ${b} 万元，支出决算为 ${a} 万元，完成预算的 ${r}%。`,
    (b, a, r) => `"三公"经费财政拨款支出年初预算为${b}万元，支出决算为${a}万元，完成预算的${r}%。`,
    (b, a, r) => `财政拨款“三公”经费支出年初预算为${b}万元，支出决算为${a}万元，完成预算的${r}%。`,
  ];
  const data = (b: string, a: string) => withValues(caizhengju, { "sangong.total.budget": b, "sangong.total.actual": a });

  it("true, in every wording: the 预算, the 决算 and the rate checked, no error (property)", () => {
    fc.assert(
      fc.property(cents, cents, fc.integer({ min: 0, max: WORDINGS.length - 1 }), (b, a, w) => {
        expectAllChecked(data(b, a), WORDINGS[w](b, a, percentOf(a, b, 2)), 3);
      }),
      { numRuns: 60 },
    );
  });

  it("规划和自然资源局's 2.85 / 0.39 with the rate off by 0.01 point: exactly one error", () => {
    const found = errors(WORDINGS[0]("2.85", "0.39", add(percentOf("0.39", "2.85", 2), "0.01")), data("2.85", "0.39"));
    expect(found).toHaveLength(1);
    expect(found[0].expected).toBe(`执行率${percentOf("0.39", "2.85", 2)}%`);
  });
});

describe("a percentage change after its amount is on the pair the amount matched", () => {
  const data = (now: string, prior: string) =>
    withValues(shehui, { "income.grandTotal": now, "spending.grandTotal": now, "prior.incomeGrandTotal": prior, "prior.spendingGrandTotal": prior });
  const text = (now: string, diff: string, pct: string) => `2024 年度收入支出总计 ${now}万元。与 2023 年度相比，收入支出总计增加 ${diff} 万元，增长${pct}%。`;

  it("true on a prior year that is not 0: the change and the percentage checked, no error (property)", () => {
    fc.assert(
      fc.property(cents, cents, (prior, more) => {
        const now = add(prior, more);
        expectAllChecked(data(now, prior), text(now, more, percentOf(more, prior, 2)), 3);
      }),
      { numRuns: 60 },
    );
  });

  it("社会工作部 (set up in 2024): 增加307.82万元，增长100.00% on a prior year of 0 is exactly one error, with the wording to use", () => {
    const found = errors(text("307.82", "307.82", "100.00"), data("307.82", "0.00"));
    expect(found).toHaveLength(1);
    expect(found[0].problem).toBe("zeroBase");
    expect(found[0].expected).toBe("上年无此项支出，本年支出307.82万元");
  });
});

describe("“下降（增长）27.78%”: both words of a template left in — the figure is checked, the direction is not judged", () => {
  /** 规划和自然资源局 2024 (test/fixtures/corpus): its 三公 table has last year's 决算. */
  const guihua = corpus("shanghai-putuo-guihuaziyuan-2024-juesuan");
  const data = (now: string, prior: string) => withValues(guihua, { "sangong.total.actual": now, "sangong.total.prior": prior });
  const PAIRS = ["下降（增长）", "增长（下降）", "降低(增长)", "增长（减少）"];
  function text(now: string, prior: string, pair: string, points = "0"): string {
    const { abs, down } = changeOf(now, prior);
    return `2024 年度“三公”经费财政拨款支出决算数比 2023 年度${down ? "减少" : "增加"} ${abs} 万元，${pair}${add(percentOf(abs, prior, 2), points)}%。`;
  }

  it("true, with either word first: the change and the percentage checked, no error (property)", () => {
    fc.assert(
      fc.property(twoYears, fc.constantFrom(...PAIRS), ([now, prior], words) => {
        expectAllChecked(data(now, prior), text(now, prior, words), 2);
      }),
      { numRuns: 60 },
    );
  });

  it("规划和自然资源局's 0.54 → 0.39 with the percentage off by 0.05 point: exactly one error", () => {
    const found = errors(text("0.39", "0.54", PAIRS[0], "0.05"), data("0.39", "0.54"));
    expect(found).toHaveLength(1);
    expect(found[0].expected).toBe(`比上年降低${percentOf("0.15", "0.54", 2)}%`);
  });
});

describe("a change after an amount is that cell's change, though the prior cell is another label's (财政拨款收入总计 = 本年收入合计, no 结转)", () => {
  /** 财政拨款总表 with no 年初结转: its 总计 left blank, the amount stated is its 本年收入合计. */
  function data(now: string, prior: string): ReportData {
    const values = Object.fromEntries(Object.entries(caizhengju.values).filter(([k]) => !/^fiscalIncome\.|^prior\.fiscal|^fiscalSpending\.grandTotal/.test(k)));
    return { ...caizhengju, values: { ...values, "fiscalIncome.general": now, "fiscalIncome.total": now, "prior.fiscalIncomeTotal": prior } };
  }
  const WORDINGS: Array<(now: string, word: string, diff: string, pctWord: string, pct: string) => string> = [
    (n, w, d, pw, p) => `2024年度，本部门财政拨款收入总计${n}万元，与上年相比${w}${d}万元，${pw}${p}%。`,
    (n, w, d, pw, p) => `财政拨款收入总计 ${n} 万元，比上年${w} ${d} 万元，${pw} ${p}%。`,
  ];
  function text(now: string, prior: string, w: number, off = "0"): string {
    const { abs, down } = changeOf(now, prior);
    return WORDINGS[w](now, down ? "减少" : "增加", add(abs, off), down ? "降低" : "增长", percentOf(abs, prior, 2));
  }

  it("true, in every wording: the amount, the change and the percentage checked, no error (property)", () => {
    fc.assert(
      fc.property(twoYears, fc.integer({ min: 0, max: WORDINGS.length - 1 }), ([now, prior], w) => {
        expectAllChecked(data(now, prior), text(now, prior, w), 3);
      }),
      { numRuns: 60 },
    );
  });

  it("天水市幼儿园2017's 1516.64, 减少58.49 (last year 1575.13) with the change off by 0.01: exactly one error", () => {
    const found = errors(text("1516.64", "1575.13", 0, "0.01"), data("1516.64", "1575.13"));
    expect(found).toHaveLength(1);
    expect(found[0].expected).toBe(`比上年减少${sub("1575.13", "1516.64")}万元`);
  });
});
