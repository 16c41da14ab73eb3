/**
 * A paragraph that cannot be written says what it lacks: the CLI and the pane use the same words
 * (the two kept copies of the wording once and drifted: 「为0」 against 「为 0，无法相除」).
 */
import { narrateCommand } from "../../../src/cli/commands/narrate";
import { narrate, type MissingField } from "../../../src/core/narrative";
import { defaultForm, type RawValue, type ReportData } from "../../../src/core/spec";
import { buildNarrativeView } from "../../../src/taskpane/adapters/narrative";
import { loadSeed } from "../../fixtures/load";

const seed = loadSeed(2020);

/** The seed with a few cells spoilt, each in its own way. */
const broken: Array<[string, Record<string, RawValue>]> = [
  ["a total of 0 to divide by", { "budget.expenseTotal": "0", "budget.basic": "0", "budget.project": "0" }],
  ["a negative amount", { "sangong.reception.current": "-1.90" }],
  ["text where a figure belongs", { "staff.authorized": "四十三", "budget.total": "abc" }],
  ["cells left empty", { "staff.authorized": "", "staff.inService": null }],
];

function report(values: Record<string, RawValue>): ReportData {
  return { ...seed, values: { ...seed.values, ...values } };
}

/**
 * What the CLI says each paragraph lacks, in its words: 【title】未生成，缺少：… for a paragraph
 * with nothing written, and a line "未生成 id，缺少：…" per sentence of a partly written one.
 */
function cliMissingWords(data: ReportData): Map<string, string[]> {
  const { output } = narrateCommand(defaultForm, data, "t.xlsx", { json: false, wording: {} });
  const out = new Map<string, string[]>();
  for (const block of output.split("\n\n").filter((b) => b.startsWith("【") && b.includes("缺少："))) {
    const words = block
      .split("\n")
      .filter((line) => line.includes("缺少："))
      .flatMap((line) => line.slice(line.indexOf("缺少：") + 3).split("；"));
    out.set(block.slice(1, block.indexOf("】")), [...new Set(words)].sort());
  }
  return out;
}

describe("what a paragraph lacks, in the CLI and in the pane", () => {
  const reasons = new Set<MissingField["reason"]>();

  it.each(broken)("says the same for %s", (_, values) => {
    const data = report(values);
    const cli = cliMissingWords(data);
    const pane = buildNarrativeView(defaultForm, data, {}).paragraphs.filter((p) => p.missing.length > 0);
    expect(pane.length).toBeGreaterThan(0);
    expect([...cli.keys()]).toEqual(pane.map((p) => p.title));
    for (const p of pane) expect(cli.get(p.title)).toEqual([...p.missing].sort());
    for (const p of narrate(defaultForm, data).paragraphs) p.missing.forEach((m) => reasons.add(m.reason));
  });

  it("covered every reason an officer's cell can give", () => {
    expect([...reasons].sort()).toEqual(["empty", "invalid", "negative", "zero"].sort());
  });
});
