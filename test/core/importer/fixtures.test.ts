/**
 * Each export fixture (built from the 2020 seed by test/fixtures/exports/make-exports.ts, in the
 * shapes officers really paste) imports to exactly the seed's figures: every value written and
 * every total compared equals the seed's 万元 figure as an exact decimal, nothing is rejected,
 * and the seed's 机构 list comes out of the row labels.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { Dec } from "../../../src/core/money";
import { applyPlan, detectEncoding, planImport, type ImportPlan } from "../../../src/core/importer";
import type { ReportData } from "../../../src/core/spec";
import { readExport } from "../../../src/cli/read-export";
import { assetsXlsx, econLedger, expenseCsv, incomeTsv, sangongPdf } from "../../fixtures/exports/make-exports";

const dir = join(__dirname, "../../fixtures/exports");
const seed = JSON.parse(readFileSync(join(__dirname, "../../fixtures/seed-2020.json"), "utf8")) as ReportData;
const seedValues = seed.values as Record<string, string>;
const empty: ReportData = { form: seed.form, lists: {}, values: {} };

const text = (name: string) => readFileSync(join(dir, name), "utf8");

function seedFieldsOf(table: string): string[] {
  return Object.keys(seedValues).filter((id) => id.startsWith(`${table}.`));
}

/** Every seed figure of the table is written or compared as a total, exactly; nothing else is. */
function expectSeedFigures(plan: ImportPlan, table: string): void {
  const placed = new Map<string, string>();
  for (const w of plan.writes) placed.set(w.fieldId, w.converted!);
  for (const t of plan.totals) if (t.fieldId) placed.set(t.fieldId, t.exported);
  const expected = seedFieldsOf(table);
  expect(expected.length).toBeGreaterThan(0);
  expect([...placed.keys()].sort()).toEqual([...expected].sort());
  for (const id of expected) {
    const got = new Dec(placed.get(id)!);
    expect(got.eq(new Dec(seedValues[id])), `${id}: imported ${got.toString()}, seed ${seedValues[id]}`).toBe(true);
  }
}

function expectSeedUnits(plan: ImportPlan): void {
  const after = applyPlan(empty, plan);
  expect(after.lists.units?.map((e) => e.name)).toEqual(seed.lists.units.map((e) => e.name));
}

