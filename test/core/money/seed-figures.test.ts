/**
 * The figures the 2020 report prints, recomputed from the figures it states.
 * Inputs are read from the seed itself; expectations come from the
 * independent BigInt oracle, and the report's own printed result is compared.
 */
import { seedText } from "../../fixtures/load";
import { Dec } from "../../../src/core/money/decimal";
import { perCapita, percentChange, share } from "../../../src/core/money/calc";
import { formatNumber, formatPercent } from "../../../src/core/money/format";
import { percentOf, quotient } from "./exact-oracle";

const seed = seedText(2020);

/** The first pair of figures that follows `label` on the next lines (a table row). */
function row(label: string, count = 2): string[] {
  const figures = String.raw`\s+(\d+(?:\.\d+)?)`.repeat(count);
  const match = new RegExp(`${label}${figures}`).exec(seed);
  if (!match) throw new Error(`seed has no row ${label}`);
  return match.slice(1, count + 1) as string[];
}

/** The percentage the report prints right after `words`. */
function printed(words: string): string {
  const match = new RegExp(`${escapeRegExp(words)}(\\d+(?:\\.\\d+)?)`).exec(seed);
  if (!match?.[1]) throw new Error(`seed has no sentence with ${words}`);
  return match[1];
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

const ratio = (value: Dec | null): Dec => {
  if (value === null) throw new Error("unexpected null");
  return value;
};

describe("三公经费 year on year (2020 report)", () => {
  const [reception2019 = "", reception2020 = ""] = row("公务接待费");
  const [car2019 = "", car2020 = ""] = row("公车运行维护费");

  it("reads the table the sentences are about", () => {
    expect([reception2019, reception2020, car2019, car2020]).toEqual(["3.44", "1.90", "4.02", "0.12"]);
  });

  it("公务接待费 3.44 -> 1.90 is a fall of 44.77%, as printed", () => {
    const change = ratio(percentChange(new Dec(reception2019), new Dec(reception2020)));
    const expected = percentOf(
      new Dec(reception2020).minus(reception2019).toFixed(),
      reception2019,
      2,
    );
    expect(formatPercent(change)).toBe(`${expected}%`);
    expect(formatPercent(change)).toBe("-44.77%");
    expect(formatPercent(change.abs())).toBe(`${printed("公务接待费实际支出1.90万元，比上年降低")}%`);
  });

  it("公车运行维护费 4.02 -> 0.12 is a fall of 97.01%; the report's 97.02% is wrong", () => {
    const change = ratio(percentChange(new Dec(car2019), new Dec(car2020)));
    const expected = percentOf(new Dec(car2020).minus(car2019).toFixed(), car2019, 2);
    expect(expected).toBe("-97.01");
    expect(formatPercent(change.abs())).toBe("97.01%");
    const reported = printed("公务用车运行维护费实际使用0.12万元，比上年降低");
    expect(reported).toBe("97.02");
    expect(`${reported}%`).not.toBe(formatPercent(change.abs()));
  });
});

describe("预算 shares (2020 report)", () => {
  const [total = ""] = row("支出预算合计", 1);
  const [basic = ""] = row("基本支出", 1);
  const [project = ""] = row("项目支出", 1);

  it("reads 522.08 = 507.32 + 14.76", () => {
    expect([total, basic, project]).toEqual(["522.08", "507.32", "14.76"]);
  });

  it("基本支出 is 97.17% and 项目支出 2.83% of the budget, as printed", () => {
    const basicShare = formatPercent(ratio(share(new Dec(basic), new Dec(total))));
    const projectShare = formatPercent(ratio(share(new Dec(project), new Dec(total))));
    expect(basicShare).toBe(`${percentOf(basic, total, 2)}%`);
    expect(projectShare).toBe(`${percentOf(project, total, 2)}%`);
    expect(basicShare).toBe(`${printed("占支出预算总额的")}%`);
    expect(projectShare).toBe(`${printed("项目支出14.76万元，占支出预算的")}%`);
  });
});

describe("per head and per car (2020 report)", () => {
  const [headcount = ""] = row("实有人数", 1);
  const [, reception = ""] = row("公务接待费");
  const [, carCost = ""] = row("公车运行维护费");
  const cars = printed("本年在使用公车");

  it("公务接待费 1.90 / 39 人 = 0.049 万元 per head, as printed", () => {
    expect(headcount).toBe("39");
    const perHead = formatNumber(ratio(perCapita(new Dec(reception), new Dec(headcount))), 3);
    expect(perHead).toBe(quotient(reception, headcount, 3));
    expect(perHead).toBe(printed("公务接待费本年人均"));
  });

  it("公车运行维护费 0.12 / 2 台 = 0.06 万元 per car, as printed", () => {
    expect(cars).toBe("2");
    const perCar = formatNumber(ratio(perCapita(new Dec(carCost), new Dec(cars))), 2);
    expect(perCar).toBe(quotient(carCost, cars, 2));
    expect(perCar).toBe(printed("平均每台"));
  });
});
