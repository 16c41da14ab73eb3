/**
 * The 2020 report's computed sentences, written by ZiPing from the report's own tables.
 *
 * Each expected string is the seed's sentence with (a) every figure the test recomputes put in
 * its place and (b) the documented wording differences applied: ZiPing prints every amount with
 * 2 decimals and 万元, uses one verb per sentence kind, the self-reference from the workbook,
 * and leaves out evaluative words (总额控制较好, 控制较好) that no cell supports.
 */
import { narrate } from "../../../src/core/narrative";
import { defaultForm } from "../../../src/core/spec";
import { loadSeed, seedText } from "../../fixtures/load";
import { percentOf, quotient } from "../money/exact-oracle";
import { asZiPingAmounts, minus, paragraphText, seedClause, sentence, total } from "./seed-helpers";

const seed = seedText(2020);
const data = loadSeed(2020);
const cell = (id: string): string => {
  const v = data.values[id];
  if (typeof v !== "string") throw new Error(`fixture has no ${id}`);
  return v;
};
const narrative = narrate(defaultForm, data);
const text = (id: string) => sentence(narrative, id).text;

/** The percentage printed right after `words` in a seed clause. */
const printedPercent = (clause: string, words: string): string => {
  const m = new RegExp(`${words}(\\d+(?:\\.\\d+)?)%`).exec(clause);
  if (!m?.[1]) throw new Error(`no percentage after ${words} in ${clause}`);
  return m[1];
};

/** |current − prior| / prior as a percentage with 2 decimals, by the BigInt oracle. */
const fall = (prior: string, current: string): string => percentOf(minus(prior, current), prior, 2);

describe("三公经费 (2020)", () => {
  const receptionFall = fall(cell("sangong.reception.prior"), cell("sangong.reception.current"));
  const vehicleFall = fall(cell("sangong.vehicleOps.prior"), cell("sangong.vehicleOps.current"));

  it("公务接待费: the seed's sentence, character for character (its 44.77% is right)", () => {
    const clause = seedClause(seed, "公务接待费实际支出", "；");
    expect(printedPercent(clause, "降低")).toBe(receptionFall);
    expect(text("sangong.change.reception")).toBe(clause);
  });

  it("公务用车运行维护费: 4.02 → 0.12 is a fall of 97.01%, not the seed's 97.02%", () => {
    const clause = seedClause(seed, "公务用车运行维护费实际使用", "；");
    expect(vehicleFall).toBe("97.01");
    expect(printedPercent(clause, "降低")).not.toBe(vehicleFall);
    const expected = clause.replace("实际使用", "实际支出").replace(/降低[\d.]+%/, `降低${vehicleFall}%`);
    expect(text("sangong.change.vehicleOps")).toBe(expected);
  });

  it("groups the rows with nothing in either year, as the seed does", () => {
    expect(text("sangong.none")).toBe(seedClause(seed, "2020年度无因公出国费用", "。"));
  });

  it("states the total", () => {
    expect(text("sangong.total")).toBe(seedClause(seed, "“三公经费”本年实际支出", "，"));
  });

  it("人均 divides by 实有人数 (39): 1.90 ÷ 39 = 0.049, as printed; 40 would give 0.048", () => {
    const clause = seedClause(seed, "公务接待费本年人均", "；");
    const perHead = quotient(cell("sangong.reception.current"), cell("staff.actual"), 3);
    expect(clause).toBe(`公务接待费本年人均${perHead}万元`);
    expect(quotient(cell("sangong.reception.current"), cell("staff.inService"), 3)).not.toBe(perHead);
    const s = sentence(narrative, "sangong.perCapita.reception");
    expect(s.text).toBe(clause);
    const fact = s.facts.find((f) => f.kind === "perCapita");
    expect(fact && "divisor" in fact ? fact.divisor : undefined).toEqual({ field: "staff.actual", label: "人员情况·实有人数" });
  });

  it("每台 divides by the vehicles in use", () => {
    const clause = seedClause(seed, "本年在使用公车", "。");
    const perVehicle = quotient(cell("sangong.vehicleOps.current"), cell("vehicles.inUse"), 2);
    expect(clause).toBe(`本年在使用公车${cell("vehicles.inUse")}台，公车运行维护费平均每台${perVehicle}万元/台`);
    expect(text("sangong.perItem.vehicleOps")).toBe(clause);
  });

  it("the 与上年比较 sentence, with the corrected percentage and one decrease word", () => {
    const clause = seedClause(seed, "与上年比较，公务接待费", "，控制较好");
    const expected = clause.replace(/公务用车运行维护费减少[\d.]+%/, `公务用车运行维护费比上年降低${vehicleFall}%`);
    expect(expected).not.toBe(clause);
    expect(paragraphText(narrative, "sangong")).toContain(`${expected}。`);
  });

  it("the whole paragraph joins the seed's clauses in the seed's order", () => {
    const expected =
      `${seedClause(seed, "“三公经费”本年实际支出", "，")}。` +
      `其中${seedClause(seed, "公务接待费实际支出", "；")}；` +
      `公务用车运行维护费实际支出${cell("sangong.vehicleOps.current")}万元，比上年降低${vehicleFall}%；` +
      `${seedClause(seed, "2020年度无因公出国费用", "。")}。` +
      `${seedClause(seed, "公务接待费本年人均", "。")}。` +
      `与上年比较，公务接待费比上年降低${receptionFall}%，公务用车运行维护费比上年降低${vehicleFall}%。`;
    expect(paragraphText(narrative, "sangong")).toBe(expected);
  });
});

