/**
 * Precision first: sentences built from the tables' own figures, in the wordings officers use,
 * are true, so 叙述核对 may leave some 未核对 but must never call one an error.
 */
import fc from "fast-check";
import { verifyNarrative } from "../../../../src/core/narrative";
import { buildVocabulary } from "../../../../src/core/narrative/verify/vocabulary";
import { defaultForm, expandFields, rawText, type ReportData } from "../../../../src/core/spec";
import { loadSeed } from "../../../fixtures/load";
import { percentOf, plain, scaled } from "../../money/exact-oracle";

/** Simplified → traditional for a few characters of the labels (the reverse of what 叙述核对 maps). */
const TRADITIONAL: Record<string, string> = { 费: "費", 万: "萬", 预: "預", 务: "務", 车: "車", 经: "經", 补: "補", 个: "個", 结: "結", 余: "餘", 项: "項", 员: "員", 门: "門", 机: "機", 实: "實", 际: "際", 数: "數" };
const traditional = (s: string) => [...s].map((c) => TRADITIONAL[c] ?? c).join("");
const fullWidth = (s: string) => s.replace(/[0-9.%]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));

/** A cell's figure as a plain decimal, or undefined when it holds none. */
function figureOf(data: ReportData, field: string): string | undefined {
  const raw = rawText(data.values[field]);
  if (raw === null || raw === "") return undefined;
  const text = String(raw).trim();
  return /^-?\d+(\.\d+)?$/.test(text) ? text : undefined;
}

const amount = (text: string) => {
  const { units, scale } = scaled(text);
  return scale >= 2 ? plain(units, scale) : plain(units * 10n ** BigInt(2 - scale), 2);
};
const minus = (a: string, b: string) => {
  const x = scaled(a);
  const y = scaled(b);
  const s = Math.max(x.scale, y.scale);
  return plain(x.units * 10n ** BigInt(s - x.scale) - y.units * 10n ** BigInt(s - y.scale), s);
};

/** True statements about the seed's cells, each one clause. */
function trueStatements(data: ReportData): string[] {
  const units = new Map(expandFields(defaultForm, data.lists).map((f) => [f.id, f.unit]));
  const year = Number(figureOf(data, "report.year"));
  const out: string[] = [];
  for (const c of buildVocabulary(defaultForm, data.lists).concepts) {
    if (c.derived) continue;
    for (const term of c.terms.slice(0, 3)) {
      for (const v of c.values) {
        const value = figureOf(data, v.field);
        if (value === undefined) continue;
        const words = v.role === "budget" ? ["预算", "年初预算", "预算数为"] : v.role === "prior" ? ["上年", "上年决算"] : ["", "本年", "决算", "本年决算为"];
        for (const word of words) {
          if (c.measure === "amount") out.push(`${term}${word}${amount(value)}万元`);
          else out.push(`${term}${word}${value}${c.measure === "score" ? "分" : units.get(v.field) ?? ""}`);
        }
      }
      if (c.pair) {
        const [prior, current] = [figureOf(data, c.pair.prior), figureOf(data, c.pair.current)];
        if (prior !== undefined && current !== undefined && Number(prior) > 0) {
          const diff = minus(current, prior);
          const fell = diff.startsWith("-");
          const size = fell ? diff.slice(1) : diff;
          const percent = percentOf(size, prior, 2);
          for (const comparison of ["比上年", "较上年同期", `比${year - 1}年度`, "同比"]) {
            if (Number(size) === 0) out.push(`${term}${comparison}持平`);
            else out.push(`${term}${comparison}${fell ? "降低" : "增长"}${percent}%`, `${term}${comparison}${fell ? "减少" : "增加"}${amount(size)}万元`);
          }
        }
      }
      if (c.budgetPair) {
        const [budget, actual] = [figureOf(data, c.budgetPair.budget), figureOf(data, c.budgetPair.actual)];
        if (budget !== undefined && actual !== undefined && Number(budget) > 0) {
          const rate = percentOf(actual, budget, 2);
          out.push(`${term}预算执行率${rate}%`, `${term}完成预算的${rate}%`);
        }
      }
    }
  }
  return out.concat(pairStatements(data));
}

/**
 * Statements about two figures: "A…a万元，占B…的p%" (a ratio, true whatever A and B are) and
 * "A、B分别为a、b万元". Every seventh pair of cells, so the pool stays a few thousand.
 */
function pairStatements(data: ReportData): string[] {
  const cells = buildVocabulary(defaultForm, data.lists).concepts.flatMap((c) =>
    c.measure === "amount" && !c.derived && !c.weak
      ? c.values.flatMap((v) => {
          const value = figureOf(data, v.field);
          return value === undefined || v.role === "prior" ? [] : [{ term: c.terms[0], role: v.role, value }];
        })
      : [],
  );
  const roleWord = (role: string) => (role === "budget" ? "预算" : "");
  const out: string[] = [];
  let k = 0;
  for (const a of cells) {
    for (const b of cells) {
      if (a.term === b.term || k++ % 7 !== 0) continue;
      if (Number(b.value) > 0) out.push(`${a.term}${roleWord(a.role)}${amount(a.value)}万元，占${b.term}${roleWord(b.role)}的${percentOf(a.value, b.value, 2)}%`);
      if (a.role === "actual" && b.role === "actual") out.push(`${a.term}、${b.term}分别为${amount(a.value)}、${amount(b.value)}万元`);
    }
  }
  return out;
}

describe("叙述核对 never calls a true sentence wrong", () => {
  for (const year of [2020, 2025] as const) {
    const data = loadSeed(year);
    const pool = trueStatements(data);

    it(`${year}: the pool of true statements is large and each one alone raises no error`, () => {
      expect(pool.length).toBeGreaterThan(100);
      const wrong = pool.filter((s) => verifyNarrative(defaultForm, data, `${s}。`).findings.some((f) => f.severity === "error"));
      expect(wrong).toEqual([]);
    });

    it(`${year}: joined in any order and wording, still no error`, () => {
      const wording = fc.constantFrom((s: string) => s, traditional, fullWidth, (s: string) => s.replace(/费/g, ""));
      fc.assert(
        fc.property(
          fc.array(fc.tuple(fc.constantFrom(...pool), wording), { minLength: 1, maxLength: 5 }),
          fc.array(fc.constantFrom("，", "；", "。", "\n"), { minLength: 5, maxLength: 5 }),
          fc.constantFrom("", `${year}年度，`, "我局"),
          (parts, separators, prefix) => {
            const text = prefix + parts.map(([s, w], i) => w(s) + separators[i]).join("");
            const errors = verifyNarrative(defaultForm, data, text).findings.filter((f) => f.severity === "error");
            expect(errors.map((f) => f.message), text).toEqual([]);
          },
        ),
        { numRuns: 300 },
      );
    });
  }
});
