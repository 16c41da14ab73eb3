/**
 * The spec language for real official forms: relations naming any list entry, the 科目编码
 * hierarchy of coded lists for free (类 = Σ款, 款 = Σ项, with the 尾差 band of any sum), and units
 * from a closed vocabulary. Expected figures are recomputed here with decimal.js.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import Decimal from "decimal.js";
import { checkReport } from "../../../src/core/check";
import { convertMoney, validateForm, type FormSpec, type ListEntry, type Relation, type ReportData } from "../../../src/core/spec";
import { Dec } from "../../../src/core/money";

const fixture = <T>(name: string): T => JSON.parse(readFileSync(join(__dirname, "../../fixtures/forms", name), "utf8")) as T;
const mini = () => fixture<FormSpec>("bumen-juesuan-mini.json");
const withRelation = (relation: Relation): FormSpec => ({ ...mini(), relations: [...mini().relations, relation] });

describe("relations may name any list entry", () => {
  // "第3个科目全部为基本支出": names entry 3, beyond the two sample entries validation used to try.
  const third: Relation = { id: "line3.basicOnly", label: "第3个科目全部为基本支出", kind: "equation", target: "spending.line[3].total", terms: ["spending.line[3].basic"] };

  it("validates, and a row that is not a list cannot be numbered", () => {
    expect(validateForm(withRelation(third))).toEqual([]);
    const wrong = validateForm(withRelation({ ...third, target: "spending.all[3].total" }));
    expect(wrong).toEqual([expect.stringContaining("relations[5]：校验规则 line3.basicOnly 引用了不存在的字段 spending.all[3].total")]);
  });

  it("is checked when the workbook has that entry, and is nothing to check when it has not", () => {
    const data = fixture<ReportData>("bumen-juesuan-mini.data.json");
    const form = withRelation(third);
    expect(checkReport(form, data).findings.filter((f) => f.ruleId === "line3.basicOnly")).toEqual([]);
    const lists = { funcs: [...(data.lists.funcs ?? []), { code: "2130101", name: "行政运行" }] };
    const values = { ...data.values, "spending.line[3].total": "12.00", "spending.line[3].basic": "10.00", "spending.line[3].project": "2.00" };
    const finding = checkReport(form, { ...data, lists, values }).findings.find((f) => f.ruleId === "line3.basicOnly");
    expect(finding?.kind).toBe("sum");
    expect(finding?.difference).toBe(new Decimal("12.00").minus("10.00").toFixed(2));
  });
});

describe("a coded list's hierarchy, for free", () => {
  const hierarchy: Relation = { id: "funcs.levels", label: "类 = Σ款，款 = Σ项", kind: "hierarchy", table: "spending", row: "line", levels: [3, 5, 7], columns: ["total"] };
  // 功能分类科目: 类 3 digits (206 科学技术支出), 款 5 (20601 科学技术管理事务), 项 7 (2060101 行政运行).
  const funcs: ListEntry[] = [
    { code: "206", name: "科学技术支出" },
    { code: "20601", name: "科学技术管理事务" },
    { code: "2060101", name: "行政运行" },
    { code: "2060102", name: "一般行政管理事务" },
    { code: "20699", name: "其他科学技术支出" },
    { code: "2069999", name: "其他科学技术支出" },
    { code: "208", name: "社会保障和就业支出" },
  ];
  const amounts = ["130.00", "100.00", "60.00", "40.01", "25.00", "25.00", "47.48"];
  const data = (): ReportData => ({
    form: "mof-bumen-juesuan",
    lists: { funcs },
    values: Object.fromEntries(amounts.map((v, i) => [`spending.line[${i + 1}].total`, v])),
  });
  const findings = () => checkReport(withRelation(hierarchy), data()).findings.filter((f) => f.relationId === "funcs.levels");

  it("validates", () => expect(validateForm(withRelation(hierarchy))).toEqual([]));

  it("类 ≠ Σ款 by more than rounding is an error; 款 vs Σ项 within the rounding of its figures is 尾差", () => {
    const byId = new Map(findings().map((f) => [f.ruleId, f]));
    // 206 = 20601 + 20699: 130.00 vs 125.00
    const lei = byId.get("funcs.levels[206,total]");
    expect(lei?.kind).toBe("sum");
    expect(lei?.difference).toBe(new Decimal("130.00").minus(new Decimal("100.00").plus("25.00")).toFixed(2));
    // 20601 = 2060101 + 2060102: 100.00 vs 100.01, within 3 × 0.005
    expect(byId.get("funcs.levels[20601,total]")?.kind).toBe("tail");
    // 20699 = 2069999 agrees; 208 has no 款 listed: nothing to check.
    expect([...byId.keys()].sort()).toEqual(["funcs.levels[206,total]", "funcs.levels[20601,total]"]);
  });

  it("经济科目 by 3/5 digits", () => {
    const econ: Relation = { ...hierarchy, id: "econ.levels", levels: [3, 5] };
    const lists = { funcs: [{ code: "301", name: "工资福利支出" }, { code: "30101", name: "基本工资" }, { code: "30102", name: "津贴补贴" }] };
    const values = { "spending.line[1].total": "50.00", "spending.line[2].total": "30.00", "spending.line[3].total": "20.00" };
    const result = checkReport(withRelation(econ), { form: "mof-bumen-juesuan", lists, values });
    expect(result.findings.filter((f) => f.relationId === "econ.levels")).toEqual([]);
    const off = checkReport(withRelation(econ), { form: "mof-bumen-juesuan", lists, values: { ...values, "spending.line[1].total": "51.00" } });
    expect(off.findings.find((f) => f.ruleId === "econ.levels[301,total]")?.kind).toBe("sum");
  });

  it.each<[string, Partial<Extract<Relation, { kind: "hierarchy" }>>, string]>([
    ["levels that do not grow", { levels: [5, 3] }, "relations[5].levels：应为逐级变长的编码位数"],
    ["a row that is not a list", { row: "all" }, "relations[5].row：表 spending 没有名为「all」的列表行"],
    ["an unknown column", { columns: ["sum"] }, "relations[5].columns[0]：表 spending 没有列「sum」"],
  ])("a hierarchy with %s is explained with its JSON path", (_name, change, message) => {
    expect(validateForm(withRelation({ ...hierarchy, ...change } as Relation))).toEqual([expect.stringContaining(message)]);
  });

  it("a list without codes cannot have a hierarchy", () => {
    const form = withRelation(hierarchy);
    form.lists = form.lists.map((l) => ({ ...l, coded: false }));
    expect(validateForm(form)).toEqual([expect.stringContaining("relations[5].row：列表 funcs 没有科目编码（coded）")]);
  });
});

describe("units from a closed vocabulary", () => {
  it("an unknown unit is a spec error naming it and where it is", () => {
    const form = mini();
    (form.sheets[0].tables[1] as { unit: string }).unit = "千元";
    (form.sheets[1].tables[0].columns![1] as { unit?: string }).unit = "万";
    expect(validateForm(form)).toEqual([
      expect.stringContaining("sheets[0].tables[1].unit：单位「千元」不在可用单位之中"),
      expect.stringContaining("sheets[1].tables[0].columns[1].unit：单位「万」不在可用单位之中"),
    ]);
  });

  it("money units convert exactly", () => {
    expect(convertMoney(new Dec("1299.77"), "万元", "元").toString()).toBe(new Decimal("1299.77").times(10000).toString());
    expect(convertMoney(new Dec("1.5"), "亿元", "万元").toString()).toBe("15000");
    expect(convertMoney(new Dec("12345.67"), "元", "万元").toString()).toBe(new Decimal("12345.67").div(10000).toString());
    expect(() => convertMoney(new Dec(1), "人", "元")).toThrow("不是可互换的金额单位");
  });
});

describe("inequality and ratio relations", () => {
  const data = fixture<ReportData>("bumen-juesuan-mini.data.json");

  it("a ≤ b: a above b is a warning with the excess, recomputed here", () => {
    // The 公务接待费 决算 may not exceed the whole 三公 预算: 1.90 ≤ 5.00 passes; 2.00 ≤ 1.90 does not.
    const fine: Relation = { id: "reception.withinTotal", label: "公务接待费决算不超过三公预算合计", kind: "inequality", a: "sangong.reception.actual", b: "sangong.total.budget" };
    const tight: Relation = { id: "reception.withinOwn", label: "公务接待费预算不超过其决算", kind: "inequality", a: "sangong.reception.budget", b: "sangong.reception.actual" };
    const form = { ...withRelation(fine), relations: [...withRelation(fine).relations, tight] };
    expect(validateForm(form)).toEqual([]);
    const findings = checkReport(form, data).findings;
    expect(findings.find((f) => f.ruleId === "reception.withinTotal")).toBeUndefined();
    const over = findings.find((f) => f.ruleId === "reception.withinOwn");
    expect(over).toMatchObject({ kind: "inequality", severity: "warning" });
    expect(over?.difference).toBe(new Decimal(data.values["sangong.reception.budget"] as string).minus(data.values["sangong.reception.actual"] as string).toFixed(2));
  });

  it("a percentage cell equals the exact ratio of its two figures, rounded half up at its decimals", () => {
    const form = mini();
    form.sheets[1].tables[0].columns!.push({ id: "rate", label: "执行率", kind: "percent", unit: "%" });
    const ratio: Relation = { id: "sangong.rate", label: "执行率 = 决算 ÷ 预算", kind: "ratio", each: { table: "sangong", rows: ["vehicle", "reception", "total"] }, field: "sangong.{row}.rate", numerator: "sangong.{row}.actual", denominator: "sangong.{row}.budget" };
    form.relations = [...form.relations.filter((r) => r.kind !== "equation" || r.id !== "sangong.total"), ratio];
    expect(validateForm(form)).toEqual([]);
    const v = data.values as Record<string, string>;
    const exact = (row: string) => new Decimal(v[`sangong.${row}.actual`]).div(v[`sangong.${row}.budget`]).times(100).toDecimalPlaces(2, Decimal.ROUND_HALF_UP).toFixed(2);
    // The cell holds the ratio, as Excel stores a percentage (106.67% is 1.0667), or the percentage written with "%".
    const values = { ...v, "sangong.vehicle.rate": new Decimal(exact("vehicle")).div(100).toString(), "sangong.reception.rate": `${exact("reception")}%`, "sangong.total.rate": "1.0201" };
    const findings = checkReport(form, { ...data, values }).findings.filter((f) => f.relationId === "sangong.rate");
    expect(findings.map((f) => [f.ruleId, f.kind, f.expected, f.actual])).toEqual([["sangong.rate[total]", "ratio", exact("total"), "102.01"]]);
  });

  it("a ratio whose stated cell is not a percentage is a spec error", () => {
    const ratio: Relation = { id: "r", label: "比率", kind: "ratio", field: "income.other", numerator: "income.other", denominator: "income.total" };
    expect(validateForm(withRelation(ratio))).toEqual([expect.stringContaining("relations[5].field：比率规则 r 的 income.other 应为百分比栏目")]);
  });
});

describe("validateForm names every problem by its JSON path", () => {
  it.each<[string, (form: FormSpec) => void, string]>([
    ["a repeated table id", (f) => (f.sheets[1].tables[0].id = "income"), "sheets[1].tables[0].id：表 id 重复：income"],
    ["a sheet name Excel refuses", (f) => (f.sheets[1].name = "三公/经费"), "sheets[1].name：工作表名称「三公/经费」不能用作 Excel 工作表名"],
    ["a grid table without columns", (f) => (f.sheets[0].tables[1].columns = []), "sheets[0].tables[1].columns：表 spending 是网格表但没有列"],
    ["a row on an unknown list", (f) => (f.sheets[0].tables[1].rows[0].list = "lines"), "sheets[0].tables[1].rows[0].list：表 spending 的行 line 引用了不存在的列表 lines"],
    ["a repeated relation id", (f) => (f.relations[1].id = "income.total"), "relations[1].id：校验规则 id 重复：income.total"],
  ])("%s", (_name, change, message) => {
    const form = mini();
    change(form);
    expect(validateForm(form)).toContainEqual(expect.stringContaining(message));
  });
});
