import { readFileSync } from "node:fs";
import { join } from "node:path";
import { narrate } from "../../src/core/narrative";
import type { ReportData } from "../../src/core/spec";
import { mofBumenJuesuan } from "../../src/core/spec/forms/mof-juesuan";
import { percentOf } from "../core/money/exact-oracle";
import { runCli } from "./run-cli";

// 天水市幼儿园2017年度部门决算 (http://www.kmxxf.com/jyj/info/1217/105784.htm), its published figures.
const TIANSHUI = join(__dirname, "../fixtures/juesuan/tianshui-kindergarten-2017.json");

describe("ziping narrate --data on a 部门决算 fixture", () => {
  it("writes the 情况说明 paragraphs the core writes, with the figures recomputed, and names what the rest lack", async () => {
    const { code, stdout } = await runCli(["narrate", "--data", TIANSHUI]);
    expect(code).toBe(0);
    const data = JSON.parse(readFileSync(TIANSHUI, "utf8")) as ReportData;
    const core = narrate(mofBumenJuesuan, data);
    const written = core.paragraphs.filter((p) => p.status === "ok");
    expect(written.map((p) => p.id)).toEqual(expect.arrayContaining(["income", "expense", "fiscal", "general"]));
    for (const p of written) expect(stdout).toContain(`【${p.title}】\n${p.text}`);
    const v = data.values as Record<string, string>;
    expect(stdout).toContain(`占本年收入合计的${percentOf(v["incomeDetail.all.fiscal"], v["incomeDetail.all.total"], 2)}%`);
    expect(stdout).toContain(`完成年初预算的${percentOf(v["generalSpending.all.total"], v["generalSpending.all.budget"], 2)}%`);
    expect(stdout).toContain("【请填写主要原因】");
    expect(stdout).toContain("【财政拨款“三公”经费支出决算情况】未生成");
  });
});
