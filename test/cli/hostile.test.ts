/**
 * Issue 18, cases 2–8, through the command line: every reader bounded, every refusal one line on
 * stderr naming the file and the limit, and nothing a file holds reaching the terminal raw. The
 * hostile files are made here, small (a bomb is a few hundred KB claiming hundreds of MB).
 */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { EXPORT_LIMITS, readExport } from "../../src/cli/read-export";
import { shown } from "../../src/cli/shown";
import { IMPORT_LIMITS } from "../../src/core/importer";
import { inflatingXlsx, withSharedString, withoutPart, xlsWithNumbers, xlsxExport } from "../hosts/xlsx/hostile-files";
import { runCli } from "./run-cli";

const exportsDir = join(__dirname, "../fixtures/exports");
const tmp = mkdtempSync(join(tmpdir(), "ziping-hostile-"));
let n = 0;
const file = (name: string, bytes: Buffer | string) => {
  const path = join(tmp, `${++n}-${name}`);
  writeFileSync(path, bytes);
  return path;
};
const into = () => join(tmp, `into-${++n}.json`);
const count = (k: number) => k.toLocaleString("en-US");
const RAW_CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;

/** Exit 2, nothing on stdout, one line on stderr naming the file, nothing raw. */
function expectRefusal(r: { code: number; stdout: string; stderr: string }, path: string, wording: RegExp): void {
  expect(r.code).toBe(2);
  expect(r.stdout).toBe("");
  const lines = r.stderr.split("\n").filter(Boolean);
  expect(lines).toHaveLength(1);
  expect(lines[0].startsWith(`${path}: `)).toBe(true);
  expect(lines[0]).toMatch(wording);
  expect(lines[0]).not.toMatch(RAW_CONTROL);
}

/** The income export's lines as rows of cells (quoted header cell kept as one cell). */
function incomeRows(): string[][] {
  const text = readFileSync(join(exportsDir, "income-yuan.tsv"), "utf8");
  const rows: string[][] = [];
  for (const line of text.replace(/"收入\n合计"/, "收入合计").split("\n")) if (line !== "") rows.push(line.split("\t"));
  return rows;
}

describe("case 2: an .xlsx export inflating past the limit", () => {
  it("a zip stating 300 MB is refused at once, naming the limit", async () => {
    const path = file("bomb.xlsx", inflatingXlsx(300, true));
    expectRefusal(await runCli(["import", path, "--into", into()]), path, new RegExp(`解压后超过 ${(EXPORT_LIMITS.inflatedBytes / 2 ** 20).toFixed(1)} MB`));
  });

  it("a zip hiding its size (stating 1 KB) is refused once its real bytes pass the limit", async () => {
    const path = file("hidden.xlsx", inflatingXlsx(8, false));
    await expect(readExport(path, { limits: { ...EXPORT_LIMITS, inflatedBytes: 2 * 2 ** 20 } })).rejects.toThrow(`${path}: 解压后超过 2.0 MB`);
  });
});

describe("case 3: a large .xlsx export", () => {
  it("is read in one pass: ExcelJS's columnCount (a scan of every row) is never asked per cell, and the cells are those of the TSV", async () => {
    const rows = incomeRows();
    const path = file("income.xlsx", await xlsxExport(rows));
    const proto = Object.getPrototypeOf(new ExcelJS.Workbook().addWorksheet("probe")) as object;
    const columnCount = jest.spyOn(proto as { columnCount: number }, "columnCount", "get");
    try {
      const content = await readExport(path);
      expect(columnCount.mock.calls.length).toBeLessThanOrEqual(1);
      expect(content.grid.rows.map((r) => r.map((c) => c.trim()))).toEqual(rows.map((r) => r.map((c) => c.trim())));
    } finally {
      columnCount.mockRestore();
    }
    const fromXlsx = await runCli(["import", path, "--into", into(), "--json"]);
    const fromTsv = await runCli(["import", join(exportsDir, "income-yuan.tsv"), "--into", into(), "--json"]);
    const writes = (out: string) => (JSON.parse(out) as { plan: { writes: Array<{ fieldId: string; converted: string }> } }).plan.writes.map((w) => [w.fieldId, w.converted]);
    expect(fromXlsx.code).toBe(fromTsv.code);
    expect(writes(fromXlsx.stdout)).toEqual(writes(fromTsv.stdout));
  });

  it("a sheet stating a million rows (its formatted area) but holding a few is read: the stated size is not trusted", async () => {
    const path = file("formatted.xlsx", await xlsxExport(incomeRows(), { dimension: "A1:G1000000" }));
    const content = await readExport(path);
    expect(content.grid.rows).toHaveLength(incomeRows().length);
  });

  it("a sheet past the row limit is refused at the first row with content beyond it, naming the sheet's size", async () => {
    function* rows() {
      for (let r = 1; r <= IMPORT_LIMITS.rows + 1; r++) yield [r];
      // Empty rows after it still count in the size the message gives.
      for (let r = 0; r < 4; r++) yield [];
    }
    const path = file("long.xlsx", await xlsxExport(rows()));
    expectRefusal(await runCli(["import", path, "--into", into()]), path, new RegExp(`工作表“明细”共 ${count(IMPORT_LIMITS.rows + 5)} 行，超过导入上限 ${count(IMPORT_LIMITS.rows)} 行`));
  }, 30_000);
});

