import { Dec, sum } from "../src/core/money";
import type { ListEntry, RawValue, ReportData } from "../src/core/spec";
import { loadSeed } from "../test/fixtures/load";

/**
 * The 2020 seed grown to `n` reporting units and `n` 功能科目 lines in each list, with figures
 * that add up (each unit a scaled copy of the seed's 局机关), so every rule is really evaluated.
 */
export function scaledReport(n: number): ReportData {
  const seed = loadSeed(2020);
  const values: Record<string, RawValue> = { ...seed.values };
  const units: ListEntry[] = Array.from({ length: n }, (_, i) => ({ name: `二级机构${i + 1}` }));
  // Remove the seed's per-unit and 汇总 figures; they are rebuilt below.
  for (const id of Object.keys(values)) if (/^(income|expense|sangongByUnit|assets)\.(unit\[\d+\]|all)\./.test(id)) delete values[id];

  const columns: Record<string, string[]> = {
    income: ["carryover", "fiscal", "fund", "nontax", "other"],
    expense: ["personnel", "public", "project"],
    sangongByUnit: ["reception", "vehicleOps", "vehiclePurchase", "abroad"],
    assets: ["inUse", "leased", "other"],
  };
  const totals = new Map<string, Dec>();
  const put = (id: string, v: Dec) => {
    values[id] = v.toFixed(2);
    const all = id.replace(/unit\[\d+\]/, "all");
    totals.set(all, (totals.get(all) ?? new Dec(0)).plus(v));
  };
  units.forEach((_, i) => {
    const k = new Dec(i + 1);
    const row = `unit[${i + 1}]`;
    const cents = (base: string) => new Dec(base).plus(k.times("0.01"));
    const income = columns.income.map((c, j) => (c === "fund" || c === "nontax" ? new Dec(0) : cents(["241.49", "786.15", "0", "0", "48.17"][j])));
    columns.income.forEach((c, j) => put(`income.${row}.${c}`, income[j]));
    put(`income.${row}.total`, sum(income));
    const [personnel, pub, project] = [cents("542.46"), cents("39.16"), cents("331.80")];
    put(`expense.${row}.personnel`, personnel);
    put(`expense.${row}.public`, pub);
    put(`expense.${row}.project`, project);
    put(`expense.${row}.basic`, personnel.plus(pub));
    put(`expense.${row}.total`, personnel.plus(pub).plus(project));
    put(`expense.${row}.cumBalance`, sum(income).minus(personnel.plus(pub).plus(project)));
    const sangong = [cents("1.90"), cents("0.12"), new Dec(0), new Dec(0)];
    columns.sangongByUnit.forEach((c, j) => put(`sangongByUnit.${row}.${c}`, sangong[j]));
    put(`sangongByUnit.${row}.total`, sum(sangong));
    const assets = [cents("59.46"), cents("21.40"), new Dec(0)];
    columns.assets.forEach((c, j) => put(`assets.${row}.${c}`, assets[j]));
    put(`assets.${row}.total`, sum(assets));
  });
  for (const [id, v] of totals) values[id] = v.toFixed(2);

  const lines = (prefix: string) =>
    Array.from({ length: n }, (_, i) => ({ code: String(2060101 + i), name: `${prefix}${i + 1}` }));
  const funcBasic = lines("行政运行");
  const funcProject = lines("科学技术支出");
  for (const [table, list] of [["funcBasic", funcBasic], ["funcProject", funcProject]] as const) {
    let total = new Dec(0);
    list.forEach((_, i) => {
      const v = new Dec("1.23").plus(new Dec(i).times("0.01"));
      values[`${table}.item[${i + 1}].amount`] = v.toFixed(2);
      total = total.plus(v);
    });
    values[`${table}.total.amount`] = total.toFixed(2);
  }
  return { form: seed.form, lists: { ...seed.lists, units, funcBasic, funcProject }, values };
}

/** Number of value cells the report has (the unit "per cell" costs are measured in). */
export function cellCount(data: ReportData): number {
  return Object.keys(data.values).length;
}
