import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { checkReport } from "../../src/core/check";
import { defaultForm } from "../../src/core/spec";
import { loadSeed } from "../fixtures/load";
import { runCli } from "./run-cli";

const fixtures = join(__dirname, "../fixtures");
const tmp = mkdtempSync(join(tmpdir(), "ziping-cli-"));
const write = (name: string, content: string) => {
  const path = join(tmp, name);
  writeFileSync(path, content);
  return path;
};

describe("ziping check --data", () => {
  it("exits 1 on the 2020 seed and prints the same findings as the core, as JSON", async () => {
    const { code, stdout } = await runCli(["check", "--data", join(fixtures, "seed-2020.json"), "--json"]);
    expect(code).toBe(1);
    const out = JSON.parse(stdout);
    const core = checkReport(defaultForm, loadSeed(2020));
    expect(out.findings).toEqual(JSON.parse(JSON.stringify(core.findings)));
    expect(out.summary.errors).toBe(core.findings.filter((f) => f.severity === "error").length);
    expect(out.rules.length).toBe(core.results.length);
  });

  it("exits 0 on the 2025 seed and prints a readable summary", async () => {
    const { code, stdout } = await runCli(["check", "--data", join(fixtures, "seed-2025.json")]);
    expect(code).toBe(0);
    expect(stdout).toContain("0 个错误");
  });

  it("names the cell of each finding in the text output", async () => {
    const { stdout } = await runCli(["check", "--data", join(fixtures, "seed-2020.json")]);
    expect(stdout).toMatch(/错误 {2}基本概况!B\d+ {2}实有人数\d+人与实际在职人数\d+人不一致，请核对 基本概况!B\d+、基本概况!B\d+/);
  });

  it("checks a second form given as JSON with --form", async () => {
    const { code, stdout } = await runCli([
      "check",
      "--form",
      join(fixtures, "forms/bumen-juesuan-mini.json"),
      "--data",
      join(fixtures, "forms/bumen-juesuan-mini.data.json"),
      "--json",
    ]);
    expect(code).toBe(0);
    expect(JSON.parse(stdout).findings.some((f: { kind: string }) => f.kind === "overspend")).toBe(true);
  });
});

describe("unusable input: one line naming the file and the problem, exit 2", () => {
  it.each([
    ["a missing file", () => join(tmp, "nope.json"), "无法读取"],
    ["broken JSON", () => write("bad.json", "{ values: "), "不是有效的 JSON"],
    ["no values", () => write("novalues.json", JSON.stringify({ form: "yueyang-self-eval", lists: {} })), "缺少 values"],
    ["an unknown field id", () => write("typo.json", JSON.stringify({ form: "yueyang-self-eval", lists: {}, values: { "income.all.totl": "1" } })), "income.all.totl"],
    ["a list row beyond its list", () => write("beyond.json", JSON.stringify({ lists: { units: ["局机关"] }, values: { "income.unit[2].total": "1" } })), "income.unit[2].total"],
    ["an unknown form", () => write("form.json", JSON.stringify({ form: "nosuch", values: {} })), "nosuch"],
  ])("%s", async (_name, file, mentioned) => {
    const path = file();
    const { code, stderr, stdout } = await runCli(["check", "--data", path]);
    expect(code).toBe(2);
    expect(stdout).toBe("");
    expect(stderr.trim().split("\n")).toHaveLength(1);
    expect(stderr).toContain(path);
    expect(stderr).toContain(mentioned);
    expect(stderr).not.toMatch(/\n\s+at /);
  });

  it("an unknown option", async () => {
    const { code, stderr } = await runCli(["check", "--nosuch"]);
    expect(code).toBe(2);
    expect(stderr).toContain("--nosuch");
  });
});
