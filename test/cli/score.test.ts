import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { scoreReport } from "../../src/core/score";
import { defaultForm, defaultScoringTable } from "../../src/core/spec";
import { hunanTable, hunanTableJson, seedWithIndicators } from "../core/score/helpers";
import { runCli } from "./run-cli";

const fixtures = join(__dirname, "../fixtures");
const tmp = mkdtempSync(join(tmpdir(), "ziping-score-"));
const write = (name: string, content: unknown) => {
  const path = join(tmp, name);
  writeFileSync(path, typeof content === "string" ? content : JSON.stringify(content));
  return path;
};
const seedWithRows = join(fixtures, "seed-2020.json");

describe("ziping score", () => {
  it("prints each indicator with its value, formula, suggested score and rule, the roll-up, and exits 1 on the 177%", async () => {
    const { code, stdout } = await runCli(["score", seedWithRows]);
    expect(code).toBe(1);
    const core = scoreReport(defaultForm, seedWithIndicators(), defaultScoringTable);
    for (const r of core.indicators.filter((i) => i.status === "scored")) {
      expect(stdout).toContain(`${r.name}（${r.points}分）  ${r.value}  建议得分 ${r.suggested}`);
      expect(stdout).toContain(`公式：${r.formula}`);
      expect(stdout).toContain(`计算：${r.working}`);
      expect(stdout).toContain(`评分：${r.rule}`);
    }
    expect(stdout).toContain(core.rollUp.explanation);
    expect(stdout).toMatch(/错误 {2}绩效目标!C\d+ .*完成度 177%.*116\.75%/);
    expect(stdout).toContain(`建议综合得分不超过 ${core.rollUp.ceiling} 分`);
  });

  it("--json gives the core's report", async () => {
    const { code, stdout } = await runCli(["score", seedWithRows, "--json"]);
    expect(code).toBe(1);
    const out = JSON.parse(stdout);
    const core = scoreReport(defaultForm, seedWithIndicators(), defaultScoringTable);
    expect(out.indicators).toEqual(JSON.parse(JSON.stringify(core.indicators)));
    expect(out.rollUp).toEqual(core.rollUp);
    expect(out.findings).toEqual(JSON.parse(JSON.stringify(core.findings)));
  });

  it("--scoring TABLE.json scores by another table with no code change; a warning alone exits 0", async () => {
    const { code, stdout } = await runCli(["score", join(fixtures, "seed-2020.json"), "--scoring", join(fixtures, "scoring/hunan-dept-overall.json")]);
    expect(code).toBe(0);
    expect(stdout).toContain(hunanTable().title);
    expect(stdout).toContain("预算完成率（5分）");
    expect(stdout).toMatch(/警告 {2}绩效目标!B\d+ {2}绩效自评综合得分填报 97 分/);
  });

  it("scores a filled workbook", async () => {
    const xlsx = join(tmp, "seed.xlsx");
    const made = await runCli(["template", "--out", xlsx, "--data", seedWithRows]);
    expect(made.code).toBe(0);
    const { code, stdout } = await runCli(["score", xlsx, "--json"]);
    expect(code).toBe(1);
    const out = JSON.parse(stdout);
    expect(out.findings.filter((f: { relationId: string }) => f.relationId === "score.statedRate")).toHaveLength(4);
    expect(out.quantitative).toHaveLength(8);
  });

  it.each([
    ["a scoring table with a bad rule", () => write("bad-table.json", { ...(hunanTableJson() as object), total: "一百" }), "total"],
    ["a scoring table that is not JSON", () => write("broken.json", "{ id: "), "不是有效的 JSON"],
  ])("%s: one line naming the file and the path, exit 2", async (_name, file, mentioned) => {
    const path = file();
    const { code, stdout, stderr } = await runCli(["score", join(fixtures, "seed-2020.json"), "--scoring", path]);
    expect(code).toBe(2);
    expect(stdout).toBe("");
    expect(stderr.trim().split("\n")).toHaveLength(1);
    expect(stderr).toContain(path);
    expect(stderr).toContain(mentioned);
  });

  it("is in the help", async () => {
    const { stdout } = await runCli(["--help"]);
    expect(stdout).toContain("ziping score FILE.xlsx|FILE.json");
    expect(stdout).toContain("--scoring");
  });
});
