import { narrate, DECREASE_WORDS } from "../../../src/core/narrative";
import { cellIndex } from "../../../src/core/spec/placement";
import { sheetAddress } from "../../../src/core/excel/address";
import { defaultForm, type ReportData } from "../../../src/core/spec";
import { buildNarrativeView, type ParagraphView, type SentenceView } from "../../../src/taskpane/adapters/narrative";
import { loadSeed } from "../../fixtures/load";

const seed = loadSeed(2020);

function sentences(p: ParagraphView): SentenceView[] {
  return p.segments.flatMap((s) => ("sentence" in s ? [s.sentence] : []));
}

describe("the 叙述 tab's view of the core's narrative", () => {
  const core = narrate(defaultForm, seed);
  const view = buildNarrativeView(defaultForm, seed, {});

  it("shows the core's paragraphs and text unchanged when no wording is chosen", () => {
    expect(view.paragraphs.map((p) => [p.id, p.title, p.text])).toEqual(core.paragraphs.map((p) => [p.id, p.title, p.text]));
  });

  it("splits each written paragraph into the core's sentences and the glue between them, losing nothing", () => {
    for (const [i, p] of view.paragraphs.entries()) {
      const text = p.segments.map((s) => ("glue" in s ? s.glue : s.sentence.text)).join("");
      expect(text).toBe(core.paragraphs[i].text);
      if (core.paragraphs[i].status === "ok") expect(sentences(p).map((s) => s.id)).toEqual(core.paragraphs[i].sentences.map((s) => s.id));
    }
  });

  it("lists what a paragraph that cannot be written is missing", () => {
    const missing = core.paragraphs.filter((p) => p.status === "missing");
    expect(missing.length).toBeGreaterThan(0);
    for (const p of missing) {
      const shown = view.paragraphs.find((v) => v.id === p.id)!;
      expect(shown.segments).toEqual([]);
      expect(shown.missing).toHaveLength(p.missing.length);
      p.missing.forEach((m, i) => expect(shown.missing[i]).toContain(m.label));
    }
  });

  it("gives each cell fact the address of its cell in the template", () => {
    const index = cellIndex(defaultForm, seed.lists);
    const coreSentences = new Map(core.paragraphs.flatMap((p) => p.sentences.map((s) => [s.id, s] as const)));
    let checked = 0;
    for (const p of view.paragraphs) {
      for (const s of sentences(p)) {
        coreSentences.get(s.id)!.facts.forEach((fact, i) => {
          if (fact.kind !== "cell") return;
          const at = index.get(fact.field)!;
          expect(s.facts[i].cell).toBe(sheetAddress(at.sheet, at.row, at.column));
          expect(s.facts[i].value).toBe(fact.shown || fact.written);
          checked++;
        });
      }
    }
    expect(checked).toBeGreaterThan(20);
  });

  it("offers 降低/下降/减少 on exactly the sentences whose wording changes with it, per sentence", () => {
    const choosable = view.paragraphs.flatMap(sentences).filter((s) => s.wording?.slot === "decrease");
    expect(choosable.length).toBeGreaterThan(0);
    const other = narrate(defaultForm, seed, { decreaseWord: "减少" });
    const otherText = new Map(other.paragraphs.flatMap((p) => p.sentences.map((s) => [s.id, s.text] as const)));
    for (const s of view.paragraphs.flatMap(sentences)) {
      expect(s.wording?.slot === "decrease", s.id).toBe(otherText.get(s.id) !== s.text);
    }
    expect(choosable[0].wording?.options).toEqual(DECREASE_WORDS);

    // Choosing 减少 for one sentence changes that sentence only, to the core's own wording.
    const target = choosable[0];
    const chosen = buildNarrativeView(defaultForm, seed, { [target.id]: "减少" });
    for (const s of chosen.paragraphs.flatMap(sentences)) {
      const before = view.paragraphs.flatMap(sentences).find((x) => x.id === s.id)!;
      expect(s.text).toBe(s.id === target.id ? otherText.get(s.id) : before.text);
    }
    const paragraph = chosen.paragraphs.find((p) => sentences(p).some((s) => s.id === target.id))!;
    expect(paragraph.text).toContain(otherText.get(target.id)!);
  });

  it("follows the figures: a changed cell changes the sentence that uses it", () => {
    const changed: ReportData = { ...seed, values: { ...seed.values, "staff.actual": "40" } };
    const after = buildNarrativeView(defaultForm, changed, {});
    const expected = narrate(defaultForm, changed).paragraphs.flatMap((p) => p.sentences).find((s) => s.id === "sangong.perCapita.reception")!;
    const shown = after.paragraphs.flatMap(sentences).find((s) => s.id === "sangong.perCapita.reception")!;
    expect(shown.text).toBe(expected.text);
    expect(shown.text).not.toBe(view.paragraphs.flatMap(sentences).find((s) => s.id === shown.id)!.text);
  });
});
