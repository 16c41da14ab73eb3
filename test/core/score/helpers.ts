import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { ReportData, ScoringTable } from "../../../src/core/spec";
import { loadSeed } from "../../fixtures/load";

const fixtures = join(__dirname, "../../fixtures/scoring");

/**
 * The 2020 seed, whose 定量指标 are rows of perfIndicators: the targets and actual values the
 * report states, one row per indicator (数量指标 指标1–3, the 经济效益 investment figures).
 */
export function seedWithIndicators(): ReportData {
  const seed = loadSeed(2020);
  if (!seed.lists.perfIndicators?.length) throw new Error("seed-2020.json has no 定量指标 rows");
  return seed;
}

export function hunanTableJson(): unknown {
  return JSON.parse(readFileSync(join(fixtures, "hunan-dept-overall.json"), "utf8"));
}

export const hunanTable = (): ScoringTable => hunanTableJson() as ScoringTable;

export function withValues(data: ReportData, values: Record<string, string | null>): ReportData {
  return { ...data, values: { ...data.values, ...values } };
}
