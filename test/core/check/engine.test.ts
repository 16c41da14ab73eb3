import { checkReport } from "../../../src/core/check";
import type { FormSpec, RawValue } from "../../../src/core/spec";

/** A small form that exercises each relation kind on its own. */
const form: FormSpec = {
  id: "t",
  title: "测试表",
  version: 1,
  lists: [{ id: "units", label: "机构" }],
  sheets: [
    {
      id: "s",
      name: "表",
      tables: [
        {
          id: "t",
          title: "金额",
          layout: "grid",
          kind: "amount",
          unit: "万元",
          columns: [
            { id: "total", label: "合计" },
            { id: "a", label: "甲" },
            { id: "b", label: "乙" },
          ],
          rows: [
            { id: "all", label: "汇总" },
            { id: "u", label: "机构", list: "units" },
          ],
        },
        {
          id: "p",
          title: "人员",
          layout: "record",
          kind: "count",
          unit: "人",
          rows: [
            { id: "total", label: "编制" },
            { id: "x", label: "行政" },
            { id: "y", label: "事业" },
            { id: "actual", label: "实有" },
            { id: "inService", label: "在职" },
          ],
        },
        {
          id: "g",
          title: "得分",
          layout: "record",
          rows: [
            { id: "score", label: "得分", kind: "score" },
            { id: "grade", label: "等次", kind: "text" },
          ],
        },
      ],
    },
  ],
  relations: [
    { id: "row", label: "合计=甲+乙", kind: "equation", each: { table: "t", rows: "*" }, target: "t.{row}.total", terms: ["t.{row}.a", "t.{row}.b"] },
    { id: "col", label: "汇总=各机构", kind: "equation", each: { table: "t", columns: "*" }, target: "t.all.{col}", terms: ["t.u[*].{col}"] },
    { id: "staff", label: "编制=行政+事业", kind: "equation", target: "p.total", terms: ["p.x", "p.y"] },
    { id: "head", label: "实有=在职", kind: "same", a: "p.actual", b: "p.inService" },
    { id: "bud", label: "不超预算", kind: "budget", budget: "t.u[1].a", actual: "t.u[1].b" },
    { id: "range", label: "0–100", kind: "range", field: "g.score", min: "0", max: "100" },
    { id: "grade", label: "等次", kind: "grade", score: "g.score", grade: "g.grade", bands: [{ grade: "优秀", min: "90" }, { grade: "良好", min: "80" }, { grade: "中", min: "60" }, { grade: "差", min: "0" }] },
  ],
};

const lists = { units: [{ name: "一" }] };
const run = (values: Record<string, RawValue>) => checkReport(form, { form: "t", lists, values });
const finding = (values: Record<string, RawValue>, ruleId: string) => run(values).findings.find((f) => f.ruleId === ruleId);

describe("sums and the rounding interval", () => {
  it("passes an exact sum", () => {
    expect(finding({ "t.all.total": "3.00", "t.all.a": "1.00", "t.all.b": "2.00" }, "row[all]")).toBeUndefined();
  });
  it("calls 0.01 over two rounded parts a 尾差 notice", () => {
    const f = finding({ "t.all.total": "3.01", "t.all.a": "1.00", "t.all.b": "2.00" }, "row[all]")!;
    expect([f.kind, f.severity, f.difference]).toEqual(["tail", "info", "0.01"]);
    expect(f.message).toContain("调整最大项");
  });
  it("calls 0.02 over one part an error: one rounded part and its total explain at most 0.01", () => {
    const f = finding({ "t.all.total": "1.02", "t.all.a": "1.00" }, "row[all]")!;
    expect([f.kind, f.severity]).toEqual(["sum", "error"]);
  });
  it("is exact when the figures are known at full precision (imported in 元)", () => {
    const f = finding(
      { "t.all.total": { value: "3.01", exact: true }, "t.all.a": { value: "1.00", exact: true }, "t.all.b": { value: "2.00", exact: true } },
      "row[all]",
    )!;
    expect(f.severity).toBe("error");
    // more decimals than shown also means full precision
    expect(finding({ "t.all.total": "3.0100", "t.all.a": "1.0000", "t.all.b": "2.0000" }, "row[all]")!.severity).toBe("error");
  });
  it("never allows a tail on headcounts: people are not rounded", () => {
    const f = finding({ "p.total": "44", "p.x": "25", "p.y": "18" }, "staff")!;
    expect(f.severity).toBe("error");
    expect(finding({ "p.total": "43", "p.x": "25", "p.y": "18" }, "staff")).toBeUndefined();
  });
  it("does not check a total that is not filled, and does not take blank parts as zero silently", () => {
    const r = run({ "t.all.a": "1.00" });
    expect(r.results.find((x) => x.rule.id === "row[all]")?.status).toBe("skipped");
    const blank = r.findings.find((f) => f.kind === "blank")!;
    expect(blank.fields).toContain("t.all.total");
    expect(blank.message).toContain("未填写");
  });
  it("counts 无 / — as no figure, not as a blank", () => {
    const r = run({ "t.all.total": "1.00", "t.all.a": "1.00", "t.all.b": "—" });
    expect(r.results.find((x) => x.rule.id === "row[all]")?.status).toBe("pass");
    expect(r.findings.find((f) => f.kind === "blank")?.fields ?? []).not.toContain("t.all.b");
  });
});

