/**
 * Holds 叙述核对's results on the labelled corpus (test/fixtures/corpus) at what was measured when
 * the corpus was assembled: a drop in slips caught or in figures verified, or a new error on a
 * sentence labelled correct, fails. Every number is computed here from the labels and ZiPing's output.
 */
import { loadCorpus, scoreCorpus, labelEnd } from "./score";

/** Measured 2026-12-06 (npm run truth). Raise these when 叙述核对 improves; never lower them. */
// Was 6 of 10 slips caught and 106 of 199 figures verified. Then: changes on a named base (比上年预算,
// 比2021年预算数, 比上年决算数) against the prior column of that kind; 完成预算84.82万元的73.2%; 占X% of the
// list's head; 比上年累计支出433万元; a rate on a budget of 0; 本单位收入; 决算数大于预算数. Then 政协寻甸2022 (元,
// cells marked exact): 18 figures, all verified, its percentages computed from the exact cells; 寻甸县委政法委2022
// (元): 19 figures, its two slips (增长0% on a prior year of 0) caught, 占总支出决算的22.10% read.
// Then the three 上海市普陀区 2024 情况说明 (added beside those changes, so unseen by them): 128 figures,
// 17 slips — 6 caught, 2 passed as correct, 9 未核对; 52 figures 未核对; no false error. Then their wordings
// (（类）, blanks from the PDF's text layer, 主要用于以下方面：, “三公”经费财政拨款支出, a list's items in its
// head's table, a percentage on the amount's pair, 下降（增长）): 11 of their 17 caught, 9 figures 未核对, no false error;
// and 天水's "减少58.49萬元，降低3.71%", the change of the cell the amount before it matched.
// Then a quotient cut off instead of rounded (99.86% for 99.868%) became an error: the three truncated
// 上海 percentages are caught, none passes as correct any more; one of them shares its sentence with
// another wrong figure and is now 未核对 (two wrong readings), so verified went from 347 to 346 —
// lowered on purpose: a slip left 未核对 is better than one passed as a 尾差.
const MEASURED = { caught: 25, slips: 29, verified: 346, figures: 364, falseErrors: 0 };

describe("叙述核对 on the labelled corpus", () => {
  const score = scoreCorpus();

  it("has at least 12 documents, 4 provinces and 3 kinds, each label naming one place in its text", () => {
    const { documents } = loadCorpus();
    expect(documents.length).toBeGreaterThanOrEqual(12);
    expect(new Set(documents.map((d) => d.source.province).filter((p) => p !== "不详")).size).toBeGreaterThanOrEqual(4);
    expect(new Set(documents.map((d) => d.source.kind)).size).toBeGreaterThanOrEqual(3);
    for (const d of documents) {
      for (const l of d.labels) {
        expect(labelEnd(d, l)).toBeGreaterThan(0);
        // A label ends at its figure: the amount (万元, or 元 where the report states 元), the percentage or the word 持平.
        expect(l.at, `${d.id}「${l.at}」`).toMatch(/(元|%|持平)$/);
      }
    }
  });

  it("catches at least as many slips, and as large a share of them, as measured", () => {
    expect(score.total.caught).toBeGreaterThanOrEqual(MEASURED.caught);
    expect(score.recall).toBeGreaterThanOrEqual(MEASURED.caught / MEASURED.slips);
  });

  it("verifies at least as many figures, and as large a share of them, as measured", () => {
    expect(score.total.figures - score.total.unverified).toBeGreaterThanOrEqual(MEASURED.verified);
    expect(score.verifiedShare).toBeGreaterThanOrEqual(MEASURED.verified / MEASURED.figures);
  });

  // Five known errors on figures labelled correct, all one kind: "增加0万元" / "增长0%" / "减少0万元"
  // where the two years are equal (寻甸 ×3, 涪陵 ×2) are reported as a wrong direction word. The
  // figures are right; the target is 0 and a new one fails here.
  it("reports no more errors on correct figures than measured", () => {
    expect(score.total.falseErrors).toBeLessThanOrEqual(MEASURED.falseErrors);
  });
});
