import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { ReportData, ScoringTable } from "../../../src/core/spec";
import { loadSeed } from "../../fixtures/load";

const fixtures = join(__dirname, "../../fixtures/scoring");

/**
 * The 2020 seed with its 定量指标 as rows (test/fixtures/scoring/seed-2020-indicators.json: the
 * targets and actual values the report states, one row per indicator).
 */
export function seedWithIndicators(): ReportData {
  const seed = loadSeed(2020);
  const rows = JSON.parse(readFileSync(join(fixtures, "seed-2020-indicators.json"), "utf8")) as Pick<ReportData, "lists" | "values">;
  return { ...seed, lists: { ...seed.lists, ...rows.lists }, values: { ...seed.values, ...rows.values } };
}

export function hunanTableJson(): unknown {
  return JSON.parse(readFileSync(join(fixtures, "hunan-dept-overall.json"), "utf8"));
}

export const hunanTable = (): ScoringTable => hunanTableJson() as ScoringTable;

export function withValues(data: ReportData, values: Record<string, string | null>): ReportData {
  return { ...data, values: { ...data.values, ...values } };
}
