/**
 * The results `ziping template --data` stores with its formulas are the ones a real engine
 * calculates: LibreOffice, forced to recalculate on load, saves the same value in every formula
 * cell (numbers compared at 9 decimals, as the 校验 sheet compares).
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { main } from "../../src/cli/main";
import { columnLetters } from "../../src/core/excel/address";
import { buildLayoutPlan } from "../../src/core/plan";
import { builtInScoringLayout } from "../../src/core/plan/built-in-scoring";
import { FORM_MARKER_NAME } from "../../src/core/plan/names";
import { scoreReport } from "../../src/core/score";
import { defaultForm, defaultScoringTable } from "../../src/core/spec";
import { loadSeed } from "../fixtures/load";
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

  it("calculates the 绩效评分 sheet as the core scores the report: each 计算值 and 建议得分, and the 综合得分 上限", () => {
    const seed = loadSeed(2020);
    const report = scoreReport(defaultForm, seed, defaultScoringTable);
    const plan = buildLayoutPlan(defaultForm, seed.lists, { scoring: builtInScoringLayout(defaultForm.id)! });
    const sheet = plan.sheets.find((s) => s.name === "绩效评分")!;
    const column = (label: string) => sheet.cells.find((c) => c.value === label && c.style === "header")!.column;
    const lo = theirs.get("绩效评分")!;
    expect(lo.size).toBeGreaterThan(20);
    const at = (row: number, col: number) => lo.get(`${columnLetters(col)}${row}`);
    for (const r of report.indicators) {
      const row = sheet.cells.find((c) => c.fieldId === `perfScores.${r.id}.entered`)?.row ?? sheet.cells.find((c) => c.column === 1 && String(c.value).includes(`·${r.name}（`))!.row;
      const value = at(row, column("计算值"));
      expect([r.id, typeof value === "number" ? `${(Math.round(value * 1e6) / 1e4).toFixed(2)}%` : undefined]).toEqual([r.id, r.value]);
      if (r.status === "scored") expect([r.id, at(row, column("建议得分"))]).toEqual([r.id, Number(r.suggested)]);
    }
    const ceilingRow = sheet.cells.find((c) => c.value === "综合得分上限（可计算指标扣分后）")!.row;
    expect(at(ceilingRow, column("建议得分"))).toBe(Number(report.rollUp.ceiling));
    expect(at(ceilingRow, column("等次"))).toBe(report.rollUp.ceilingGrade);
  });
});
