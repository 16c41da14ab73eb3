import { parseAmount } from "../../../src/core/money/parse";
import type { ParsedAmount } from "../../../src/core/money/parse";

type Expected = [value: string, decimals: number, unitHint?: "元" | "万元" | "%"];

function expectAmount(result: ParsedAmount, [value, decimals, unitHint]: Expected): void {
  if (result.kind !== "amount") throw new Error(`expected an amount, got ${JSON.stringify(result)}`);
  expect(result.value.toFixed()).toBe(value);
  expect(result.decimals).toBe(decimals);
  expect(result.negative).toBe(value.startsWith("-"));
  expect(result.unitHint).toBe(unitHint);
  if (unitHint === undefined) expect("unitHint" in result).toBe(false);
}

describe("parseAmount accepts what officers and exports write", () => {
  const accepted: Array<[text: string, expected: Expected]> = [
    ["1,299.77", ["1299.77", 2]],
    ["1299.77", ["1299.77", 2]],
    ["1,299.70", ["1299.7", 2]],
    ["105", ["105", 0]],
    ["1112.80", ["1112.8", 2]],
    ["1,299,770.00", ["1299770", 2]],
    ["1,234", ["1234", 0]],
    ["0", ["0", 0]],
    ["0.00", ["0", 2]],
    [".5", ["0.5", 1]],
    ["5.", ["5", 0]],
    ["007", ["7", 0]],
    // spaces of every kind around the figure
    [" 1299.77 ", ["1299.77", 2]],
    ["\t1299.77\t", ["1299.77", 2]],
    ["\u00a01299.77\u00a0", ["1299.77", 2]],
    ["\u30001299.77\u3000", ["1299.77", 2]],
    ["1299.77   ", ["1299.77", 2]],
    ["\r\n1299.77\r\n", ["1299.77", 2]],
    ["\u200b1299.77\ufeff", ["1299.77", 2]],
    // full-width digits and punctuation
    ["１２９９．７７", ["1299.77", 2]],
    ["１，２９９．７７", ["1299.77", 2]],
    ["1，299.77", ["1299.77", 2]],
    ["1，299，770", ["1299770", 0]],
    // negatives
    ["-12.30", ["-12.3", 2]],
    ["－12.30", ["-12.3", 2]],
    ["\u221212.30", ["-12.3", 2]],
    ["(12.30)", ["-12.3", 2]],
    ["（12.30）", ["-12.3", 2]],
    ["（１２．３０）", ["-12.3", 2]],
    ["( 12.30 )", ["-12.3", 2]],
    ["▲12.30", ["-12.3", 2]],
    ["- 12.30", ["-12.3", 2]],
    ["+12.30", ["12.3", 2]],
    ["＋12.30", ["12.3", 2]],
    ["-0", ["0", 0]],
    ["(0.00)", ["0", 2]],
    // currency marks and units
    ["￥1299.77", ["1299.77", 2]],
    ["¥1,299.77", ["1299.77", 2]],
    ["RMB1299.77", ["1299.77", 2]],
    ["RMB 1,299.77", ["1299.77", 2]],
    ["rmb1299.77", ["1299.77", 2]],
    ["CNY 5", ["5", 0]],
    ["￥-12.30", ["-12.3", 2]],
    ["-￥12.30", ["-12.3", 2]],
    ["(￥12.30)", ["-12.3", 2]],
    ["￥(12.30)", ["-12.3", 2]],
    ["1299.77元", ["1299.77", 2, "元"]],
    ["1299.77 元", ["1299.77", 2, "元"]],
    ["￥1,299.77元", ["1299.77", 2, "元"]],
    ["1299.77万元", ["1299.77", 2, "万元"]],
    ["105万元", ["105", 0, "万元"]],
    ["6.45万", ["6.45", 2, "万元"]],
    ["(12.30)万元", ["-12.3", 2, "万元"]],
    ["(12.30万元)", ["-12.3", 2, "万元"]],
    // Excel's text apostrophe and scientific notation
    ["'1299.77", ["1299.77", 2]],
    ["＇1299.77", ["1299.77", 2]],
    ["' 1,299.77", ["1299.77", 2]],
    ["1.29977E+3", ["1299.77", 2]],
    ["1.29977e3", ["1299.77", 2]],
    ["1.2E-05", ["0.000012", 6]],
    ["1.2e-5", ["0.000012", 6]],
    ["-1.2E+2", ["-120", 0]],
    ["1.5E+1", ["15", 0]],
    // percentages are ratios; decimals are those of the percentage as written
    ["44.77%", ["0.4477", 2, "%"]],
    ["44.77％", ["0.4477", 2, "%"]],
    ["-44.77%", ["-0.4477", 2, "%"]],
    ["(44.77%)", ["-0.4477", 2, "%"]],
    ["100%", ["1", 0, "%"]],
    ["0.5 %", ["0.005", 1, "%"]],
  ];

  it.each(accepted)("%j", (text, expected) => {
    expectAmount(parseAmount(text), expected);
  });

  const numbers: Array<[value: number, expected: Expected]> = [
    [1112.8, ["1112.8", 1]],
    [1299.77, ["1299.77", 2]],
    [-12.3, ["-12.3", 1]],
    [0, ["0", 0]],
    [-0, ["0", 0]],
    [105, ["105", 0]],
    [1e-7, ["0.0000001", 7]],
    [0.1 + 0.2, ["0.30000000000000004", 17]],
    [12997700, ["12997700", 0]],
  ];

  it.each(numbers)("JS number %j", (value, expected) => {
    expectAmount(parseAmount(value), expected);
  });
});

