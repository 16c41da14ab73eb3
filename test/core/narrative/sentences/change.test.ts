import { buildChange } from "../legacy/sentences/change";
import { SANGONG_ITEMS } from "../../../../src/core/spec/forms/yueyang-narrative";
import type { Built } from "../../../../src/core/narrative";
import { context } from "../synthetic";

const reception = SANGONG_ITEMS[0];
const build = (prior: string, current: string, options = {}, withAmount = true): Built =>
  buildChange(context({ "sangong.reception.prior": prior, "sangong.reception.current": current }, options), "t", reception, withAmount);
const textOf = (b: Built): string => {
  if (!b.ok) throw new Error(`missing ${JSON.stringify(b.missing)}`);
  return b.sentence.text;
};

describe("change on the prior year", () => {
  it("a fall, with the amount", () => {
    expect(textOf(build("3.44", "1.90"))).toBe("公务接待费实际支出1.90万元，比上年降低44.77%");
  });

  it("a rise", () => {
    expect(textOf(build("2.00", "2.50"))).toBe("公务接待费实际支出2.50万元，比上年增长25.00%");
  });

  it("no change", () => {
    expect(textOf(build("2.00", "2"))).toBe("公务接待费实际支出2.00万元，与上年持平");
  });

  it("without the amount (与上年比较)", () => {
    expect(textOf(build("3.44", "1.90", {}, false))).toBe("公务接待费比上年降低44.77%");
  });

  it("the officer's own words from the wording set", () => {
    expect(textOf(build("3.44", "1.90", { decreaseWord: "下降" }))).toContain("比上年下降44.77%");
    expect(textOf(build("3.44", "1.90", { decreaseWord: "减少" }))).toContain("比上年减少44.77%");
    expect(textOf(build("2.00", "2.50", { increaseWord: "增加" }))).toContain("比上年增加25.00%");
    expect(textOf(build("2.00", "2.50", { increaseWord: "上升" }))).toContain("比上年上升25.00%");
  });

  it("refuses a word outside the set", () => {
    expect(() => build("1", "2", { increaseWord: "暴涨" })).toThrow(/增长\/增加\/上升/);
  });

  it("prior year zero: 上年无此项支出，本年新增…", () => {
    expect(textOf(build("0", "1.20"))).toBe("公务接待费上年无此项支出，本年新增1.20万元");
  });

  it("both years zero (or 无): 本年无此项支出", () => {
    expect(textOf(build("0", "0"))).toBe("公务接待费本年无此项支出");
    expect(textOf(build("无", "—"))).toBe("公务接待费本年无此项支出");
  });

  it("current zero: a fall of 100.00%", () => {
    expect(textOf(build("3.00", "0"))).toBe("公务接待费实际支出0.00万元，比上年降低100.00%");
  });

  it("a change too small to show says so instead of 0.00%", () => {
    expect(textOf(build("100000.00", "100000.01"))).toBe("公务接待费实际支出100000.01万元，比上年增长不足0.01%");
  });

  it("shown precision uses the cells as printed; full precision uses every digit, and the facts say which", () => {
    const shown = build("3.444", "1.904");
    const full = build("3.444", "1.904", { precision: "full" });
    // Shown: 3.44 -> 1.90 = -44.77%; full: 3.444 -> 1.904 = -44.715…% -> 44.72%.
    expect(textOf(shown)).toBe("公务接待费实际支出1.90万元，比上年降低44.77%");
    expect(textOf(full)).toBe("公务接待费实际支出1.90万元，比上年降低44.72%");
    if (!shown.ok || !full.ok) throw new Error("unreachable");
    expect(shown.sentence.precision).toBe("shown");
    expect(full.sentence.precision).toBe("full");
    expect(shown.sentence.facts.find((f) => f.kind === "cell")).toMatchObject({ written: "3.444", value: "3.44" });
    expect(full.sentence.facts.find((f) => f.kind === "cell")).toMatchObject({ written: "3.444", value: "3.444" });
  });

  it("records the exact ratio, its shown form and the two cells", () => {
    const b = build("3.44", "1.90");
    if (!b.ok) throw new Error("unreachable");
    const change = b.sentence.facts.find((f) => f.kind === "percentChange");
    expect(change).toMatchObject({ shown: "44.77%", inputs: ["sangong.reception.current", "sangong.reception.prior"] });
    expect(change && "value" in change ? change.value.startsWith("-0.4476744186") : false).toBe(true);
    expect(b.sentence.fields).toEqual(["sangong.reception.prior", "sangong.reception.current"]);
  });

  it("is missing, not guessed, when a year is blank or unreadable", () => {
    const blank = build("3.44", "");
    expect(blank).toEqual({ ok: false, missing: [{ field: "sangong.reception.current", label: "“三公经费”与上年比较·公务接待费·本年", reason: "empty" }] });
    const bad = build("约3万", "1.90");
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.missing[0]).toMatchObject({ field: "sangong.reception.prior", reason: "invalid", written: "约3万" });
  });

  it("does not word a negative amount", () => {
    const b = build("-1.00", "1.00");
    expect(b.ok).toBe(false);
    if (!b.ok) expect(b.missing[0].reason).toBe("negative");
  });
});
