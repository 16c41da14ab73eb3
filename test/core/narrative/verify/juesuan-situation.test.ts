/**
 * The 决算 情况说明's own wordings, on the built-in 部门决算 form (`mof-bumen-juesuan`):
 * "本单位收入为T万元，其中：财政拨款收入A万元，占p%；…经营收入…" (the totals named by who reports
 * them, the shares of the list's head, traditional characters such as 經營), and
 * "决算数大于预算数X万元" (the overspend).
 */
import fc from "fast-check";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { verifyNarrative } from "../../../../src/core/narrative";
import { builtInForms } from "../../../../src/core/spec/built-in";
import type { ReportData } from "../../../../src/core/spec/data";
import { percentOf, plain, scaled } from "../../money/exact-oracle";

const form = builtInForms.find((f) => f.id === "mof-bumen-juesuan")!;
/** 天水市幼儿园2017's published figures (test/fixtures/corpus), as the base the cases vary. */
const tianshui = (JSON.parse(readFileSync(join(__dirname, "..", "..", "..", "fixtures", "corpus", "gansu-tianshui-kindergarten-2017-juesuan.json"), "utf8")) as { data: ReportData }).data;
const withValues = (values: Record<string, string>): ReportData => ({ ...tianshui, values: { ...tianshui.values, ...values } });
const add = (...xs: string[]) => plain(xs.reduce((s, x) => s + scaled(x).units * 10n ** BigInt(2 - scaled(x).scale), 0n), 2);
const errors = (text: string, data: ReportData) => verifyNarrative(form, data, text).findings.filter((f) => f.severity === "error");

const SOURCES = [
  ["fiscal", "财政拨款收入"],
  ["business", "事业收入"],
  ["operating", "经营收入"],
  ["other", "其他收入"],
] as const;
type Sources = Record<(typeof SOURCES)[number][0], string>;

function incomeData(s: Sources): ReportData {
  const total = add(s.fiscal, s.business, s.operating, s.other);
  return withValues({
    "income.total": total,
    "incomeDetail.all.total": total,
    "incomeDetail.all.fiscal": s.fiscal,
    "incomeDetail.all.business": s.business,
    "income.business": s.business,
    "incomeDetail.all.operating": s.operating,
    "income.operating": s.operating,
    "incomeDetail.all.other": s.other,
    "income.other": s.other,
  });
}
function incomeText(s: Sources, who: string, off?: { source: keyof Sources; points: string }): string {
  const total = add(s.fiscal, s.business, s.operating, s.other);
  const items = SOURCES.map(([k, name]) => {
    const share = percentOf(s[k], total, 2);
    return `${name}${s[k]}万元，占${off?.source === k ? add(share, off.points) : share}%`;
  });
  return `2017年度，${who}收入为${total}万元，其中：${items.join("；")}。`;
}
const TRADITIONAL: Record<string, string> = { 单: "單", 财: "財", 拨: "撥", 经: "經", 营: "營", 业: "業", 为: "為", 万: "萬" };
const traditional = (t: string) => [...t].map((c) => TRADITIONAL[c] ?? c).join("");

const cents = fc.integer({ min: 1, max: 99_999_999 }).map((n) => plain(BigInt(n), 2));
const sources = fc.record({ fiscal: cents, business: cents, operating: cents, other: cents });

describe("收入决算情况: the total named by who reports it, its sources and their shares", () => {
  it("true, in simplified or traditional characters, by 本单位 or 本部门: every figure checked, no error (property)", () => {
    fc.assert(
      fc.property(sources, fc.constantFrom("本单位", "本部门"), fc.boolean(), (s, who, trad) => {
        const text = incomeText(s, who);
        const r = verifyNarrative(form, incomeData(s), trad ? traditional(text) : text);
        expect(r.findings.filter((f) => f.severity === "error")).toEqual([]);
        expect(r.unchecked).toEqual([]);
        expect(r.checked).toHaveLength(1 + 2 * SOURCES.length);
      }),
      { numRuns: 100 },
    );
  });

  it("天水市幼儿园2017's paragraph with one planted wrong share: exactly one error", () => {
    const s = { fiscal: "1516.64", business: "170.81", operating: "0", other: "0" };
    const found = errors(traditional(incomeText(s, "本单位", { source: "business", points: "1" })), incomeData(s));
    expect(found).toHaveLength(1);
    expect(found[0].expected).toBe(`占本年收入合计的${percentOf("170.81", "1687.45", 2)}%`);
  });

  it("a wrong total is 未核对, not an error: 本年收入合计 is several cells of the form (总表, 收入决算表, 财政拨款总表)", () => {
    const r = verifyNarrative(form, withValues({ "income.total": "1687.45", "incomeDetail.all.total": "1687.45" }), "2017年度，本单位收入为1678.45万元。");
    expect(r.findings.filter((f) => f.severity === "error")).toEqual([]);
    expect(r.unchecked.map((u) => u.reason).join("")).toContain("可能对应多个栏目");
  });
});

describe("决算数大于预算数X万元: the overspend", () => {
  const spending = (budget: string, actual: string) => withValues({ "generalSpending.all.budget": budget, "generalSpending.all.total": actual });
  it("true: checked, no error (property)", () => {
    fc.assert(
      fc.property(cents, cents, (budget, over) => {
        const actual = add(budget, over);
        const text = `本单位一般公共预算财政拨款支出总计${actual}万元，决算数大于预算数${over}万元。`;
        const r = verifyNarrative(form, spending(budget, actual), text);
        expect(r.findings.filter((f) => f.severity === "error")).toEqual([]);
        expect(r.checked.some((c) => c.fields.includes("generalSpending.all.budget"))).toBe(true);
      }),
      { numRuns: 100 },
    );
  });

  it("天水市幼儿园2017's figures with a planted wrong difference: exactly one error", () => {
    const found = errors("本单位一般公共预算财政拨款支出总计1741.75万元，决算数大于预算数59.53万元。", spending("1685.82", "1741.75"));
    expect(found).toHaveLength(1);
    expect(found[0].expected).toBe(`超支${add("1741.75", "-1685.82")}万元`);
  });

  it("决算数小于预算数 is not read as an overspend: 未核对, no error", () => {
    const r = verifyNarrative(form, spending("1800.00", "1741.75"), "本单位一般公共预算财政拨款支出总计1741.75万元，决算数小于预算数58.25万元。");
    expect(r.findings.filter((f) => f.severity === "error")).toEqual([]);
  });
});
