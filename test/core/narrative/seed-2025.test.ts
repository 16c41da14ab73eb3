/**
 * The 2025 report's 一般公共预算支出 section, written from its 功能科目 lists. The seed's slips
 * are corrected: "其中：其中：" doubled, "6.45万" without 元, and 105 / 15 without decimals.
 */
import { narrate } from "../../../src/core/narrative";
import { defaultForm } from "../../../src/core/spec";
import { loadSeed, seedText } from "../../fixtures/load";
import { asZiPingAmounts, paragraphText, seedClause, sentence, total } from "./seed-helpers";

const seed = seedText(2025);
const data = loadSeed(2025);
const narrative = narrate(defaultForm, data);

const amounts = (table: string, count: number): string[] =>
  Array.from({ length: count }, (_, i) => String(data.values[`${table}.item[${i + 1}].amount`]));

describe("一般公共预算支出 (2025)", () => {
  it("基本支出 and its 功能科目 lines, the doubled 其中： written once", () => {
    const clause = seedClause(seed, "2025年度我部门基本支出", "。");
    expect(clause).toContain("其中：其中：");
    const lines = amounts("funcBasic", data.lists.funcBasic.length);
    expect(clause).toContain(`基本支出${total(lines)}万元`);
    expect(sentence(narrative, "func.basic").text).toBe(asZiPingAmounts(clause.replace("其中：其中：", "其中：")));
  });

  it("项目支出 and its lines, every amount with 2 decimals and 万元", () => {
    const clause = seedClause(seed, "2025年度我部门项目支出", "。");
    expect(clause).toContain("6.45万；");
    const lines = amounts("funcProject", data.lists.funcProject.length);
    expect(clause).toContain(`项目支出${total(lines)}万元`);
    const expected = asZiPingAmounts(clause);
    expect(expected).toContain("一般行政管理事务支出105.00万元；其他科学技术管理事务支出6.45万元；自然科学基金支出15.00万元");
    expect(sentence(narrative, "func.project").text).toBe(expected);
  });

  it("the paragraph is the two sentences", () => {
    expect(paragraphText(narrative, "functional")).toBe(
      `${sentence(narrative, "func.basic").text}。${sentence(narrative, "func.project").text}。`,
    );
  });

  it("the total is the sum of the lines and the total cell is recorded beside it", () => {
    const s = sentence(narrative, "func.basic");
    const sumFact = s.facts.find((f) => f.kind === "sum");
    expect(sumFact && "inputs" in sumFact ? sumFact.inputs.length : 0).toBe(data.lists.funcBasic.length);
    expect(s.fields).toContain("funcBasic.total.amount");
    expect(s.notes).toBeUndefined();
  });

  it("does not guess the paragraphs the 2025 seed has no tables for: it names what is missing", () => {
    const byId = new Map(narrative.paragraphs.map((p) => [p.id, p]));
    expect(byId.get("functional")?.status).toBe("ok");
    for (const id of ["staff", "budget", "execution", "basic", "sangong", "special"] as const) {
      const p = byId.get(id)!;
      expect(p.status, id).toBe("missing");
      expect(p.text).toBe("");
      expect(p.missing.length, id).toBeGreaterThan(0);
      for (const m of p.missing) expect(m.reason).toBe("empty");
    }
    expect(byId.get("sangong")!.missing.map((m) => m.field)).toContain("sangong.reception.prior");
  });
});
