/**
 * `ziping report` on the 2020 seed workbook: LibreOffice opens the .docx, and its text holds every
 * sentence narrate writes (verbatim), every section heading of the outline in order, and each
 * table's figures as the workbook's cells show them, table by table in cell order. The PDF and
 * PNG pages are kept under test-artifacts/report/ for review.
 */
import { execFileSync } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { main } from "../../src/cli/main";
import { buildLayoutPlan, CELL_STYLES } from "../../src/core/plan";
import { placeForm } from "../../src/core/spec/placement";
import { defaultForm } from "../../src/core/spec";
import { loadWorkbookReport } from "../../src/hosts/xlsx/report";
import { convertWithLibreOffice, libreOfficeGate } from "./soffice";
import { scoredNarrative } from "../../src/cli/scored-narrative";

const { soffice, skip } = libreOfficeGate();
const ARTIFACTS = join(__dirname, "..", "..", "test-artifacts", "report");
const SEED = join(__dirname, "..", "fixtures", "seed-2020.json");

async function cli(args: string[]): Promise<number> {
  return main(args, { stdout: () => {}, stderr: () => {} });
}

/** A figure as the workbook shows it under the cell's number format. */
function shown(value: number, format: string): string {
  if (format === "0.00") return value.toFixed(2);
  if (format === "0") return value.toFixed(0);
  return String(value);
}

(skip ? describe.skip : describe)("ziping report on the 2020 seed workbook", () => {
  const dir = mkdtempSync(join(tmpdir(), "ziping-lo-report-"));
  const workbook = join(dir, "seed-2020.xlsx");
  const docx = join(dir, "自评报告.docx");
  let lines: string[];

  beforeAll(async () => {
    expect(await cli(["template", "--data", SEED, "--out", workbook])).toBe(0);
    expect(await cli(["report", workbook, "--out", docx, "--date", "2021年3月10日"])).toBe(0);
    const text = await convertWithLibreOffice(soffice, [docx], "txt:Text", join(dir, "txt"));
    lines = readFileSync(text.outputs[0], "utf8").replace(/^\uFEFF/, "").split(/\r?\n/).map((l) => l.trim());
    const pdf = await convertWithLibreOffice(soffice, [docx], "pdf", join(dir, "pdf"));
    rmSync(ARTIFACTS, { recursive: true, force: true });
    mkdirSync(ARTIFACTS, { recursive: true });
    copyFileSync(docx, join(ARTIFACTS, "自评报告.docx"));
    copyFileSync(pdf.outputs[0], join(ARTIFACTS, "自评报告.pdf"));
    execFileSync("pdftoppm", ["-r", "60", "-png", pdf.outputs[0], join(ARTIFACTS, "page")]);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("renders pages, all A4", () => {
    const pages = readdirSync(ARTIFACTS).filter((f) => f.endsWith(".png"));
    expect(pages.length).toBeGreaterThan(5);
    const info = execFileSync("pdfinfo", ["-f", "1", "-l", "999", join(ARTIFACTS, "自评报告.pdf")], { encoding: "utf8" });
    const sizes = [...info.matchAll(/Page\s+\d+ size:\s+([\d.]+) x ([\d.]+)/g)].map((m) => `${Math.round(Number(m[1]))}x${Math.round(Number(m[2]))}`);
    expect(sizes.length).toBe(pages.length);
    expect(new Set(sizes)).toEqual(new Set(["595x842"]));
  });

  it("holds every sentence narrate writes from the workbook, verbatim", async () => {
    const { data } = await loadWorkbookReport(workbook);
    const sentences = scoredNarrative(defaultForm, data).paragraphs.flatMap((p) => (p.status === "ok" ? p.sentences.map((s) => s.text) : []));
    expect(sentences.length).toBeGreaterThan(15);
    const whole = lines.join("\n");
    expect(sentences.filter((s) => !whole.includes(s))).toEqual([]);
  });

  it("has every section heading of the outline, in order, and the 校验提示 page last", () => {
    const headings = defaultForm.report!.sections.map((s) => s.heading);
    const at = headings.map((h) => lines.indexOf(h));
    expect(at.every((i) => i >= 0), JSON.stringify(at)).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
    expect(lines.lastIndexOf("校验提示")).toBeGreaterThan(at[at.length - 1]);
  });

  it("prints each table's figures as the workbook's cells show them, in cell order", async () => {
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(workbook);
    const { data } = await loadWorkbookReport(workbook);
    const plan = buildLayoutPlan(defaultForm, data.lists);
    const missing: string[] = [];
    let checked = 0;
    let from = 0;
    // The 上年数 table prints once last year's workbook is imported (report-prior.test.ts); the seed has none.
    const order = defaultForm.report!.sections.flatMap((s) => s.blocks.flatMap((b) => (b.kind === "table" && !b.whenFilled ? [b.table] : [])));
    const placed = new Map(placeForm(defaultForm, data.lists).flatMap((s) => s.tables.map((t) => [t.table.id, t] as const)));
    for (const id of order) {
      const p = placed.get(id)!;
      const layout = plan.sheets.find((s) => s.id === p.sheet.id)!;
      const sheet = book.getWorksheet(layout.name)!;
      from = lines.indexOf(p.table.title, from);
      expect(from, p.table.title).toBeGreaterThanOrEqual(0);
      const cells = layout.cells.filter((c) => c.fieldId && c.row >= p.bodyTop && c.row <= p.lastRow).sort((a, b) => a.row - b.row || a.column - b.column);
      for (const c of cells) {
        const v = sheet.getCell(c.row, c.column).value;
        const value = typeof v === "number" ? v : typeof v === "object" && v && "result" in v && typeof v.result === "number" ? v.result : undefined;
        if (value === undefined) continue;
        const text = shown(value, c.numberFormat ?? CELL_STYLES[c.style].numberFormat ?? "General");
        const found = lines.indexOf(text, from + 1);
        checked++;
        if (found < 0) missing.push(`${p.table.title} ${layout.name}!R${c.row}C${c.column} ${text}`);
        else from = found;
      }
    }
    expect(checked).toBeGreaterThan(100);
    expect(missing).toEqual([]);
  });
});