describe("年初预算 (2020)", () => {
  it("收入预算, all of it 财政拨款: the seed's sentence", () => {
    expect(text("budget.income")).toBe(seedClause(seed, "我局部门收入预算", "。"));
  });

  it("shares of 基本支出 and 项目支出: the seed's 97.17% and 2.83% are right", () => {
    const clause = seedClause(seed, "支出预算中基本支出", "。");
    const basicShare = percentOf(cell("budget.basic"), cell("budget.expenseTotal"), 2);
    const projectShare = percentOf(cell("budget.project"), cell("budget.expenseTotal"), 2);
    expect(clause).toBe(
      `支出预算中基本支出${cell("budget.basic")}万元，占支出预算总额的${basicShare}%，` +
        `项目支出${cell("budget.project")}万元，占支出预算的${projectShare}%`,
    );
    expect(text("budget.shares")).toBe(clause);
  });

  it("what the budget is used for, the project lines listed with 2-decimal amounts", () => {
    const clause = seedClause(seed, "2020年度年初部门预算支出", "。");
    // The seed writes "5.8万元、5万元"; ZiPing writes 5.80万元 and 5.00万元 and one separator.
    const expected = asZiPingAmounts(clause).replace("、", "，");
    const lines = ["projectItems.item[1].amount", "projectItems.item[2].amount", "projectItems.item[3].amount"].map(cell);
    expect(total(lines)).toBe(cell("budget.project"));
    expect(text("budget.use")).toBe(expected);
  });
});

describe("预算执行 (2020)", () => {
  it("指标 and 指标结余, with the self-reference (the seed says 局本级 here, 我局 elsewhere)", () => {
    const clause = seedClause(seed, "2020年度局本级预算可用指标", "。");
    expect(text("exec.indicators")).toBe(clause.replace("局本级", "我局"));
  });

  it("结余减少 = 上年结余 − 本年指标结余", () => {
    const decrease = minus(cell("fiscalIncome.all.priorBalance"), cell("fiscalIncome.all.yearBalance"));
    expect(decrease).toBe(cell("fiscalIncome.all.balanceDecrease"));
    expect(text("exec.balanceDecrease")).toBe(`上年结余${cell("fiscalIncome.all.priorBalance")}万元，结余减少${decrease}万元`);
  });

  it("收入/支出/结余 by unit, 结余 computed as 收入 − 支出", () => {
    const s = text("exec.units");
    expect(s).toContain(`收入合计${cell("income.all.total")}万元，支出合计${cell("expense.all.total")}万元，结余${minus(cell("income.all.total"), cell("expense.all.total"))}万元`);
    expect(s).toContain(`局机关收入${cell("income.unit[1].total")}万元，支出${cell("expense.unit[1].total")}万元，结余${minus(cell("income.unit[1].total"), cell("expense.unit[1].total"))}万元`);
  });
});

