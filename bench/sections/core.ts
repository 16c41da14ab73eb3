import { checkReport, templateLocator } from "../../src/core/check";
import { narrate, verifyNarrative } from "../../src/core/narrative";
import { scoreReport } from "../../src/core/score";
import { defaultForm, defaultScoringTable, type FormSpec, type ReportData } from "../../src/core/spec";
import { loadSeed, seedText } from "../../test/fixtures/load";
import { medianMs } from "../measure";
import { budget, row, type SectionResult } from "../report";
import { cellCount, scaledReport } from "../scale";

/** Check + narrative, the work the core does on every edit. */
const pass = (form: FormSpec, data: ReportData) => {
  const check = checkReport(form, data);
  return { check, narrative: narrate(form, data) };
};

/**
 * An edit cycle as live validation sees it: one cell changed, then a pass. Alternates a figure
 * so every run really re-reads and re-checks the edited cell and the rules that use it.
 */
function editCycle(data: ReportData, field: string) {
  // Both versions are built before timing: copying tens of thousands of values is the host's
  // read, measured in the live-cycle section, not the core's pass.
  const versions = [data, { ...data, values: { ...data.values, [field]: "1.23" } }];
  let turn = 0;
  return () => pass(defaultForm, versions[turn++ % 2]);
}

/** A pass with nothing cached: a fresh copy of the form, so its expansion is redone too. */
const coldPass = (data: ReportData) => () => pass(structuredClone(defaultForm) as FormSpec, data);

/**
 * A 20-page report text (about 20,000 characters, 1,000 a page): the 2020 seed's own report,
 * then again with its figures' last digits varied (so the copy is not the same text twice and
 * carries slips), as an officer's long 自评报告 would read.
 */
function twentyPages(): string {
  const seed = seedText(2020);
  const pages: string[] = [];
  for (let round = 0; pages.join("\n").length < 20_000; round++) {
    pages.push(round === 0 ? seed : seed.replace(/(\d)\.(\d)(\d)/g, (_, a: string, b: string, c: string) => `${a}.${b}${(Number(c) + round) % 10}`));
  }
  return pages.join("\n").slice(0, 20_000);
}

/**
 * What 绩效 scoring adds to a live pass: the check of the pass is reused (its values and 等次
 * verdict), so this is the scoring alone, after an edit to a cell an indicator reads.
 */
function scoringAfterEdit(data: ReportData, field: string, edited: string) {
  const locate = templateLocator(defaultForm, data);
  const versions = [data, { ...data, values: { ...data.values, [field]: edited } }].map((d) => ({ d, check: checkReport(defaultForm, d, locate) }));
  let turn = 0;
  return () => {
    const { d, check } = versions[turn++ % 2];
    return scoreReport(defaultForm, d, defaultScoringTable, { check, locate });
  };
}

export function coreSection(): SectionResult {
  const seed = loadSeed(2020);
  const seedEdit = medianMs(editCycle(seed, "sangong.reception.current"), { runs: 201 });
  // The seed's 定量指标 are 8 rows of perfIndicators.
  const withRows = seed;
  const scoring = medianMs(scoringAfterEdit(withRows, "staff.inService", "41"), { runs: 201 });
  // The worst single edit: a 定量指标 row's 实际完成值, so every row and every statement in the text is redone.
  const scoringRows = medianMs(scoringAfterEdit(withRows, "perfIndicators.item[7].actual", "12"), { runs: 201 });
  const seedCold = medianMs(coldPass(seed), { runs: 21 });
  const report = twentyPages();
  const verify20 = medianMs(() => verifyNarrative(defaultForm, seed, report), { runs: 21, warmup: 2 });
  const rows = [
    row("core", "check+narrative, 2020 seed, after one edit", seedEdit, "ms"),
    row("core", "check+narrative, 2020 seed, cold (form expanded afresh)", seedCold, "ms"),
    row("core", `叙述核对 of a 20-page report text (${report.length} characters)`, verify20, "ms"),
    row("core", "绩效 scoring added to the pass, 2020 seed with 8 定量指标 rows, edit to 在职人数", scoring, "ms"),
    row("core", "绩效 scoring added to the pass, same, edit to a 定量指标 row", scoringRows, "ms"),
  ];
  const perCell = new Map<number, number>();
  for (const n of [2, 20, 200, 2000]) {
    const data = scaledReport(n);
    const cells = cellCount(data);
    const runs = n >= 2000 ? 9 : n >= 200 ? 21 : 101;
    // The edited cell is a unit's 收入合计: it feeds row and column sums, the balance rules and the
    // narrative's by-unit sentence, which lists every unit, so the whole sentence is rebuilt.
    const edit = medianMs(editCycle(data, "income.unit[1].total"), { runs, warmup: 2 });
    const cold = medianMs(coldPass(data), { runs: n >= 2000 ? 3 : 9, warmup: 1, minTotalMs: 0 });
    perCell.set(n, (edit * 1000) / cells);
    rows.push(
      row("scale", `${n} units + ${n}+${n} 功能科目 lines (${cells} cells): pass after one edit`, edit, "ms"),
      row("scale", `${n} units: per cell after one edit`, (edit * 1000) / cells, "µs/cell"),
      row("scale", `${n} units: cold pass`, cold, "ms"),
    );
    if (n === 2000) rows.push(row("scale", "2000 units: cold per cell", (cold * 1000) / cells, "µs/cell"));
  }
  const at2000 = rows.find((r) => r.what.startsWith("2000 units + "))!.value;
  const ratio = perCell.get(2000)! / perCell.get(20)!;
  return {
    rows,
    budgets: [
      budget("core pass over the seed < 1 ms (median)", seedEdit < 1, `${seedEdit.toFixed(3)} ms`),
      budget("叙述核对 of a 20-page report < 50 ms (median)", verify20 < 50, `${verify20.toFixed(1)} ms`),
      budget(
        "绩效 scoring adds < 0.2 ms to the pass over the seed (median, either edit)",
        Math.max(scoring, scoringRows) < 0.2,
        `${scoring.toFixed(3)} ms / ${scoringRows.toFixed(3)} ms`,
      ),
      budget("core pass at 2,000 units < 50 ms (median)", at2000 < 50, `${at2000.toFixed(1)} ms`),
      budget("per-cell cost at 2,000 units within 2× of 20 units", ratio <= 2, `ratio ${ratio.toFixed(2)}`),
    ],
  };
}
