/**
 * The workbook commands end to end, in-process: `ziping template` → filled with the 2020 seed's
 * figures → `ziping check FILE.xlsx` / `ziping narrate FILE.xlsx` agree with the core on the
 * seed's JSON; `ziping check DIR/` for reviewers; `ziping import … --into FILE.xlsx`; bad files.
 */
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { checkReport } from "../../src/core/check";
import { parseAmount } from "../../src/core/money";
import { FORM_MARKER_NAME } from "../../src/core/plan";
import { defaultForm, expandFields, rawText, type ReportData } from "../../src/core/spec";
import { HELP } from "../../src/cli/main";
import { openWorkbookForEditing } from "../../src/hosts/xlsx/open";
import { loadWorkbookReport, readReport, recogniseForm } from "../../src/hosts/xlsx/report";
import { rewrittenWorkbookBytes, writeAt } from "../../src/hosts/xlsx/update";
import { writeFileAtomically } from "../../src/cli/atomic-write";
import { workbookBytes } from "../../src/hosts/xlsx/write";
import { loadSeed } from "../fixtures/load";
import { bigExport, encryptedWorkbook, legacyXls, truncated } from "../hosts/xlsx/bad-files";
import { differingValues, sameValue } from "../hosts/xlsx/seed-workbook";
import { runCli } from "./run-cli";
import { scoredNarrative } from "../../src/cli/scored-narrative";

const seed = loadSeed(2020);
const seedJson = join(__dirname, "../fixtures/seed-2020.json");
const exportsDir = join(__dirname, "../fixtures/exports");
const tmp = mkdtempSync(join(tmpdir(), "ziping-workbook-cli-"));
let n = 0;
const fresh = (ext = "xlsx") => join(tmp, `book-${++n}.${ext}`);
const units = seed.lists.units.map((u) => u.name).join(",");

/** What an officer does by hand: types every figure of the report into the template's cells. */
async function fillByHand(path: string, data: ReportData): Promise<void> {
  const book = await openWorkbookForEditing(path, FORM_MARKER_NAME);
  const { addresses } = readReport(book, recogniseForm(book, [defaultForm]));
  const fields = new Map(expandFields(defaultForm, data.lists).map((f) => [f.id, f]));
  for (const [id, value] of Object.entries(data.values)) {
    const at = addresses.get(id);
    expect(at, `template has a cell for ${id}`).toBeDefined();
    writeAt(book, at!, fields.get(id), value);
  }
  await writeFileAtomically(path, await rewrittenWorkbookBytes(book));
}

/**
 * A template made by `ziping template` for the seed's lists (units, 项目, 评价人员: a data file
 * with lists and no values), then filled with the seed's figures cell by cell.
 */
async function filledTemplate(): Promise<string> {
  const listsOnly = fresh("json");
  writeFileSync(listsOnly, JSON.stringify({ form: seed.form, lists: seed.lists, values: {} }));
  const path = fresh();
  const made = await runCli(["template", "--out", path, "--data", listsOnly]);
  expect(made.code).toBe(0);
  await fillByHand(path, seed);
  return path;
}

/** A figure's decimal value as text ("1112.80" → "1112.8"); other text as it is. */
function normaliseFigure(text: string): string {
  const parsed = parseAmount(text);
  return parsed.kind === "amount" && parsed.unitHint === undefined ? parsed.value.toString() : text;
}

const jsonOf = (stdout: string) => JSON.parse(stdout) as Record<string, unknown>;

