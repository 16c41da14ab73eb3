/**
 * The workbook `ziping template --data` writes prints like the official form: LibreOffice turns
 * it into a PDF whose every page is A4, and every table fits one page wide — the header of its
 * first column and the header of its last column print on the page that carries its title.
 * The PDF is kept under test-artifacts/ for review.
 */
import { execFileSync } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { main } from "../../src/cli/main";
import { buildLayoutPlan } from "../../src/core/plan";
import { placeForm } from "../../src/core/spec/placement";
import { defaultForm } from "../../src/core/spec";
import { loadSeed } from "../fixtures/load";
import { convertWithLibreOffice, libreOfficeGate } from "./soffice";

const { soffice, skip } = libreOfficeGate();
const ARTIFACTS = join(__dirname, "..", "..", "test-artifacts");

/** A4 in points, either way round, as pdfinfo prints it. */
const A4 = [595, 842];

function pageTexts(pdf: string, pages: number): string[] {
  return Array.from({ length: pages }, (_, i) =>
    execFileSync("pdftotext", ["-layout", "-f", String(i + 1), "-l", String(i + 1), pdf, "-"], { encoding: "utf8" }),
  );
}

function pageSizes(pdf: string): Array<[number, number]> {
  const info = execFileSync("pdfinfo", ["-f", "1", "-l", "999", pdf], { encoding: "utf8" });
  return [...info.matchAll(/Page\s+\d+ size:\s+([\d.]+) x ([\d.]+)/g)].map((m) => [Math.round(Number(m[1])), Math.round(Number(m[2]))]);
}

const squeezed = (text: string): string => text.replace(/\s+/g, "");

(skip ? describe.skip : describe)("the 2020 seed workbook printed by LibreOffice", () => {
  const dir = mkdtempSync(join(tmpdir(), "ziping-lo-print-"));
  let sizes: Array<[number, number]>;
  let pages: string[];

  beforeAll(async () => {
    const file = join(dir, "seed-2020.xlsx");
    const code = await main(["template", "--data", join(__dirname, "..", "fixtures", "seed-2020.json"), "--out", file], { stdout: () => {}, stderr: () => {} });
    expect(code).toBe(0);
    const { outputs } = await convertWithLibreOffice(soffice, [file], "pdf", join(dir, "pdf"));
    mkdirSync(ARTIFACTS, { recursive: true });
    copyFileSync(outputs[0], join(ARTIFACTS, "seed-2020-workbook.pdf"));
    sizes = pageSizes(outputs[0]);
    pages = pageTexts(outputs[0], sizes.length).map(squeezed);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("prints every page on A4", () => {
    expect(sizes.length).toBeGreaterThan(5);
    const notA4 = sizes.filter(([w, h]) => [w, h].sort((a, b) => a - b).join("x") !== A4.join("x"));
    expect(notA4).toEqual([]);
  });

  it("prints each table one page wide: its first and last column headers on the page of its title", () => {
    const seed = loadSeed(2020);
    const plan = buildLayoutPlan(defaultForm, seed.lists);
    const split: string[] = [];
    let tables = 0;
    for (const { sheet, tables: placed } of placeForm(defaultForm, seed.lists)) {
      const layout = plan.sheets.find((s) => s.id === sheet.id)!;
      for (const p of placed) {
        const headers = layout.cells.filter(
          (c) => c.style === "header" && typeof c.value === "string" && c.value && c.row >= p.headerTop && c.row < p.headerTop + p.headerDepth,
        );
        const first = headers.reduce((a, b) => (b.column < a.column ? b : a));
        const last = headers.reduce((a, b) => (b.column > a.column ? b : a));
        // A title may also occur inside another table's label (固定资产 in 上年固定资产合计): the
        // table is whole when some page printing its title has both its outer headers.
        const titled = pages.flatMap((text, i) => (text.includes(squeezed(p.table.title)) ? [i] : []));
        tables++;
        if (titled.length === 0) {
          split.push(`${p.table.title}: title not printed`);
          continue;
        }
        const missing = (page: number) => [first, last].filter((h) => !pages[page].includes(squeezed(String(h.value)).slice(0, 3)));
        const page = titled.find((i) => missing(i).length === 0) ?? titled[0];
        for (const h of missing(page)) split.push(`${p.table.title}: header “${String(h.value)}” not on page ${page + 1}`);
      }
    }
    expect(tables).toBeGreaterThan(8);
    expect(split).toEqual([]);
  });
});