describe("bad values", () => {
  it("quotes non-numeric text in a numeric cell and names its cell", () => {
    const r = run({ "t.all.total": "约3万", "t.all.a": "1.00", "t.all.b": "2.00" });
    const f = r.findings.find((x) => x.kind === "invalid")!;
    expect(f.severity).toBe("error");
    expect(f.message).toContain("约3万");
    expect(f.cell).toMatch(/^表!B\d+$/);
    expect(r.results.find((x) => x.rule.id === "row[all]")?.status).toBe("skipped");
  });
  it("rejects a formula-looking string as a number rather than evaluating it", () => {
    expect(run({ "t.all.total": "=1+2" }).findings.find((x) => x.kind === "invalid")?.actual).toBe("=1+2");
  });
  it("rejects a 元 figure typed into a 万元 cell and a fractional headcount", () => {
    expect(run({ "t.all.a": "12997700元" }).findings.find((x) => x.kind === "invalid")?.message).toContain("元");
    expect(run({ "p.x": "2.5" }).findings.find((x) => x.kind === "invalid")?.message).toContain("整数");
  });
});

describe("same figure, budgets, ranges and grades", () => {
  it("needs two places of one figure to agree exactly as shown", () => {
    expect(finding({ "p.actual": "39", "p.inService": "40" }, "head")?.difference).toBe("-1");
    expect(finding({ "p.actual": "40", "p.inService": "40" }, "head")).toBeUndefined();
  });
  it("reports an overspend with its amount and a 决算 with no 预算 as 年初未作预算", () => {
    expect(finding({ "t.u[1].a": "1.00", "t.u[1].b": "1.01" }, "bud")?.difference).toBe("0.01");
    expect(finding({ "t.u[1].a": "1.00", "t.u[1].b": "1.00" }, "bud")).toBeUndefined();
    expect(finding({ "t.u[1].b": "2.00" }, "bud")?.kind).toBe("unbudgeted");
    // a 决算 of nothing against no 预算 is no overspend (decimal.js calls +0 positive)
    for (const actual of ["0", "0.00", "无", "—"]) expect(finding({ "t.u[1].b": actual }, "bud"), actual).toBeUndefined();
  });
  it("checks the score range and the 等次 bands (优秀 ≥ 90, 良好 80–90, 中 60–80, 差 < 60)", () => {
    expect(finding({ "g.score": "101" }, "range")?.severity).toBe("error");
    expect(finding({ "g.score": "90", "g.grade": "优秀" }, "grade")).toBeUndefined();
    expect(finding({ "g.score": "89.5", "g.grade": "优秀" }, "grade")?.expected).toBe("良好");
    expect(finding({ "g.score": "59", "g.grade": "中" }, "grade")?.expected).toBe("差");
    expect(finding({ "g.score": "95", "g.grade": "好" }, "grade")?.message).toContain("不是");
  });
});

describe("re-checking after an edit (live validation reuses unchanged cells and rules)", () => {
  it("gives exactly what a fresh check of the edited values gives", () => {
    const values: Record<string, RawValue> = { "t.all.total": "3.00", "t.all.a": "1.00", "t.all.b": "2.00", "t.u[1].a": "1.00", "t.u[1].b": "2.00", "t.u[1].total": "3.00" };
    expect(run(values).findings.map((f) => f.ruleId)).toEqual(["bud"]);
    const edits: Array<Record<string, RawValue>> = [
      { "t.u[1].b": "2.50" },
      { "t.u[1].b": "2.00" },
      { "t.all.a": "约1" },
      { "t.all.a": { value: "1.00", exact: true } },
    ];
    let current = values;
    for (const edit of edits) {
      current = { ...current, ...edit };
      const incremental = run(current);
      const fresh = checkReport(structuredClone(form), { form: "t", lists, values: current });
      expect(incremental.findings).toEqual(fresh.findings);
      expect(incremental.results.map((r) => r.status)).toEqual(fresh.results.map((r) => r.status));
    }
  });
});