describe("case 4: text exports past a limit", () => {
  it("a CSV line of more columns than Excel has is refused, naming the line and the limit", async () => {
    const path = file("wide.csv", ",1".repeat(IMPORT_LIMITS.columns + 10));
    expectRefusal(await runCli(["import", path, "--into", into()]), path, new RegExp(`第 1 行有 ${count(IMPORT_LIMITS.columns + 1)} 列以上，超过上限 ${count(IMPORT_LIMITS.columns)} 列`));
  });

  it("more lines than the row limit are refused before they are split", async () => {
    const path = file("long.tsv", "科目\t金额\n" + "a\t1\n".repeat(IMPORT_LIMITS.rows));
    expectRefusal(await runCli(["import", path, "--into", into()]), path, new RegExp(`共 ${count(IMPORT_LIMITS.rows + 1)} 行，超过导入上限 ${count(IMPORT_LIMITS.rows)} 行`));
  });
});

describe("case 4: a legacy .xls past a limit", () => {
  it("a record at column 20,000 is refused before the row is grown to it; numbers within the limits are read", async () => {
    const path = file("wide.xls", xlsWithNumbers([{ row: 0, column: 0, value: 1.5 }, { row: 3, column: 19_999, value: 2 }]));
    expectRefusal(await runCli(["import", path, "--into", into()]), path, new RegExp(`第 4 行有 20,000 列以上，超过上限 ${count(IMPORT_LIMITS.columns)} 列`));
    const fine = file("fine.xls", xlsWithNumbers([{ row: 0, column: 0, value: 1.5 }, { row: 1, column: 2, value: 2 }]));
    expect((await readExport(fine)).grid.rows).toEqual([["1.5"], ["", "", "2"]]);
  });
});

describe("case 5: an unusable export is one line on stderr, nothing on stdout", () => {
  const random = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 256));
  const cases: Array<[string, Buffer | string, RegExp]> = [
    ["empty.csv", "", /空/],
    ["random.csv", random, /无法导入/],
    ["random.xlsx", Buffer.concat([Buffer.from("PK\x03\x04"), random]), /损坏/],
    ["other-table.tsv", "姓名\t年龄\n张三\t30\n李四\t40\n", /无法导入：无法判断这些数据属于哪张表/],
  ];
  for (const [name, bytes, wording] of cases) {
    it(name, async () => {
      const path = file(name, bytes);
      expectRefusal(await runCli(["import", path, "--into", into()]), path, wording);
    });
  }
});

describe("case 6: control characters from files are shown escaped", () => {
  it("a department name carrying ESC [8m does not hide its row of the folder summary", async () => {
    const dir = join(tmp, "各部门");
    mkdirSync(dir);
    const book = join(tmp, "科技局-模板.xlsx");
    expect((await runCli(["template", "--out", book, "--dept", "岳阳市科技局"])).code).toBe(0);
    writeFileSync(join(dir, "科技局.xlsx"), await withSharedString(readFileSync(book), "岳阳市科技局", "岳阳市科技局_x001B_[8m"));
    const { stdout } = await runCli(["check", dir, "--jobs", "1"]);
    expect(stdout).not.toMatch(RAW_CONTROL);
    const row = stdout.split("\n").find((l) => l.includes("科技局.xlsx"));
    expect(row).toMatch(/^岳阳市科技局\\x1B\[8m\s+0\s+0\s+科技局\.xlsx/);
  });

  it("a random .json: the parser's message quotes the bytes escaped, on one line", async () => {
    const path = file("random.json", Buffer.from("\r\x1b[2J\x07{\x00\x9b31m"));
    const r = await runCli(["check", path]);
    expectRefusal(r, path, /不是有效的 JSON/);
  });

  it("shown(): controls and bidi overrides escaped, long values cut with their length", () => {
    expect(shown("a\x1b[8mb\r\n\t\u202e\u009b")).toBe("a\\x1B[8mb\\r\\n\\t\\u202E\\u009B");
    expect(shown("9".repeat(50_000_000))).toBe(`${"9".repeat(200)}…（共 50,000,000 字符）`);
  });
});

describe("case 7: an .xlsx export missing a part is corrupt, not data", () => {
  it("without its shared strings: exit 2, 文件已损坏", async () => {
    const path = file("no-strings.xlsx", await withoutPart(await xlsxExport(incomeRows()), "xl/sharedStrings.xml"));
    expectRefusal(await runCli(["import", path, "--into", into()]), path, /文件已损坏（缺少共享字符串表/);
  });

  it("without its sheet: exit 2, 文件已损坏", async () => {
    const path = file("no-sheet.xlsx", await withoutPart(await xlsxExport(incomeRows()), "xl/worksheets/sheet1.xml"));
    expectRefusal(await runCli(["import", path, "--into", into()]), path, /文件已损坏（缺少工作表“明细”/);
  });
});

describe("case 8: a cell longer than a spreadsheet cell", () => {
  it("is refused, naming the line, column and the limit, instead of being echoed", async () => {
    const path = file("digits.csv", `科目,金额\n局机关,${"9".repeat(IMPORT_LIMITS.cellChars + 1)}\n`);
    const r = await runCli(["import", path, "--into", into()]);
    expectRefusal(r, path, new RegExp(`第 2 行第 2 列有 ${count(IMPORT_LIMITS.cellChars + 1)} 个字符，超过单元格上限 ${count(IMPORT_LIMITS.cellChars)} 个字符`));
  });

  it("a long text within the limit is printed cut, with its length", async () => {
    const lines = readFileSync(join(exportsDir, "income-yuan.tsv"), "utf8").split("\n");
    const long = "长".repeat(30_000);
    lines[6] = `${lines[6]}\t${long}`;
    const path = file("long-cell.tsv", lines.join("\n"));
    const r = await runCli(["import", path, "--into", into()]);
    expect(r.stdout).toContain(`…（共 30,000 字符）`);
    expect(r.stdout.length).toBeLessThan(20_000);
  });
});