describe("ziping template", () => {
  it("writes a template with the year, department and units in place", async () => {
    const out = fresh();
    const { code, stdout } = await runCli(["template", "--out", out, "--year", "2020", "--dept", "岳阳市科技局", "--units", "局机关，科技信息管理办公室"]);
    expect(code).toBe(0);
    expect(stdout).toContain(out);
    const report = await loadWorkbookReport(out);
    expect(report.data.values["report.dept"]).toBe("岳阳市科技局");
    expect(report.data.values["report.year"]).toBe("2020");
    expect(report.data.lists.units).toEqual([{ name: "局机关" }, { name: "科技信息管理办公室" }]);
  });

  it("--data lays the template out for a data file's lists and fills in its values", async () => {
    const out = fresh();
    const { code, stdout } = await runCli(["template", "--out", out, "--data", seedJson]);
    expect(code).toBe(0);
    expect(stdout).toContain("2 个单位");
    const report = await loadWorkbookReport(out);
    expect(report.data.lists).toEqual(seed.lists);
    expect(differingValues(seed, report.data)).toEqual([]);
    expect((await runCli(["template", "--out", fresh(), "--data", seedJson, "--units", units])).code).toBe(2);
  });

  it("never overwrites an existing file unless --force, and refuses bad options before writing", async () => {
    const out = fresh();
    writeFileSync(out, "officer's work");
    const refused = await runCli(["template", "--out", out]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain("已存在");
    expect(readFileSync(out, "utf8")).toBe("officer's work");
    expect((await runCli(["template", "--out", out, "--force"])).code).toBe(0);
    expect(readFileSync(out).subarray(0, 2).toString()).toBe("PK");

    const other = fresh();
    for (const args of [["--year", "二〇二〇"], ["--units", "局机关,局机关"], ["--units", " , "]]) {
      const r = await runCli(["template", "--out", other, ...args]);
      expect(r.code).toBe(2);
      expect(r.stderr.trim().split("\n")).toHaveLength(1);
    }
    expect((await runCli(["template", "--out", fresh("csv")])).code).toBe(2);
    expect((await runCli(["template", "--out", join(tmp, "no-such-dir", "t.xlsx")])).code).toBe(2);
    expect(existsSync(other)).toBe(false);
  });
});

describe("a template filled with the 2020 figures", () => {
  let filled: string;
  beforeAll(async () => {
    filled = await filledTemplate();
  });

  it("`ziping check FILE.xlsx --json` finds the seed's slips and exactly the core's findings on the JSON", async () => {
    const { code, stdout } = await runCli(["check", filled, "--json"]);
    const out = jsonOf(stdout) as { findings: unknown[]; rules: Array<{ id: string; status: string }> };
    const core = checkReport(defaultForm, seed);
    expect(out.findings).toEqual(JSON.parse(JSON.stringify(core.findings)));
    expect(code).toBe(1);
    const findings = core.findings;
    expect(findings.some((f) => f.kind === "tail" && f.actual === "1112.80" && f.expected === "1112.79")).toBe(true);
    expect(findings.filter((f) => f.severity === "warning").length).toBeGreaterThan(0);
    // The same JSON as `ziping check --data`, except for the file name and the note on formulas.
    const fromJson = jsonOf((await runCli(["check", "--data", seedJson, "--json"])).stdout);
    expect(out.rules).toEqual(fromJson.rules);
  });

  it("reads back every figure the officer typed", async () => {
    const report = await loadWorkbookReport(filled);
    expect(differingValues(seed, report.data)).toEqual([]);
  });

  it("`ziping narrate FILE.xlsx` gives the core's paragraphs for the same data", async () => {
    const core = scoredNarrative(defaultForm, seed);
    const { code, stdout } = await runCli(["narrate", filled, "--json"]);
    expect(code).toBe(0);
    const out = jsonOf(stdout) as { paragraphs: unknown };
    // A fact quotes the cell as written: the workbook holds the number 1112.8 (shown 1112.80 by
    // its number format) where the JSON has the text "1112.80"; the figures must be equal.
    const sameFigures = (x: unknown) =>
      JSON.parse(JSON.stringify(x), (key, value) => (key === "written" && typeof value === "string" ? normaliseFigure(value) : value));
    expect(sameFigures(out.paragraphs)).toEqual(sameFigures(core.paragraphs));
    const text = await runCli(["narrate", filled]);
    const ok = core.paragraphs.filter((p) => p.status === "ok");
    expect(ok.length).toBeGreaterThan(3);
    for (const p of ok) expect(text.stdout).toContain(`【${p.title}】\n${p.text}`);
  });
});

describe("ziping check DIR/", () => {
  let dir: string;
  beforeAll(async () => {
    dir = join(tmp, "收件箱");
    mkdirSync(dir);
    copyFileSync(await filledTemplate(), join(dir, "科技局.xlsx"));
    copyFileSync(seedJson, join(dir, "科技局-数据.json"));
    writeFileSync(join(dir, "坏文件.xlsx"), encryptedWorkbook());
    writeFileSync(join(dir, "~$科技局.xlsx"), "Excel lock file");
    writeFileSync(join(dir, "说明.txt"), "not a report");
  });

  it("says 尚未填写 for a department that sent back the empty template, not a clean 0 errors", async () => {
    const inbox = join(tmp, "收件箱-空表");
    mkdirSync(inbox);
    copyFileSync(seedJson, join(inbox, "科技局-数据.json"));
    expect((await runCli(["template", "--out", join(inbox, "空表.xlsx")])).code).toBe(0);
    const { stdout } = await runCli(["check", inbox]);
    expect(stdout.split("\n").find((l) => l.includes("空表.xlsx"))).toMatch(/空表\.xlsx\s+尚未填写/);
    expect(stdout.split("\n").find((l) => l.includes("科技局-数据.json"))).not.toContain("尚未填写");
    expect(stdout).toContain("1 个尚未填写");
  });

  it("prints one table for the reviewer, lists a bad file with its problem and still checks the rest", async () => {
    const { code, stdout } = await runCli(["check", dir]);
    expect(code).toBe(2);
    const lines = stdout.trim().split("\n");
    expect(lines[0].split(/\s+/)).toEqual(["部门", "错误", "超支", "文件", "说明"]);
    const core = checkReport(defaultForm, seed).findings;
    const errors = String(core.filter((f) => f.severity === "error").length);
    const overspends = String(core.filter((f) => f.severity === "warning").length);
    const row = (file: string) => lines.find((l) => l.includes(file))!.trim().split(/\s+/);
    expect(row("科技局.xlsx").slice(0, 4)).toEqual(["岳阳市科技局", errors, overspends, "科技局.xlsx"]);
    expect(row("科技局-数据.json").slice(0, 4)).toEqual(["岳阳市科技局", errors, overspends, "科技局-数据.json"]);
    expect(lines.find((l) => l.includes("坏文件.xlsx"))).toMatch(/无法校验：.*密码/);
    expect(stdout).not.toContain("~$");
    expect(stdout).toContain("共 3 个文件");
    expect(stdout).toContain("另有 1 个其他文件");
  });

  it("gives the same as JSON, and exit 1 when every file is readable and one has errors", async () => {
    const json = jsonOf((await runCli(["check", dir, "--json"])).stdout) as { files: Array<{ file: string; errors?: number; problem?: string }> };
    expect(json.files.map((f) => f.file).sort()).toEqual(["坏文件.xlsx", "科技局-数据.json", "科技局.xlsx"].sort());
    expect(json.files.find((f) => f.file === "坏文件.xlsx")?.problem).toContain("密码");
    const clean = join(tmp, "clean");
    mkdirSync(clean);
    copyFileSync(join(dir, "科技局.xlsx"), join(clean, "a.xlsx"));
    expect((await runCli(["check", clean])).code).toBe(1);
    const empty = join(tmp, "empty-dir");
    mkdirSync(empty);
    expect((await runCli(["check", empty])).code).toBe(2);
  });
});

describe("files ziping cannot use", () => {
  let template: Buffer;
  beforeAll(async () => {
    template = readFileSync(await filledTemplate());
  });

  const make: Array<[string, () => Promise<Buffer> | Buffer, RegExp]> = [
    ["empty.xlsx", () => Buffer.alloc(0), /空/],
    ["text.xlsx", () => Buffer.from("这不是工作簿"), /不是 Excel 工作簿/],
    ["locked.xlsx", encryptedWorkbook, /密码/],
    ["old.xls", legacyXls, /\.xls/],
    ["cut.xlsx", () => truncated(template), /损坏/],
    ["export.xlsx", () => bigExport(10), /过大/],
    [
      "plain.xlsx",
      async () => {
        const workbook = new ExcelJS.Workbook();
        workbook.addWorksheet("Sheet1").getCell("A1").value = 1;
        return workbookBytes(workbook, []);
      },
      /不是 ZiPing 自评表模板/,
    ],
    [
      "older.xlsx",
      async () => {
        const JSZip = (await import("jszip")).default;
        const zip = await JSZip.loadAsync(template);
        const xml = await zip.file("xl/workbook.xml")!.async("string");
        zip.file("xl/workbook.xml", xml.replace(`${defaultForm.id}@${defaultForm.version}`, `${defaultForm.id}@${defaultForm.version - 1}`));
        return zip.generateAsync({ type: "nodebuffer" });
      },
      /较早版本/,
    ],
  ];

  for (const [name, bytes, wording] of make) {
    it(`${name}: check, narrate and import --apply each print one line naming the file, exit 2, write nothing`, async () => {
      const path = join(tmp, name);
      writeFileSync(path, await bytes());
      const before = statSync(path).mtimeMs;
      const content = readFileSync(path);
      const commands = [["check", path], ["check", path, "--json"], ["narrate", path]];
      // import --into takes .json and .xlsx only; an .xls target is refused by name.
      if (name.endsWith(".xlsx")) commands.push(["import", join(exportsDir, "income-yuan.tsv"), "--into", path, "--apply"]);
      for (const args of commands) {
        const { code, stdout, stderr } = await runCli(args);
        expect(code, args.join(" ")).toBe(2);
        expect(stdout).toBe("");
        const lines = stderr.trim().split("\n");
        expect(lines, args.join(" ")).toHaveLength(1);
        expect(lines[0].startsWith(`${path}: `)).toBe(true);
        expect(lines[0]).toMatch(wording);
        expect(lines[0]).not.toMatch(/\bat .*\.(ts|js):\d+/);
      }
      expect(readFileSync(path).equals(content)).toBe(true);
      expect(statSync(path).mtimeMs).toBe(before);
      expect(readdirSync(tmp).filter((f) => f.endsWith(".tmp"))).toEqual([]);
    });
  }
});

describe("ziping import EXPORT --into FILE.xlsx", () => {
  it("plans against the workbook without writing, and --apply writes the same values a .json import gets", async () => {
    const book = fresh();
    expect((await runCli(["template", "--out", book, "--units", units])).code).toBe(0);
    const original = readFileSync(book);
    const exported = join(exportsDir, "income-yuan.tsv");

    const planned = await runCli(["import", exported, "--into", book]);
    expect(planned.code).toBe(0);
    expect(planned.stdout).toMatch(/收入!C6 {2}第7行第3列 “2,414,900.00” → 2414900.00 元 → 241.49 万元/);
    expect(readFileSync(book).equals(original)).toBe(true);

    const applied = await runCli(["import", exported, "--into", book, "--apply"]);
    expect(applied.code).toBe(0);
    expect(applied.stdout).toContain(`已写入 ${book}`);
    const asJson = fresh("json");
    expect((await runCli(["import", exported, "--into", asJson, "--apply"])).code).toBe(0);
    const expected = JSON.parse(readFileSync(asJson, "utf8")) as ReportData;

    const report = await loadWorkbookReport(book);
    const written = Object.keys(expected.values);
    expect(written.length).toBeGreaterThan(5);
    for (const id of written) expect(sameValue(report.data.values[id], expected.values[id]), id).toBe(true);
    // Values only went where the plan said; totals are formulas again, their results computed by the write.
    expect(report.uncalculated).toEqual([]);
    // Anything else read back is a total's formula result: 汇总 = Σ units, 收入合计 = Σ its columns.
    const totals = Object.keys(report.data.values).filter((id) => !written.includes(id) && !id.startsWith("report."));
    expect(totals.sort()).toEqual(["income.all.carryover", "income.all.fiscal", "income.all.fund", "income.all.nontax", "income.all.other", "income.all.total", "income.unit[1].total", "income.unit[2].total"]);
    // The export's own 汇总 row: 2,640,500.00 元 and 12,997,700.00 元.
    expect(Number(rawText(report.data.values["income.all.carryover"]))).toBe(264.05);
    expect(Number(rawText(report.data.values["income.all.total"]))).toBe(1299.77);
    expect(rawText(report.data.values["income.unit[1].carryover"])).toBe("241.49");
  });

  it("--apply adds the export's unit the workbook has no rows for, laying the template out again (as the pane does)", async () => {
    const book = fresh();
    expect((await runCli(["template", "--out", book, "--units", "局机关"])).code).toBe(0);
    const r = await runCli(["import", join(exportsDir, "income-yuan.tsv"), "--into", book, "--apply"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("重排模板");
    const report = await loadWorkbookReport(book);
    expect(report.data.lists.units?.map((u) => u.name)).toEqual(["局机关", "科技信息管理办公室"]);
    expect(rawText(report.data.values["income.unit[2].carryover"])).toBe("22.56");
  });
});

describe("ziping --help", () => {
  it("documents every option the parser accepts and every command", () => {
    const source = readFileSync(join(__dirname, "../../src/cli/main.ts"), "utf8");
    const options = [...source.matchAll(/^\s{6}(\w+): \{ type: "(?:string|boolean)"/gm)].map((m) => m[1]).filter((o) => o !== "help");
    expect(options.length).toBeGreaterThan(10);
    for (const option of options) expect(HELP, `--${option}`).toContain(`--${option}`);
    for (const command of ["template", "check", "narrate", "import", "docs"]) expect(HELP).toContain(`ziping ${command}`);
    for (const usage of ["FILE.xlsx|FILE.json|DIR/", "--into FILE.json|FILE.xlsx", "ziping narrate FILE.xlsx|FILE.json"]) expect(HELP).toContain(usage);
  });
});
