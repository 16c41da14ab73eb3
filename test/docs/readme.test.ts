import { readFileSync } from "node:fs";
import { join } from "node:path";
import { rawText, type ReportData } from "../../src/core/spec";
import { loadSeed } from "../fixtures/load";
import { runCli } from "../cli/run-cli";

const root = join(__dirname, "../..");
const readme = readFileSync(join(root, "README.md"), "utf8");

describe("README", () => {
  it("gives the two set-up commands, and .ci/run runs exactly the test command", () => {
    expect(readme).toContain("npm ci && npm start");
    expect(readme).toContain("npm ci && npm test");
    const ci = readFileSync(join(root, ".ci/run"), "utf8");
    expect(ci).toMatch(/^npm ci$/m);
    expect(ci).toMatch(/^npm test$/m);
  });

  it("shows a data-file excerpt that is true to the 2020 seed fixture and checks cleanly as data", async () => {
    const block = /```json\n([\s\S]*?)\n```/.exec(readme)?.[1];
    expect(block).toBeDefined();
    const excerpt = JSON.parse(block!) as ReportData;
    const seed = loadSeed(2020);
    expect(excerpt.lists.units).toEqual(seed.lists.units);
    for (const [id, v] of Object.entries(excerpt.values)) {
      expect(rawText(v), id).toBe(rawText(seed.values[id]));
    }
    const { mkdtempSync, writeFileSync } = await import("node:fs");
    const { tmpdir } = await import("node:os");
    const file = join(mkdtempSync(join(tmpdir(), "ziping-readme-")), "excerpt.json");
    writeFileSync(file, block!);
    const { code, stderr } = await runCli(["check", "--data", file]);
    expect(stderr).toBe("");
    expect(code).toBe(0);
  });
});
