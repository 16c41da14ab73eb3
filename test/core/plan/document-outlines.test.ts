import { narrate } from "../../../src/core/narrative";
import { buildDocumentPlan, type DocumentBlock, type DocumentPlan } from "../../../src/core/plan/document";
import { chooseOutline, outlinesOf } from "../../../src/core/plan/outline";
import { defaultForm, type ReportData, type ReportOutline } from "../../../src/core/spec";
import { loadSeed, seedText } from "../../fixtures/load";
import { seedReportText } from "../../fixtures/report-text";

const withText = (year: 2020 | 2025): ReportData => {
  const seed = loadSeed(year);
  return { ...seed, values: { ...seed.values, ...seedReportText(year) } };
};
const plan = (data: ReportData, extra: { outline?: ReportOutline; date?: string } = {}): DocumentPlan =>
  buildDocumentPlan({ form: defaultForm, data, narrative: narrate(defaultForm, data), today: "2026年1月1日", ...extra });
const headings = (p: DocumentPlan, level: 1 | 2): string[] =>
  p.blocks.flatMap((b) => (b.kind === "heading" && b.level === level ? [b.text] : []));
const paragraphs = (p: DocumentPlan): string[] => p.blocks.flatMap((b) => (b.kind === "paragraph" ? [b.text] : []));
const outline = (id: string): ReportOutline => outlinesOf(defaultForm).find((o) => o.id === id)!;

describe("the report's outlines", () => {
  it("offers the 2020 岳阳 outline by default and the 2025 湖南 ten sections by the 报告格式 cell", () => {
    expect(outlinesOf(defaultForm).map((o) => o.id)).toEqual(["2020", "2025"]);
    const base = loadSeed(2020);
    const cell = (v: string): ReportData => ({ ...base, values: { ...base.values, "reportCover.format": v } });
    expect(chooseOutline(defaultForm, base)).toMatchObject({ outline: { id: "2020" }, from: "default" });
    for (const v of ["2025", "2025（湖南）", "湖南", " 2025 湖南 "]) expect(chooseOutline(defaultForm, cell(v)), v).toMatchObject({ outline: { id: "2025" }, from: "cell" });
    expect(chooseOutline(defaultForm, cell("2025"), "2020")).toMatchObject({ outline: { id: "2020" }, from: "asked" });
    expect(chooseOutline(defaultForm, cell("2019"))).toEqual({ unknown: "2019", from: "cell", choices: ["2020（岳阳）", "2025（湖南）"] });
  });

  it("2025: the ten headings of the seed report, in its order (its text recognition wrote 一 六 九 as 1、 6、 9、)", () => {
    const p = plan(withText(2025));
    expect(p.outline).toBe("2025");
    const ten = headings(p, 1);
    expect(ten).toHaveLength(10);
    // Each heading's words appear in the 2025 seed, in the same order.
    const seed = seedText(2025);
    const at = ten.slice(0, 9).map((h) => seed.indexOf(h.replace(/^[一二三四五六七八九十]+、/, "")));
    expect(at.every((i) => i >= 0), JSON.stringify(at)).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
    expect(ten[9]).toBe("十、其他需要说明的情况");
    expect(seed).toContain("无其他需要说明的情况");
  });

  it.each([2020, 2025] as const)("%i: puts every line of the officer's prose in verbatim, under its section", (year) => {
    const data = withText(year);
    const p = plan(data);
    const texts = paragraphs(p);
    const prose = Object.entries(seedReportText(year)).filter(([k]) => k.startsWith("reportProse."));
    expect(prose.length).toBeGreaterThan(4);
    for (const [field, value] of prose) for (const line of String(value).split("\n")) expect(texts, field).toContain(line);
  });

  it("prints the cover's lines, the seed's words where the officer filled them and the form's where not", () => {
    const filled = plan(withText(2020), { date: "2021年3月10日" });
    expect(filled.cover.lines).toEqual([
      { label: "部门（单位）名称", text: "岳阳市科技局" },
      { label: "预算编码", text: "测试编码-406001" },
      { label: "评价方式", text: "部门（单位）绩效自评" },
      { label: "评价机构", text: "部门（单位）评价组" },
      { label: "报告日期", text: "2021年3月10日" },
      { label: "制表机关", text: "岳阳市财政局" },
    ]);
    const bare = plan(loadSeed(2020));
    expect(bare.cover.lines.map((l) => l.label)).toEqual(["部门（单位）名称", "评价方式", "评价机构", "报告日期", "制表机关"]);
    expect(bare.cover.date).toBe("2026年1月1日");
    const dated = loadSeed(2020);
    dated.values["reportCover.date"] = "2021年4月1日";
    expect(plan(dated).cover.date).toBe("2021年4月1日");
    expect(plan(dated, { date: "2021年3月10日" }).cover.date).toBe("2021年3月10日");
  });

  it.each(["2020", "2025"])("%s: has the four sign-off blocks, with what the officer filled in", (id) => {
    const p = plan(withText(2020), { outline: outline(id) });
    const signoffs = p.blocks.filter((b): b is Extract<DocumentBlock, { kind: "signoff" }> => b.kind === "signoff");
    expect(signoffs.map((s) => s.parts.map((x) => x.label).join("+"))).toEqual([
      "评价组组长（签字）",
      "部门（单位）意见",
      "财政部门归口业务科室意见",
      "填报人（签名）+联系电话",
    ]);
    expect(signoffs[1]).toEqual({ kind: "signoff", parts: [{ label: "部门（单位）意见", text: "同意自评结果。（测试意见）" }], signer: "部门（单位）负责人（签章）", dated: true });
    expect(signoffs[2].parts[0].text).toBe("");
  });

  it("2025: a section the officer wrote nothing in keeps its heading and no empty paragraph", () => {
    const p = plan(loadSeed(2025), { outline: outline("2025") });
    expect(headings(p, 1)).toHaveLength(10);
    expect(paragraphs(p).filter((t) => t.trim() === "")).toEqual([]);
  });
});
