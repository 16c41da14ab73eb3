import {
  buildBasicOverspend,
  buildExecutionRate,
  buildOverspendTotal,
  buildUnderspendTotal,
} from "../legacy/sentences/budget";
import type { MaybeBuilt } from "../../../../src/core/narrative";
import { context } from "../synthetic";

const textOf = (b: MaybeBuilt): string => {
  if (!b) throw new Error("null");
  if (!b.ok) throw new Error(`missing ${JSON.stringify(b.missing)}`);
  return b.sentence.text;
};

describe("基本支出 against its 预算", () => {
  const base = { "budgetExec.basic.budget": "100.00", "budgetExec.basic.actual": "120.00" };

  it("over budget, rows over theirs and a row with no 预算", () => {
    const ctx = context({
      ...base,
      "econ.salary.budget": "80.00",
      "econ.salary.actual": "90.50",
      "econ.goods.budget": "20.00",
      "econ.goods.actual": "15.00",
      "econ.enterprises.actual": "14.50",
    });
    expect(textOf(buildBasicOverspend(ctx, "t"))).toBe("我局基本支出预算超支20.00万元，其中：工资福利支出超支10.50万元；对企业补助超支14.50万元（年初未作预算）");
    expect(textOf(buildOverspendTotal(ctx, "t"))).toBe("超支项目合计超支25.00万元");
    expect(textOf(buildUnderspendTotal(ctx, "t"))).toBe("结余项目合计结余5.00万元");
  });

  it("exactly on budget is neither 超支 nor 结余 (no 超支0.00万元)", () => {
    const ctx = context({
      "budgetExec.basic.budget": "100.00",
      "budgetExec.basic.actual": "100.00",
      "econ.salary.budget": "80.00",
      "econ.salary.actual": "80.00",
      "econ.goods.budget": "20.00",
      "econ.goods.actual": "20.00",
      "econ.enterprises.actual": "0",
    });
    const text = textOf(buildBasicOverspend(ctx, "t"));
    expect(text).toBe("我局基本支出预算100.00万元，决算100.00万元，未超预算");
    expect(text).not.toContain("0.00万元（年初未作预算）");
    expect(buildOverspendTotal(ctx, "t")).toBeNull();
    expect(buildUnderspendTotal(ctx, "t")).toBeNull();
  });

  it("within budget, nothing over: no 其中, and no totals", () => {
    const ctx = context({
      "budgetExec.basic.budget": "100.00",
      "budgetExec.basic.actual": "90.00",
      "econ.salary.budget": "100.00",
      "econ.salary.actual": "90.00",
    });
    expect(textOf(buildBasicOverspend(ctx, "t"))).toBe("我局基本支出预算100.00万元，决算90.00万元，未超预算");
    expect(buildOverspendTotal(ctx, "t")).toBeNull();
  });

  it("rows listed from the 其他经济分类 list too, by their names", () => {
    const ctx = context(
      { ...base, "econ.other[1].budget": "1.00", "econ.other[1].actual": "3.00" },
      {},
      { econOther: [{ name: "资本性支出", code: "310" }] },
    );
    expect(textOf(buildBasicOverspend(ctx, "t"))).toBe("我局基本支出预算超支20.00万元，其中：资本性支出超支2.00万元");
  });

  it("a row with a 预算 but no 决算 cannot be compared: missing", () => {
    const b = buildBasicOverspend(context({ ...base, "econ.goods.budget": "5" }), "t");
    expect(b).toMatchObject({ ok: false, missing: [{ field: "econ.goods.actual", reason: "empty" }] });
  });
});

describe("预算执行率", () => {
  it("决算 ÷ 预算 as a percentage", () => {
    const ctx = context({ "budgetExec.basic.budget": "507.32", "budgetExec.basic.actual": "781.00" });
    expect(textOf(buildExecutionRate(ctx, "t", "basic", "基本支出"))).toBe("基本支出预算507.32万元，决算781.00万元，预算执行率153.95%");
  });

  it("a 预算 of 0 has no rate", () => {
    const ctx = context({ "budgetExec.basic.budget": "0", "budgetExec.basic.actual": "5" });
    expect(buildExecutionRate(ctx, "t", "basic", "基本支出")).toMatchObject({ ok: false, missing: [{ reason: "zero" }] });
  });
});
