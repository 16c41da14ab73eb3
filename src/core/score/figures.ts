import type { GivenFigure } from "../narrative/options";
import type { ScoreReport } from "./types";

/**
 * The scored indicators as figures the narrative can state ({=staffControl.value},
 * {=staffControl.score}): "财政供养人员控制率为93.02%，得5分". Each carries the cells it came from,
 * so a sentence stating it is traced like any other. An indicator without a value gives nothing,
 * and a sentence needing it is not written.
 */
export function narrativeFigures(report: ScoreReport): Record<string, GivenFigure> {
  const out: Record<string, GivenFigure> = {};
  for (const r of report.indicators) {
    if (r.value === undefined || r.ratio === undefined) continue;
    const inputs = (r.inputs ?? []).map((i) => i.field);
    out[`${r.id}.value`] = { label: r.name, shown: r.value, value: r.ratio, inputs };
    if (r.status === "scored" && r.suggested !== undefined) {
      out[`${r.id}.score`] = { label: `${r.name}建议得分`, shown: r.suggested, value: r.suggested, inputs };
    }
  }
  return out;
}
