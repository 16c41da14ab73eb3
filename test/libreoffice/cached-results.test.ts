/**
 * The results `ziping template --data` stores with its formulas are the ones a real engine
 * calculates: LibreOffice, forced to recalculate on load, saves the same value in every formula
 * cell (numbers compared at 9 decimals, as the 校验 sheet compares).
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { main } from "../../src/cli/main";
import { FORM_MARKER_NAME } from "../../src/core/plan/names";
import { openWorkbook } from "../../src/hosts/xlsx/open";
import { formulaResults } from "../../src/hosts/xlsx/package";
import { convertWithLibreOffice, libreOfficeGate } from "./soffice";

const { soffice, skip } = libreOfficeGate();

type Results = Map<string, Map<string, string | number | boolean | undefined>>;

function comparable(v: string | number | boolean | undefined): string {
  if (typeof v === "number") return String(Math.round(v * 1e9) / 1e9);
  if (typeof v === "boolean") return v ? "1" : "0";
  return String(v ?? "");
}

(skip ? describe.skip : describe)("LibreOffice recalculates the template ziping wrote with cached results", () => {
  const dir = mkdtempSync(join(tmpdir(), "ziping-lo-cached-"));
  let ours: Results;
  let theirs: Results;

  beforeAll(async () => {
    const file = join(dir, "seed.xlsx");
    const code = await main(["template", "--data", join(__dirname, "..", "fixtures", "seed-2020.json"), "--out", file], { stdout: () => {}, stderr: () => {} });
    expect(code).toBe(0);
    ours = formulaResults((await openWorkbook(file, FORM_MARKER_NAME)).package);
    const converted = await convertWithLibreOffice(soffice, [file], "xlsx", join(dir, "lo"));
    theirs = formulaResults((await openWorkbook(converted.outputs[0], FORM_MARKER_NAME)).package);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("stores in every formula cell the value LibreOffice calculates", () => {
    const differ: string[] = [];
    let compared = 0;
    for (const [sheet, cells] of ours) {
      for (const [at, cached] of cells) {
        const calculated = theirs.get(sheet)?.get(at);
        compared++;
        if (comparable(cached) !== comparable(calculated)) differ.push(`${sheet}!${at}: ${comparable(cached)} ≠ ${comparable(calculated)}`);
      }
    }
    expect(compared).toBeGreaterThan(100);
    expect(differ).toEqual([]);
  });
});
