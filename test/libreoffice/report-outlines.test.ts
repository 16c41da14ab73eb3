/**
 * `ziping report` with each outline, through a workbook: the seed's figures and the officer's
 * prose (the seed reports' own words, test/fixtures/report-text.ts) go into a template with
 * `template --data`, the report is written from the .xlsx, and LibreOffice's text of the .docx
 * holds every heading of the chosen outline in order, every line of prose verbatim, the cover
 * lines and the sign-off blocks.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { main } from "../../src/cli/main";
import { outlinesOf } from "../../src/core/plan/outline";
import { defaultForm } from "../../src/core/spec";
import { loadSeed } from "../fixtures/load";
import { seedReportText } from "../fixtures/report-text";
import { convertWithLibreOffice, libreOfficeGate } from "./soffice";

const { soffice, skip } = libreOfficeGate();

async function cli(args: string[]): Promise<{ code: number; out: string }> {
  let out = "";
  const code = await main(args, { stdout: (s) => (out += s), stderr: (s) => (out += s) });
  return { code, out };
}

/** Indexes of `wanted` in `lines`, each found after the one before; -1 where one is missing. */
function inOrder(lines: string[], wanted: string[]): number[] {
  let from = 0;
  return wanted.map((w) => {
    const at = lines.indexOf(w, from);
    if (at >= 0) from = at + 1;
    return at;
  });
}

const CASES = [
  // The 2020 seed in the 2020 outline (the default: 报告格式 empty).
  { name: "2020-by-default", year: 2020 as const, outline: "2020", args: [] as string[] },
  // The 2025 seed, whose 报告格式 cell says 2025（湖南）.
  { name: "2025-by-cell", year: 2025 as const, outline: "2025", args: [] as string[] },
  // The 2020 seed's prose in the 2025 outline, asked for on the command line.
  { name: "2020-as-2025", year: 2020 as const, outline: "2025", args: ["--outline", "湖南"] },
];

(skip ? describe.skip : describe)("ziping report with each outline, from a workbook", () => {
  const dir = mkdtempSync(join(tmpdir(), "ziping-lo-outlines-"));
  const text = new Map<string, string[]>();
  const said = new Map<string, string>();

  beforeAll(async () => {
    const docs: string[] = [];
    for (const c of CASES) {
      const seed = loadSeed(c.year);
      const data = join(dir, `${c.name}.json`);
      writeFileSync(data, JSON.stringify({ ...seed, values: { ...seed.values, ...seedReportText(c.year) } }));
      const workbook = join(dir, `${c.name}.xlsx`);
      expect((await cli(["template", "--data", data, "--out", workbook])).code).toBe(0);
      const docx = join(dir, `${c.name}.docx`);
      const run = await cli(["report", workbook, "--out", docx, "--date", "2021年3月10日", ...c.args]);
      expect(run.code, run.out).toBe(0);
      said.set(c.name, run.out);
      docs.push(docx);
    }
    const converted = await convertWithLibreOffice(soffice, docs, "txt:Text", join(dir, "txt"));
    CASES.forEach((c, i) => text.set(c.name, readFileSync(converted.outputs[i], "utf8").replace(/^\uFEFF/, "").split(/\r?\n/).map((l) => l.trim())));
  }, 180_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it.each(CASES)("$name: says which outline it followed", ({ name, outline }) => {
    expect(said.get(name)).toContain(`按 ${outline} 格式`);
  });

  it.each(CASES)("$name: every section heading of the outline, in order, with the prose's own headings", ({ name, outline }) => {
    const chosen = outlinesOf(defaultForm).find((o) => o.id === outline)!;
    const lines = text.get(name)!;
    const sections = chosen.sections.map((s) => s.heading);
    const at = inOrder(lines, sections);
    expect(at.filter((i) => i < 0), JSON.stringify(sections.filter((_, i) => at[i] < 0))).toEqual([]);
    // The other outline's headings are not there.
    const other = outlinesOf(defaultForm).find((o) => o.id !== outline)!;
    expect(other.sections.map((s) => s.heading).filter((h) => lines.includes(h))).toEqual([]);
  });

  it.each(CASES)("$name: every line of the officer's prose the outline uses, verbatim", ({ name, year, outline }) => {
    const chosen = outlinesOf(defaultForm).find((o) => o.id === outline)!;
    const used = new Set(chosen.sections.flatMap((s) => s.blocks.flatMap((b) => (b.kind === "field" ? [b.field] : []))));
    const lines = text.get(name)!;
    const prose = Object.entries(seedReportText(year)).filter(([field]) => field.startsWith("reportProse.") && used.has(field));
    expect(prose.length).toBeGreaterThanOrEqual(year === 2020 ? 4 : 10);
    const missing = prose.flatMap(([field, value]) => String(value).split("\n").filter((l) => !lines.includes(l)).map((l) => `${field}: ${l}`));
    expect(missing).toEqual([]);
  });

  it.each(CASES)("$name: the cover and the four sign-off blocks", ({ name, year }) => {
    const lines = text.get(name)!;
    const values = seedReportText(year);
    const cover = [
      "部门（单位）名称：岳阳市科技局",
      `预算编码：${values["reportCover.budgetCode"]}`,
      "评价方式：部门（单位）绩效自评",
      "评价机构：部门（单位）评价组",
      "报告日期：2021年3月10日",
      "制表机关：岳阳市财政局",
    ];
    expect(inOrder(lines, cover)).not.toContain(-1);
    const signoffs = [
      `评价组组长（签字）：${values["reportSignoff.leader"]}`,
      `部门（单位）意见：${values["reportSignoff.deptOpinion"]}`,
      "部门（单位）负责人（签章）：",
      "财政部门归口业务科室意见：",
      "财政部门归口业务科室负责人（签章）：",
      `填报人（签名）：${values["reportSignoff.filler"]}　　联系电话：${values["reportSignoff.fillerPhone"]}`,
    ];
    const at = inOrder(lines, signoffs);
    expect(at, JSON.stringify(signoffs.filter((_, i) => at[i] < 0))).not.toContain(-1);
    // Each dated block ends with its date line.
    expect(lines.filter((l) => l === "年　　月　　日")).toHaveLength(3);
  });
});
