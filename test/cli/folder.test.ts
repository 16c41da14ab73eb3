/**
 * Issue 18, case 11: `ziping check DIR/` reads each file in a worker process of its own. A
 * hostile file among good ones is one line of the summary and the others are all checked; a
 * file that exhausts its worker's memory costs only that worker.
 */
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { checkInWorkers } from "../../src/cli/commands/folder-pool";
import { withoutPart } from "../hosts/xlsx/hostile-files";
import { runCli } from "./run-cli";

const tmp = mkdtempSync(join(tmpdir(), "ziping-folder-"));
const GOOD = 5;

describe("case 11: a folder with one hostile workbook among good ones", () => {
  let dir: string;
  beforeAll(async () => {
    dir = join(tmp, "各部门");
    mkdirSync(dir);
    const book = join(tmp, "template.xlsx");
    expect((await runCli(["template", "--out", book, "--dept", "岳阳市科技局"])).code).toBe(0);
    for (let i = 1; i <= GOOD; i++) copyFileSync(book, join(dir, `部门${i}.xlsx`));
    writeFileSync(join(dir, "部门坏.xlsx"), await withoutPart(readFileSync(book), "xl/sharedStrings.xml"));
  });

  for (const jobs of ["1", "2"]) {
    it(`--jobs ${jobs}: a summary row for each good file, one line for the bad one, exit 2`, async () => {
      const { code, stdout, stderr } = await runCli(["check", dir, "--jobs", jobs]);
      expect(code).toBe(2);
      expect(stderr).toBe("");
      const lines = stdout.split("\n");
      for (let i = 1; i <= GOOD; i++) {
        expect(lines.filter((l) => l.includes(`部门${i}.xlsx`)), `部门${i}.xlsx`).toEqual([expect.stringMatching(/^岳阳市科技局\s+0\s+0\s+部门\d\.xlsx/)]);
      }
      expect(lines.filter((l) => l.includes("部门坏.xlsx"))).toEqual([expect.stringMatching(/无法校验：文件已损坏（缺少共享字符串表/)]);
      expect(stdout).toContain(`共 ${GOOD + 1} 个文件，0 个有错误，0 个有超支，${GOOD} 个尚未填写，1 个无法校验`);
    });
  }

  it("a file that exhausts its worker's memory is one line; the files after it are checked by a fresh worker", async () => {
    const values = Object.fromEntries(Array.from({ length: 600_000 }, (_, i) => [`x${i}`, String(i)]));
    const mixed = join(tmp, "mixed");
    mkdirSync(mixed);
    copyFileSync(join(dir, "部门1.xlsx"), join(mixed, "a.xlsx"));
    writeFileSync(join(mixed, "b.json"), JSON.stringify({ values }));
    copyFileSync(join(dir, "部门1.xlsx"), join(mixed, "c.xlsx"));
    // A heap limit a template's check fits in, and parsing 600,000 keys does not.
    const { rows, peakRssMb } = await checkInWorkers(mixed, ["a.xlsx", "b.json", "c.xlsx"], [], { jobs: 1, heapMb: 48 });
    expect(rows.map((r) => r.file)).toEqual(["a.xlsx", "b.json", "c.xlsx"]);
    expect(rows[0]).toMatchObject({ dept: "岳阳市科技局", errors: 0 });
    expect(rows[1].problem).toBe("读取时超出内存上限（48 MB），已停止读取此文件");
    expect(rows[2]).toMatchObject({ dept: "岳阳市科技局", errors: 0 });
    expect(peakRssMb[0]).toBeGreaterThan(0);
  }, 60_000);

  it("a file that takes longer than the time limit is one line, and the check goes on", async () => {
    const { rows } = await checkInWorkers(dir, ["部门1.xlsx", "部门2.xlsx"], [], { jobs: 1, timeoutMs: 1 });
    expect(rows.map((r) => r.problem)).toEqual(["0.001 秒内未能读完，已停止读取此文件", "0.001 秒内未能读完，已停止读取此文件"]);
  });
});
