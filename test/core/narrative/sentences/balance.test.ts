import { buildBalanceDecrease, buildUnitBalances } from "../legacy/sentences/balance";
import type { MaybeBuilt } from "../../../../src/core/narrative";
import { context } from "../synthetic";

const textOf = (b: MaybeBuilt): string => {
  if (!b) throw new Error("null");
  if (!b.ok) throw new Error(`missing ${JSON.stringify(b.missing)}`);
  return b.sentence.text;
};

describe("balances", () => {
  it("结余 that grew is worded 结余增加, not a negative 减少", () => {
    const ctx = context({ "fiscalIncome.all.priorBalance": "10.00", "fiscalIncome.all.yearBalance": "12.50" });
    expect(textOf(buildBalanceDecrease(ctx, "t"))).toBe("上年结余10.00万元，结余增加2.50万元");
  });

  it("a unit spending more than it received is worded, not printed with a minus", () => {
    const ctx = context(
      {
        "income.all.total": "10",
        "expense.all.total": "9",
        "income.unit[1].total": "4",
        "expense.unit[1].total": "5",
        "income.unit[2].total": "6",
        "expense.unit[2].total": "4",
      },
      {},
      { units: [{ name: "甲单位" }, { name: "乙单位" }] },
    );
    expect(textOf(buildUnitBalances(ctx, "t"))).toBe(
      "2024年度我局收入合计10.00万元，支出合计9.00万元，结余1.00万元；其中甲单位收入4.00万元，支出5.00万元，支出超过收入1.00万元；乙单位收入6.00万元，支出4.00万元，结余2.00万元",
    );
  });
});
