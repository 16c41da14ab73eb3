import { narrate } from "../../../../src/core/narrative";
import { defaultForm } from "../../../../src/core/spec";
import { loadSeed } from "../../../fixtures/load";

const seed2020 = loadSeed(2020);
const withValues = (values: Record<string, string | null>) => ({ ...seed2020, values: { ...seed2020.values, ...values } });

describe("paragraphs", () => {
  it("take the year and self-reference from the workbook", () => {
    const n = narrate(defaultForm, withValues({ "report.year": "2021", "report.selfRef": "我单位" }));
    const sangong = n.paragraphs.find((p) => p.id === "sangong")!;
    expect(sangong.text).toContain("2021年度无因公出国费用和公务用车购置费");
    expect(n.paragraphs.find((p) => p.id === "budget")!.text.startsWith("我单位部门收入预算")).toBe(true);
  });

  it("an option overrides the self-reference, and the facts say where it came from", () => {
    const n = narrate(defaultForm, seed2020, { selfRef: "我部门" });
    const s = n.paragraphs.find((p) => p.id === "basic")!.sentences[0];
    expect(s.text.startsWith("我部门基本支出预算超支")).toBe(true);
    expect(s.facts[0]).toEqual({ kind: "wording", label: "自称", value: "我部门", source: "option" });
  });

  it("without a self-reference anywhere, uses 我单位 and records it as the default", () => {
    const n = narrate(defaultForm, withValues({ "report.selfRef": null }));
    const s = n.paragraphs.find((p) => p.id === "basic")!.sentences[0];
    expect(s.text.startsWith("我单位基本支出")).toBe(true);
    expect(s.facts[0]).toMatchObject({ source: "default" });
  });

  it("a paragraph missing one required input writes the sentences it can and names, per sentence, what the others lack", () => {
    const full = narrate(defaultForm, seed2020).paragraphs.find((x) => x.id === "sangong")!;
    const n = narrate(defaultForm, withValues({ "sangong.vehicleOps.prior": null }));
    const p = n.paragraphs.find((x) => x.id === "sangong")!;
    const lacking = { field: "sangong.vehicleOps.prior", label: "“三公经费”与上年比较·公车运行维护费·上年", reason: "empty" };
    expect(p.status).toBe("partial");
    expect(p.missing).toEqual([lacking]);
    expect(p.unwritten).toEqual([{ id: "sangong.change.vehicleOps", missing: [lacking] }]);
    // Every other sentence is written, as the complete workbook writes it.
    const written = p.sentences.map((s) => s.id);
    expect(written).toEqual(full.sentences.map((s) => s.id).filter((id) => !id.endsWith(".vehicleOps") || id.startsWith("sangong.perItem")));
    for (const s of p.sentences) expect(s).toEqual(full.sentences.find((x) => x.id === s.id));
    for (const s of p.sentences) expect(p.text).toContain(s.text);
    // The other paragraphs are still written.
    expect(n.paragraphs.find((x) => x.id === "budget")!.status).toBe("ok");
  });

  it("a paragraph none of whose required sentences can be written has no text, only what is missing", () => {
    const n = narrate(defaultForm, withValues({ "special.actual": null }));
    const p = n.paragraphs.find((x) => x.id === "special")!;
    expect(p).toMatchObject({ status: "missing", text: "", sentences: [] });
    expect(p.missing.map((m) => m.field)).toEqual(["special.actual"]);
    expect(p.unwritten.map((u) => u.id)).toEqual(["special.input", "special.use"]);
  });

  it("a missing year stops the paragraphs that print it", () => {
    const n = narrate(defaultForm, withValues({ "report.year": null }));
    expect(n.paragraphs.find((p) => p.id === "sangong")!.missing.map((m) => m.field)).toEqual(["report.year"]);
    expect(n.paragraphs.find((p) => p.id === "special")!.status).toBe("ok");
  });

  it("optional sentences without their inputs are left out and listed as skipped", () => {
    const n = narrate(defaultForm, withValues({ "vehicles.inUse": null }));
    const p = n.paragraphs.find((x) => x.id === "sangong")!;
    expect(p.status).toBe("ok");
    expect(p.text).not.toContain("每台");
    expect(p.skipped).toEqual([{ id: "sangong.perItem.vehicleOps", missing: [{ field: "vehicles.inUse", label: "公务用车·本年在用公车", reason: "empty" }] }]);
  });

  it("预算执行率 sentences only when asked", () => {
    const plain = narrate(defaultForm, seed2020).paragraphs.find((p) => p.id === "execution")!;
    const asked = narrate(defaultForm, seed2020, { executionRate: true }).paragraphs.find((p) => p.id === "execution")!;
    expect(plain.text).not.toContain("执行率");
    expect(asked.sentences.map((s) => s.id)).toEqual(expect.arrayContaining(["exec.rate.basic", "exec.rate.project", "exec.rate.total"]));
    expect(asked.text).toContain("基本支出预算507.32万元，决算781.00万元，预算执行率153.95%；");
  });

  it("full precision changes only the figures computed from cells that have more digits than shown", () => {
    const data = withValues({ "sangong.reception.prior": "3.4449" });
    const shown = narrate(defaultForm, data).paragraphs.find((p) => p.id === "sangong")!;
    const full = narrate(defaultForm, data, { precision: "full" }).paragraphs.find((p) => p.id === "sangong")!;
    const differing = shown.sentences.filter((s, i) => s.text !== full.sentences[i].text).map((s) => s.id);
    expect(differing).toEqual(["sangong.change.reception", "sangong.compare.reception"]);
    expect(full.sentences.every((s) => s.precision === "full")).toBe(true);
  });
});
