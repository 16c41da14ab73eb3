import { matchName, prepare, similarity } from "../../../src/core/importer/match";
import { cleanName, normalizeLabel, splitCode, unitInText } from "../../../src/core/importer/normalize";

describe("normalizeLabel", () => {
  it("reduces the ways exports write one label to one string", () => {
    const same = ["公务用车运维费", " 公务用车运维费 ", "公 务 用 车 运 维 费", "其中：公务用车运维费", "1、公务用车运维费", "（一）公务用车运维费", "公务用车运维费（万元）", "公务用车运维费(元)"];
    for (const s of same) expect(normalizeLabel(s), s).toBe("公务用车运维费");
    expect(normalizeLabel("“三公”经费合计")).toBe("三公经费合计");
    expect(normalizeLabel("本年决算数")).toBe("本年决算");
    expect(normalizeLabel("预算金额")).toBe("预算");
    // Too short once stripped: kept as written.
    expect(normalizeLabel("金额")).toBe("金额");
    expect(normalizeLabel("ＡＢＣ")).toBe("abc");
  });
});

describe("splitCode", () => {
  it("reads a 科目编码 in front of a name in the forms ledgers use", () => {
    expect(splitCode("2060101 行政运行")).toEqual({ code: "2060101", name: "行政运行" });
    expect(splitCode("【301】工资福利支出")).toEqual({ code: "301", name: "工资福利支出" });
    expect(splitCode("30101-基本工资")).toEqual({ code: "30101", name: "基本工资" });
    expect(splitCode("　　30102 津贴补贴")).toEqual({ code: "30102", name: "津贴补贴" });
    expect(splitCode("301")).toEqual({ code: "301", name: "" });
  });
  it("does not take numbering or a number for a code", () => {
    expect(splitCode("1、局机关").code).toBeUndefined();
    expect(splitCode("12345.67").code).toBeUndefined();
    expect(splitCode("1,234").code).toBeUndefined();
    expect(splitCode("局机关").code).toBeUndefined();
  });
});

describe("unitInText", () => {
  it("finds the unit a title, unit line or header states", () => {
    expect(unitInText("单位：元")).toBe("元");
    expect(unitInText("金额单位：万元")).toBe("万元");
    expect(unitInText("单位:人民币元")).toBe("元");
    expect(unitInText("年度收入情况（万元）")).toBe("万元");
    expect(unitInText("收入合计(元)")).toBe("元");
    expect(unitInText("局机关")).toBeUndefined();
    expect(unitInText("单位名称")).toBeUndefined();
  });
});

describe("cleanName", () => {
  it("drops numbering and the stray spaces a PDF leaves between Chinese characters", () => {
    expect(cleanName(" 2、科技信息 管理办公室 ")).toBe("科技信息管理办公室");
    expect(cleanName("（一）局机关")).toBe("局机关");
    expect(cleanName("=SUM(A1)")).toBe("=SUM(A1)");
    expect(cleanName("Office A")).toBe("Office A");
  });
});

describe("matching", () => {
  const columns = prepare([
    { key: "personnel", names: [{ text: "人员支出", how: "exact" as const }, { text: "人员经费", how: "synonym" as const }] },
    { key: "public", names: [{ text: "公用支出", how: "exact" as const }, { text: "公用经费", how: "synonym" as const }] },
    { key: "basic", names: [{ text: "基本支出", how: "exact" as const }] },
    { key: "project", names: [{ text: "项目支出", how: "exact" as const }] },
  ]);

  it("says how it matched: exact, synonym, or fuzzy with a score", () => {
    expect(matchName(normalizeLabel("人员支出"), columns)[0]).toMatchObject({ key: "personnel", how: "exact", score: 1 });
    expect(matchName(normalizeLabel("公用经费"), columns)[0]).toMatchObject({ key: "public", how: "synonym", matched: "公用经费" });
    const fuzzy = matchName(normalizeLabel("基本支出合计"), columns)[0];
    expect(fuzzy).toMatchObject({ key: "basic", how: "fuzzy" });
    expect(fuzzy.score).toBeGreaterThan(0.6);
    expect(fuzzy.score).toBeLessThan(1);
  });

  it("does not confuse columns that differ in their meaningful word", () => {
    // 公用支出 vs 人员支出 share half their characters: below the threshold.
    expect(similarity("公用支出", "人员支出")).toBeLessThan(0.6);
    expect(matchName(normalizeLabel("当年支出"), columns).every((m) => m.how === "fuzzy")).toBe(true);
    // A bare 支出 fits four columns equally: the caller sees the tie.
    const tied = matchName("支出", columns);
    expect(tied.length).toBe(4);
    expect(new Set(tied.map((m) => m.score)).size).toBe(1);
  });

  it("never matches codes fuzzily", () => {
    expect(similarity("301", "302")).toBe(0);
    expect(similarity("301工资福利支出", "302工资福利支出")).toBe(0);
  });
});
