/**
 * The narrative names what a reader needs to offer wording per sentence and to show paragraphs
 * in runs: each sentence's direction word and where it sits, each paragraph's glue and
 * sentences. Held against narrate itself: swapping the word must give exactly the text narrate
 * writes with that word as the option, and the runs must give the paragraph's text.
 */
import fc from "fast-check";
import {
  DECREASE_WORDS,
  INCREASE_WORDS,
  narrate,
  sentenceWithWord,
  wordingOptions,
  type Narrative,
  type NarrativeOptions,
  type Sentence,
} from "../../../src/core/narrative";
import { Dec } from "../../../src/core/money";
import { defaultForm, type ReportData } from "../../../src/core/spec";
import { SANGONG_ITEMS } from "../../../src/core/spec/forms/yueyang-narrative";
import { loadSeed } from "../../fixtures/load";
import { report } from "./synthetic";

function sentences(n: Narrative): Map<string, Sentence> {
  return new Map(n.paragraphs.flatMap((p) => p.sentences.map((s) => [s.id, s] as const)));
}

/** For every word of both sets: the slot's swap equals narrate's own text; sentences without a slot never change. */
function checkWordSlots(data: ReportData, base: Partial<NarrativeOptions> = {}): number {
  const plain = sentences(narrate(defaultForm, data, base));
  let slots = 0;
  for (const s of plain.values()) {
    if (s.wording) {
      slots++;
      expect(s.text.slice(s.wording.at, s.wording.at + s.wording.word.length), s.id).toBe(s.wording.word);
    }
  }
  const variants: Array<Partial<NarrativeOptions>> = [
    ...DECREASE_WORDS.map((decreaseWord) => ({ ...base, decreaseWord })),
    ...INCREASE_WORDS.map((increaseWord) => ({ ...base, increaseWord })),
  ];
  for (const variant of variants) {
    const other = sentences(narrate(defaultForm, data, variant));
    for (const [id, s] of plain) {
      const word = s.wording?.slot === "decrease" ? variant.decreaseWord : s.wording?.slot === "increase" ? variant.increaseWord : undefined;
      expect(sentenceWithWord(s, word), id).toBe(other.get(id)!.text);
    }
  }
  return slots;
}

function checkSegments(n: Narrative): void {
  for (const p of n.paragraphs) {
    const byId = new Map(p.sentences.map((s) => [s.id, s.text] as const));
    expect(byId.size, `${p.id}: sentence ids are unique in a paragraph`).toBe(p.sentences.length);
    expect(p.segments.map((seg) => ("glue" in seg ? seg.glue : byId.get(seg.sentence))).join(""), p.id).toBe(p.text);
    expect(p.segments.filter((seg) => "sentence" in seg).map((seg) => ("sentence" in seg ? seg.sentence : "")), p.id).toEqual(
      p.sentences.map((s) => s.id),
    );
    if (p.status === "missing") expect(p.segments).toEqual([]);
  }
}

describe("wording slots", () => {
  // The 2025 report leaves most of its tables empty: it has fewer sentences to hold, none with a slot.
  it.each([[2020, 1], [2025, 0]] as const)("in the %i seed report, swap exactly the word narrate would write", (year, atLeast) => {
    expect(checkWordSlots(loadSeed(year))).toBeGreaterThanOrEqual(atLeast);
  });

  it("for random prior and current figures, with any base wording and precision", () => {
    const amount = fc.oneof(fc.constantFrom("0", "1.90", "3.44", "0.01", "1.905"), fc.integer({ min: 0, max: 10_000_000 }).map((n) => (n / 100).toFixed(2)));
    fc.assert(
      fc.property(
        fc.array(fc.tuple(amount, amount), { minLength: SANGONG_ITEMS.length, maxLength: SANGONG_ITEMS.length }),
        fc.constantFrom(...DECREASE_WORDS),
        fc.constantFrom(...INCREASE_WORDS),
        fc.constantFrom("shown" as const, "full" as const),
        (pairs, decreaseWord, increaseWord, precision) => {
          const values = Object.fromEntries(pairs.flatMap(([prior, current], i) => [[SANGONG_ITEMS[i].prior, prior], [SANGONG_ITEMS[i].current, current]]));
          checkWordSlots(report(values), { decreaseWord, increaseWord, precision });
        },
      ),
      { numRuns: 40 },
    );
  });

  it("leaves the text alone for a word outside the slot's set", () => {
    const s = [...sentences(narrate(defaultForm, loadSeed(2020))).values()].find((x) => x.wording?.slot === "decrease")!;
    expect(sentenceWithWord(s, "增长")).toBe(s.text);
    expect(sentenceWithWord(s, undefined)).toBe(s.text);
  });
});

describe("paragraph segments", () => {
  it.each([[2020, 4], [2025, 1]] as const)("give the %i seed report's paragraphs back character for character", (year, atLeast) => {
    const n = narrate(defaultForm, loadSeed(year));
    expect(n.paragraphs.filter((p) => p.status === "ok").length).toBeGreaterThanOrEqual(atLeast);
    checkSegments(n);
  });

  it("hold with every option set", () => {
    const data = loadSeed(2020);
    checkSegments(narrate(defaultForm, data, { sharesTo100: true, executionRate: true, precision: "full", selfRef: "我部门" }));
  });
});

describe("人均 as a wording choice (issue 17: 人均0.049万元 where officers write 人均487元)", () => {
  it("offers the 2020 seed's 公务接待费人均 in 万元 as narrated, in whole 元 and to the 分, each the exact quotient rounded half up", () => {
    const seed = loadSeed(2020);
    const s = sentences(narrate(defaultForm, seed)).get("sangong.perCapita.reception")!;
    const quotient = new Dec(String(seed.values["sangong.reception.current"])).div(new Dec(String(seed.values["staff.actual"])));
    const wan = quotient.toDecimalPlaces(3, Dec.ROUND_HALF_UP).toFixed(3);
    const yuan = quotient.times(10000);
    const options = [`${wan}万元`, `${yuan.toDecimalPlaces(0, Dec.ROUND_HALF_UP).toFixed(0)}元`, `${yuan.toDecimalPlaces(2, Dec.ROUND_HALF_UP).toFixed(2)}元`];
    expect(options[0]).toBe("0.049万元"); // the figure the 2020 report printed
    expect(s.wording).toMatchObject({ slot: "perCapita", word: options[0], options });
    expect(wordingOptions(s.wording!)).toEqual(options);
    for (const word of options) {
      const text = sentenceWithWord(s, word);
      expect(text.endsWith(`人均${word}`)).toBe(true);
      expect(text.slice(0, s.wording!.at)).toBe(s.text.slice(0, s.wording!.at));
    }
    expect(sentenceWithWord(s, "降低")).toBe(s.text);
  });
});
