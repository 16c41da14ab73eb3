/**
 * npm run truth: 叙述核对 over the labelled corpus (test/fixtures/corpus), per document and in total.
 * `--verbose` lists each labelled figure with what ZiPing said about it.
 */
import { scoreCorpus } from "../test/corpus/score";

const percent = (x: number) => `${(x * 100).toFixed(1)}%`;
const score = scoreCorpus();
const verbose = process.argv.includes("--verbose");
const rows = [["文档", "数字", "差错", "查出", "漏报", "差错未核对", "误报", "未核对"]];
for (const d of score.documents) {
  rows.push([d.id, d.figures, d.slips, d.caught, d.missed, d.slipsUnverified, d.falseErrors, d.unverified].map(String));
  if (verbose) for (const o of d.outcomes) if (!o.label.agrees || o.said === "error" || o.said === "unverified") console.log(`  ${d.id} 「${o.label.at}」 标注:${o.label.agrees ? "正确" : "差错"} ZiPing:${o.said} — ${o.label.note}`);
}
const t = score.total;
rows.push(["合计", t.figures, t.slips, t.caught, t.missed, t.slipsUnverified, t.falseErrors, t.unverified].map(String));
console.log(rows.map((r) => `| ${r.join(" | ")} |`).join("\n"));
console.log(`\n差错查出率 ${percent(score.recall)}（目标 ≥ 95%）；误报 ${t.falseErrors}（目标 0）；已核对数字占比 ${percent(score.verifiedShare)}（目标未核对 ≤ 10%）`);