describe("parseAmount: cells that hold no figure", () => {
  const none = ["", "   ", "\u3000", "\t", "-", "—", "－", "\u2212", "——", "--", "/", "无", " - ", " 无 ", "'", "本表无数据", " 本表无数据 "];
  it.each(none)("%j", (text) => {
    expect(parseAmount(text)).toEqual({ kind: "none", text });
  });

  it("null and undefined", () => {
    expect(parseAmount(null)).toEqual({ kind: "none", text: "" });
    expect(parseAmount(undefined)).toEqual({ kind: "none", text: "" });
  });

  it("无 only when it is the whole cell", () => {
    expect(parseAmount("无5").kind).toBe("invalid");
    expect(parseAmount("5无").kind).toBe("invalid");
    expect(parseAmount("本表无数据5").kind).toBe("invalid");
  });
});

describe("parseAmount rejects anything ambiguous, saying why in Chinese", () => {
  const rejected: Array<[text: string, reasonPart: string]> = [
    ["约100", "含有文字“约”"],
    ["100元左右", "含有文字“左右”"],
    ["abc", "含有文字“abc”"],
    ["12abc", "含有文字“abc”"],
    ["1.5e", "含有文字“e”"],
    ["元", "含有文字“元”"],
    ["1.2.3", "有两个小数点“1.2.3”"],
    ["1..2", "有两个小数点“1..2”"],
    ["1,29,9.7", "千分位分隔符位置不对“1,29,9.7”"],
    ["12,99.77", "千分位分隔符位置不对“12,99.77”"],
    ["1,29,999", "千分位分隔符位置不对“1,29,999”"],
    ["1,2997,7000", "千分位分隔符位置不对"],
    ["1299,77", "千分位分隔符位置不对"],
    ["1.299,77", "千分位分隔符位置不对"],
    [",123", "千分位分隔符位置不对"],
    ["123,", "千分位分隔符位置不对"],
    ["1,,234", "千分位分隔符位置不对"],
    ["0,123", "千分位分隔符位置不对"],
    ["1,299.77E+3", "科学计数法里不能有千分位分隔符"],
    ["1e5.3", "科学计数法写法不对"],
    ["1.90 3.44", "像是两个数“1.90 3.44”"],
    ["1 299.77", "像是两个数"],
    ["(12)5", "像是两个数"],
    ["5元6", "像是两个数"],
    ["1.90、3.44", "含有无法识别的符号“、”"],
    ["5*3", "含有无法识别的符号“*”"],
    ["—12.30", "含有无法识别的符号“—”"],
    ["%5", "含有无法识别的符号“%”"],
    ["--5", "正负号重复“--5”"],
    ["+-5", "正负号重复"],
    ["▲-5", "正负号重复"],
    ["-(12.30)", "括号已表示负数"],
    ["(-12.30)", "括号已表示负数"],
    ["((12.30))", "括号重复"],
    ["(12.30", "括号不成对“(12.30”"],
    ["12.30)", "括号不成对"],
    ["(12.30))", "括号不成对"],
    ["12(30)", "括号位置不对"],
    ["12.30-", "正负号位置不对“12.30-”"],
    ["5%元", "百分号和单位不能同时出现"],
    ["5%%", "百分号重复"],
    ["5元元", "单位重复"],
    ["5万元元", "单位重复"],
    ["￥5%", "百分数不能带货币符号"],
    ["￥￥5", "货币符号重复"],
    ["￥", "没有数字“￥”"],
    ["▲", "没有数字"],
    ["()", "没有数字"],
    [".", "没有数字"],
    ["#DIV/0!", "Excel 错误值“#DIV/0!”"],
    ["#N/A", "Excel 错误值"],
    ["1e25", "数值超出范围"],
    ["123456789012345678901", "数值超出范围"],
    ["1e999999999999", "数值超出范围"],
    ["0.000000000000000000001", "小数位数过多"],
  ];

  it.each(rejected)("%j", (text, reasonPart) => {
    const result = parseAmount(text);
    expect(result.kind).toBe("invalid");
    if (result.kind !== "invalid") return;
    expect(result.text).toBe(text);
    expect(result.reason.startsWith("无法识别为金额：")).toBe(true);
    expect(result.reason).toContain(reasonPart);
  });

  it("quotes the original full-width text, not the normalised form", () => {
    const result = parseAmount("１．２．３");
    expect(result.kind === "invalid" && result.reason).toContain("“１．２．３”");
  });

  it("non-finite JS numbers and non-text values are invalid, not thrown", () => {
    for (const value of [Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY]) {
      const result = parseAmount(value);
      expect(result.kind).toBe("invalid");
      expect(result.kind === "invalid" && result.reason).toContain("不是有限的数");
    }
    const loose = parseAmount(true as unknown as string);
    expect(loose.kind).toBe("invalid");
  });

  it("a JS number too large for an amount is invalid", () => {
    expect(parseAmount(1e21).kind).toBe("invalid");
  });
});