describe("基本支出 overspend (2020)", () => {
  const clause = seedClause(seed, "我局基本支出预算超支", "，其中：\n");
  const rows = [
    { id: "salary", name: "工资福利支出" },
    { id: "goods", name: "商品和服务支出" },
    { id: "households", name: "对个人和家庭的补助" },
    { id: "enterprises", name: "对企业补助" },
  ];
  const overspend = (row: string): string => {
    const budget = data.values[`econ.${row}.budget`];
    return typeof budget === "string" ? minus(cell(`econ.${row}.actual`), budget) : minus(cell(`econ.${row}.actual`), "0");
  };
  /** The seed's own item figures: "工资福利支出与超支197.64万元" etc. */
  const seedItems = new Map([...clause.matchAll(/([^，；：]+?)与?超支(\d+\.\d+)万元/g)].map((m) => [m[1], m[2]]));

  it("the seed's item figures are each 决算 − 预算", () => {
    for (const row of rows) expect(seedItems.get(row.name), row.name).toBe(overspend(row.id));
  });

  it("基本支出 is over by 781.00 − 507.32 = 273.68, not the seed's 294.48", () => {
    const over = minus(cell("budgetExec.basic.actual"), cell("budgetExec.basic.budget"));
    expect(over).toBe("273.68");
    expect(seedItems.get("我局基本支出预算")).toBe("294.48");
    const budgeted = rows.filter((r) => typeof data.values[`econ.${r.id}.budget`] === "string");
    const unbudgeted = rows.filter((r) => !budgeted.includes(r));
    // Table order, "，" between rows over their 预算 and "；" before rows with none (the seed
    // mixes both separators, writes "与超支" once, and lists 补助 before 商品和服务).
    const expected =
      `我局基本支出预算超支${over}万元，其中：` +
      budgeted.map((r) => `${r.name}超支${overspend(r.id)}万元`).join("，") +
      "；" +
      unbudgeted.map((r) => `${r.name}超支${overspend(r.id)}万元（年初未作预算）`).join("；");
    expect(text("basic.overspend")).toBe(expected);
  });

  it("超支项目合计 is the sum of the rows, 605.47; the seed's 605.48 is 合计决算 − 合计预算", () => {
    const seedTotal = seedClause(seed, "超支项目合计超支", "，");
    const sumOfRows = total(rows.map((r) => overspend(r.id)));
    expect(sumOfRows).toBe("605.47");
    expect(seedTotal).toBe(`超支项目合计超支${minus(cell("econ.total.actual"), cell("econ.total.budget"))}万元`);
    expect(text("basic.overspendTotal")).toBe(seedTotal.replace(/[\d.]+万元/, `${sumOfRows}万元`));
  });

  it("writes no 结余项目 sentence: every row is over its 预算 (the seed's 129 is the 专项 结余)", () => {
    expect(narrative.paragraphs.find((p) => p.id === "basic")?.sentences.map((s) => s.id)).toEqual(["basic.overspend", "basic.overspendTotal"]);
    expect(minus(cell("special.actual"), cell("special.used"))).toBe("129.00");
  });
});

describe("人员 (2020)", () => {
  it("编制 and its parts: the seed's sentence", () => {
    expect(text("staff.authorized")).toBe(seedClause(seed, "我局部门年初预算中", "。"));
  });

  it("实际人数比编制人数少3人 compares 编制 43 with 实际在职 40 (实有人数 39 would give 4)", () => {
    const gap = Number(cell("staff.authorized")) - Number(cell("staff.inService"));
    expect(Number(cell("staff.authorized")) - Number(cell("staff.actual"))).not.toBe(gap);
    const clause = seedClause(seed, "至2020年12月31日，部门实际在职人员", "。");
    expect(clause.endsWith(`实际人数比编制人数少${gap}人`)).toBe(true);
    expect(paragraphText(narrative, "staff")).toContain(`${clause}。`);
    expect(sentence(narrative, "staff.gap").fields).toEqual(["staff.authorized", "staff.inService"]);
  });
});

describe("专项资金 (2020)", () => {
  it("预算投入 and 实际投入: the seed's sentence", () => {
    expect(text("special.input")).toBe(seedClause(seed, "本年预算投入", "。"));
  });

  it("结余 = 实际投入 − 实际使用, printed 129.00万元", () => {
    const clause = seedClause(seed, "本年追加专项", "。");
    expect(clause).toMatch(new RegExp(`结余${Number(minus(cell("special.actual"), cell("special.used")))}万元$`));
    expect(text("special.use")).toBe(asZiPingAmounts(clause));
  });
});

describe("paragraphs (2020)", () => {
  it("come in report order, all written except the 2025-only 功能科目 listing", () => {
    expect(narrative.paragraphs.map((p) => [p.id, p.status])).toEqual([
      ["staff", "ok"],
      ["budget", "ok"],
      ["execution", "ok"],
      ["basic", "ok"],
      ["sangong", "ok"],
      ["special", "ok"],
      ["functional", "missing"],
      ["performance", "ok"],
    ]);
  });

  it("every sentence lists the field ids it used, all of them real fields of the form", () => {
    const known = new Set(Object.keys(data.values));
    for (const p of narrative.paragraphs) {
      for (const s of p.sentences) {
        expect(s.fields.length, s.id).toBeGreaterThan(0);
        for (const f of s.fields) expect(known.has(f), `${s.id} uses ${f}`).toBe(true);
      }
    }
  });
});
