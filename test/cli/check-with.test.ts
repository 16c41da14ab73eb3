/**
 * `ziping check 自评 --with 决算`: the figures the two reports both carry are compared, one
 * finding per disagreement naming both files' cells. The 决算 file holds the figures the 2020
 * 岳阳科技局 自评报告 (the seed) quotes from its 部门决算; one of them is changed here.
 */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { crossCheck, templateLocator } from "../../src/core/check";
import { Dec } from "../../src/core/money";
import { builtInCrossLinks, type ReportData } from "../../src/core/spec";
import { findForm } from "../../src/core/spec/built-in";
import { loadSeed } from "../fixtures/load";
import { runCli } from "./run-cli";

const fixtures = join(__dirname, "../fixtures");
const seedPath = join(fixtures, "seed-2020.json");
const juesuanPath = join(fixtures, "cross/juesuan-2020-yueyang-keji.json");
const juesuan = JSON.parse(readFileSync(juesuanPath, "utf8")) as ReportData & { note: string };
const tmp = mkdtempSync(join(tmpdir(), "ziping-with-"));

function changed(field: string, value: string): string {
  const path = join(tmp, `决算-${field}.json`);
  writeFileSync(path, JSON.stringify({ ...juesuan, values: { ...juesuan.values, [field]: value } }));
  return path;
}

describe("ziping check 自评 --with 决算", () => {
  it("the figures as the 自评 quotes them agree: every pair compared, no disagreement", async () => {
    const { code, stdout } = await runCli(["check", seedPath, "--with", juesuanPath, "--json"]);
    const out = JSON.parse(stdout);
    expect(out.with.findings).toEqual([]);
    expect(out.with.compared).toBe(builtInCrossLinks[0].pairs.length);
    expect(out.with.skipped).toEqual([]);
    // The 自评's own findings are still reported (the seed has its two errors).
    expect(code).toBe(1);
    expect(out.summary.errors).toBeGreaterThan(0);
  });

  it("one figure changed in the 决算: exactly one finding, naming both cells, with the exact difference", async () => {
    const other = changed("expenseDetail.all.basic", "718.00");
    const { code, stdout } = await runCli(["check", seedPath, "--with", other, "--json"]);
    expect(code).toBe(1);
    const { findings } = JSON.parse(stdout).with;
    expect(findings).toHaveLength(1);
    const [f] = findings;
    const seedBasic = new Dec(loadSeed(2020).values["expense.all.basic"] as string);
    const difference = seedBasic.minus(new Dec("718.00"));
    expect(f.fields).toEqual(["expense.all.basic", "expenseDetail.all.basic"]);
    expect(new Dec(f.difference).eq(difference)).toBe(true);
    const selfCell = templateLocator(findForm("yueyang-self-eval")!, loadSeed(2020))("expense.all.basic");
    const juesuanForm = findForm("mof-bumen-juesuan")!;
    const juesuanCell = templateLocator(juesuanForm, juesuan)("expenseDetail.all.basic");
    expect(f.cells).toEqual([`seed-2020.json：${selfCell}`, `决算-expenseDetail.all.basic.json：${juesuanCell}`]);
    expect(f.message).toContain(`多${difference.toFixed(2)}万元`);

    const text = await runCli(["check", seedPath, "--with", other]);
    expect(text.stdout).toContain("1 处不一致");
    expect(text.stdout).toMatch(/基本支出：seed-2020\.json \S+ 为781\.00万元，决算-expenseDetail\.all\.basic\.json \S+ 为718\.00万元/);
  });

  it("the other way round, the 决算 first: the same disagreement, sides swapped", async () => {
    const other = changed("sangong.reception.actual", "1.09");
    const { stdout } = await runCli(["check", other, "--with", seedPath, "--json"]);
    const { findings } = JSON.parse(stdout).with;
    expect(findings.map((f: { fields: string[] }) => f.fields)).toEqual([["sangong.reception.actual", "sangong.reception.current"]]);
    expect(new Dec(findings[0].difference).eq(new Dec("1.09").minus(new Dec(loadSeed(2020).values["sangong.reception.current"] as string)))).toBe(true);
  });

  it("a figure imported exactly from 元 agrees with its 2-decimal 万元 when it rounds half up to it, and only then", () => {
    const self = findForm("yueyang-self-eval")!;
    const form = findForm("mof-bumen-juesuan")!;
    const side = (data: ReportData, name: string, f = form) => ({ form: f, data, locate: templateLocator(f, data), source: name });
    const seed = loadSeed(2020);
    const exact = (v: string) => ({ ...juesuan, values: { ...juesuan.values, "expenseDetail.all.total": { value: v, exact: true } } }) as ReportData;
    expect(crossCheck(side(seed, "自评", self), side(exact("1112.795"), "决算"), builtInCrossLinks).findings).toEqual([]);
    const off = crossCheck(side(seed, "自评", self), side(exact("1112.7949"), "决算"), builtInCrossLinks).findings;
    expect(off.map((f) => f.fields[0])).toEqual(["expense.all.total"]);
  });

  it("two forms no link pairs: one line saying there is nothing to compare", async () => {
    const { code, stderr } = await runCli(["check", seedPath, "--with", join(fixtures, "seed-2025.json")]);
    expect(code).toBe(2);
    expect(stderr).toContain("没有对应的数字可比对");
  });
});
