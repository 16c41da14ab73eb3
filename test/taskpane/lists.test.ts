import fc from "fast-check";
import { listText, parseListText } from "../../src/taskpane/model/lists";

describe("open lists edited as text on the 模板 tab", () => {
  it("takes one entry a line, trimming blanks (full-width too) and skipping empty lines", () => {
    expect(parseListText("局机关\n\n　科技信息管理办公室　\r\n", false)).toEqual([{ name: "局机关" }, { name: "科技信息管理办公室" }]);
  });

  it("splits a leading 科目编码 off coded lines, and keeps a line without one as a name", () => {
    expect(parseListText("2060101 行政运行\n2060199　其他科学技术管理事务支出\n科技交流", true)).toEqual([
      { code: "2060101", name: "行政运行" },
      { code: "2060199", name: "其他科学技术管理事务支出" },
      { name: "科技交流" },
    ]);
    // Uncoded lists keep digits as part of the name.
    expect(parseListText("2060101 行政运行", false)).toEqual([{ name: "2060101 行政运行" }]);
  });

  it("round-trips entries through text", () => {
    const name = fc.string({ minLength: 1, maxLength: 12 }).filter((s) => s.trim() === s && !/[\r\n\u3000]/.test(s) && s.length > 0);
    const entry = fc.record({ code: fc.option(fc.stringMatching(/^\d{3,7}$/), { nil: undefined }), name: name.filter((s) => !/^\d/.test(s)) });
    fc.assert(
      fc.property(fc.array(entry, { maxLength: 8 }), (entries) => {
        const clean = entries.map((e) => (e.code ? { code: e.code, name: e.name } : { name: e.name }));
        expect(parseListText(listText(clean, true), true)).toEqual(clean);
      }),
    );
  });
});