describe("export fixtures import to the 2020 seed's figures", () => {
  it("the committed text fixtures are what make-exports.ts builds", async () => {
    expect(text("income-yuan.tsv")).toBe(incomeTsv());
    expect(readFileSync(join(dir, "expense-gbk.csv")).equals(expenseCsv())).toBe(true);
    expect(text("sangong-pdf.txt")).toBe(sangongPdf());
    expect(text("econ-ledger.tsv")).toBe(econLedger());
    // The .xlsx is rebuilt and read back rather than compared byte for byte (zip timestamps).
    expect((await assetsXlsx()).length).toBeGreaterThan(1000);
  });

  it("收入 in 元 with thousands separators, pasted from a grid (TSV, quoted header cell with a line break)", () => {
    const plan = planImport(text("income-yuan.tsv"));
    expect(plan.table).toMatchObject({ id: "income", how: "inferred" });
    expect(plan.unit).toMatchObject({ value: "元", how: "stated" });
    expect(plan.rejects).toEqual([]);
    expectSeedFigures(plan, "income");
    expectSeedUnits(plan);
    expect(plan.writes.every((w) => w.conversion === "元→万元")).toBe(true);
    // 12,997,700.00 元 is the 汇总 total: compared with the template's sum, which agrees.
    const grand = plan.totals.find((t) => t.fieldId === "income.all.total")!;
    expect(grand).toMatchObject({ text: "12,997,700.00", status: "agrees", kind: "template" });
    expect(new Dec(grand.expected!).eq(new Dec(seedValues["income.all.total"]))).toBe(true);
    // Alternative names were recognised as synonyms, and the plan says so.
    const carry = plan.columns.find((c) => c.columnId === "carryover")!;
    expect(carry).toMatchObject({ header: "年初结转和结余", how: "synonym" });
    expect(plan.columns.find((c) => c.columnId === "fiscal")).toMatchObject({ header: "一般公共预算财政拨款", how: "synonym" });
  });

  it("支出和结余 as a GBK CSV from Chinese Windows software (three-level header, 人员经费/公用经费)", () => {
    const bytes = readFileSync(join(dir, "expense-gbk.csv"));
    const encoding = detectEncoding(bytes);
    expect(encoding.encoding).toBe("gb18030");
    const decoded = new TextDecoder("gb18030").decode(bytes);
    const plan = planImport(decoded);
    expect(plan.delimiter).toBe(",");
    expect(plan.table?.id).toBe("expense");
    expect(plan.unit).toMatchObject({ value: "元", how: "stated" });
    expect(plan.rejects).toEqual([]);
    expectSeedFigures(plan, "expense");
    expectSeedUnits(plan);
    expect(plan.columns.find((c) => c.columnId === "public")).toMatchObject({ header: "公用经费", how: "synonym" });
    expect(plan.columns.find((c) => c.columnId === "cumBalance")).toMatchObject({ header: "年末结转和结余", how: "synonym" });
    // The footnote is read as a note, not as a new 机构.
    expect(plan.consumed.some((c) => c.role === "note" && c.text.startsWith("注："))).toBe(true);
    expect(plan.totals.every((t) => t.status === "agrees")).toBe(true);
  });

  it("三公经费 copied out of a PDF (space-aligned, full-width digits, stray spaces)", () => {
    const plan = planImport(text("sangong-pdf.txt"));
    expect(plan.delimiter).toBe("spaces");
    expect(plan.table?.id).toBe("sangongByUnit");
    expect(plan.unit).toMatchObject({ value: "万元", how: "stated" });
    expect(plan.rejects).toEqual([]);
    expectSeedFigures(plan, "sangongByUnit");
    // "2、科技信息 管理办公室" (a PDF line break inside the name) becomes the seed's name.
    expectSeedUnits(plan);
    expect(plan.writes.every((w) => w.conversion === "none")).toBe(true);
  });

  it("基本支出 by 经济分类 from a 科目 ledger: 类 lines taken, 款 lines not counted twice, the seed's 1112.80 合计 flagged", () => {
    const plan = planImport(text("econ-ledger.tsv"));
    expect(plan.table?.id).toBe("econ");
    expect(plan.unit?.value).toBe("元");
    expect(plan.rejects).toEqual([]);
    expectSeedFigures(plan, "econ");
    // The 类 rows were matched by 科目编码.
    expect(plan.rows.filter((r) => r.role === "row").map((r) => [r.code, r.rowId, r.how])).toEqual([
      ["301", "salary", "code"],
      ["302", "goods", "code"],
      ["303", "households", "code"],
      ["312", "enterprises", "code"],
    ]);
    // Every 款 line is a detail of the 类 line above it; none is written.
    const details = plan.rows.filter((r) => r.role === "detail");
    expect(details.length).toBe(9);
    for (const d of details) expect(d.code!.slice(0, 3)).toBe(plan.rows.find((r) => r.line === d.parentLine)!.code);
    const writtenActual = plan.writes.filter((w) => w.fieldId.endsWith(".actual")).reduce((s, w) => s.plus(new Dec(w.converted!)), new Dec(0));
    const seedParts = ["salary", "goods", "households", "enterprises"].reduce((s, r) => s.plus(new Dec(seedValues[`econ.${r}.actual`])), new Dec(0));
    expect(writtenActual.eq(seedParts)).toBe(true);
    // 款 lines add up to their 类 line exactly, so no hierarchy finding.
    expect(plan.findings.filter((f) => f.severity === "warning")).toEqual([]);
    // The seed prints 合计 1112.80 while its parts add to 1112.79: exact 元 figures make that a finding.
    const total = plan.totals.find((t) => t.fieldId === "econ.total.actual")!;
    expect(total.status).toBe("differs");
    expect(new Dec(total.expected!).eq(seedParts)).toBe(true);
    expect(new Dec(total.exported).minus(seedParts).toString()).toBe(new Dec(seedValues["econ.total.actual"]).minus(seedParts).toString());
    expect(plan.findings.some((f) => f.severity === "error" && f.cell === total.cell && f.message.includes("0.01"))).toBe(true);
    expect(plan.totals.find((t) => t.fieldId === "econ.total.budget")!.status).toBe("agrees");
  });

  it("固定资产 from an .xlsx (numbers stored as numbers, merged header cells)", async () => {
    const content = await readExport(join(dir, "assets.xlsx"));
    expect(content.kind).toBe("grid");
    if (content.kind !== "grid") return;
    const plan = planImport(content.grid);
    expect(plan.table?.id).toBe("assets");
    expect(plan.unit).toMatchObject({ value: "万元", how: "stated" });
    expect(plan.rejects).toEqual([]);
    expectSeedFigures(plan, "assets");
    expectSeedUnits(plan);
  });

  it("年度预算支出决算情况 from a legacy .xls written by LibreOffice (formula results read from the file)", async () => {
    const content = await readExport(join(dir, "budget-exec.xls"));
    expect(content).toMatchObject({ kind: "grid", format: "xls", sheet: "预算执行" });
    if (content.kind !== "grid") return;
    const plan = planImport(content.grid);
    expect(plan.table?.id).toBe("budgetExec");
    expect(plan.rejects).toEqual([]);
    expectSeedFigures(plan, "budgetExec");
    expect(plan.columns.find((c) => c.columnId === "budget")).toMatchObject({ header: "年初预算数", how: "synonym" });
    expect(plan.totals.every((t) => t.status === "agrees")).toBe(true);
  });
});
