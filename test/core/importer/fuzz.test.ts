/**
 * Random messy pastes: grids of exact decimals rendered the ways exports and people mangle them
 * (thousands separators, full-width digits, blanks, ￥, parentheses and ▲ for negatives, Excel's
 * apostrophe, scientific notation), mixed with blanks, "-"/"—", junk words, = + - @ prefixes,
 * quotes and line breaks inside quoted cells. Whatever comes in:
 *   - planImport never throws;
 *   - every non-empty input cell lands in exactly one of writes / totals / details / consumed /
 *     rejects (nothing dropped, nothing counted twice), and every reject says why;
 *   - an amount that is placed equals, exactly, the decimal that was shown (converted by
 *     exactly 10^4 when the plan's unit is 元), and junk is never placed.
 * The generator knows what each cell means; the importer is never asked.
 */
import fc from "fast-check";
import { Dec, shiftDecimalPoint } from "../../../src/core/money";
import { planImport, type ImportPlan } from "../../../src/core/importer";
import { groupThousands, plainText, toFullWidth } from "../money/arbitraries";

type Meaning = { kind: "amount"; value: Dec } | { kind: "none" } | { kind: "junk" } | { kind: "label" } | { kind: "blank" };

interface GenCell {
  text: string;
  meaning: Meaning;
}

const amount = fc
  .record({
    units: fc.bigInt({ min: -(10n ** 12n), max: 10n ** 12n }),
    scale: fc.integer({ min: 0, max: 4 }),
    negativeStyle: fc.constantFrom("-", "(", "▲"),
    group: fc.boolean(),
    fullWidth: fc.boolean(),
    yen: fc.boolean(),
    apostrophe: fc.boolean(),
    scientific: fc.boolean(),
    padLeft: fc.constantFrom("", " ", "  ", "\u3000", "\u00a0"),
    padRight: fc.constantFrom("", " ", "\u00a0", "\u3000 "),
  })
  .map((o): GenCell => {
    const value = new Dec(`${o.units}e-${o.scale}`);
    const { integer, fraction } = plainText(o.units, o.scale);
    let body: string;
    if (o.scientific && o.units !== 0n && fraction === "" && integer.length > 1) {
      // 12345 → 1.2345E+4: the same digits, exactly.
      body = `${integer[0]}.${integer.slice(1)}E+${integer.length - 1}`;
    } else {
      const int = o.group ? groupThousands(integer, ",") : integer;
      body = fraction ? `${int}.${fraction}` : int;
    }
    if (o.yen) body = `￥${body}`;
    if (o.units < 0n) body = o.negativeStyle === "(" ? `(${body})` : `${o.negativeStyle}${body}`;
    if (o.fullWidth) body = toFullWidth(body);
    if (o.apostrophe) body = `'${body}`;
    return { text: `${o.padLeft}${body}${o.padRight}`, meaning: { kind: "amount", value } };
  });

const none = fc.constantFrom("-", "—", "/", " - ", "——").map((text): GenCell => ({ text, meaning: { kind: "none" } }));
const blank = fc.constantFrom("", " ", "\u3000", "  ").map((text): GenCell => ({ text, meaning: { kind: "blank" } }));
const junk = fc
  .oneof(
    fc.constantFrom("abc", "=1+1", "=SUM(B2:B3)", "@12", "+", "1.2.3", "12 34", "#N/A", "12%", "约5万", "a\nb", 'say "hi"', "1,23", "=-5", "@"),
    // Letters make junk, except the E of scientific notation ("0E0", "1e3" are figures exports write).
    fc.string({ minLength: 1, maxLength: 6 }).filter((s) => /[a-z\u4e00-\u9fff=@]/i.test(s) && s.trim() !== "" && !/^\s*[+-]?(\d+\.?\d*|\.\d+)e[+-]?\d+\s*$/i.test(s)),
  )
  .map((text): GenCell => ({ text, meaning: { kind: "junk" } }));
const valueCell = fc.oneof({ weight: 6, arbitrary: amount }, { weight: 1, arbitrary: none }, { weight: 2, arbitrary: blank }, { weight: 1, arbitrary: junk });

const rowLabel = fc
  .tuple(
    fc.constantFrom("局机关", "二级机构", "科技信息管理办公室", "局机关及二级机构汇总", "合计", "=SUM(A1)", "+局机关", "-2", "@单位", "测试\n单位", "abc"),
    fc.constantFrom("", "1、", "（一）", " "),
  )
  .map(([name, prefix]): GenCell => ({ text: `${prefix}${name}`, meaning: { kind: "label" } }));

const HEADERS = [
  ["机构名称", "收入合计", "上年结转", "公共财政拨款", "政府基金拨款", "纳入专户管理的非税收入拨款", "其他收入"],
  ["单位名称", "合计", "年初结转和结余", "一般公共预算财政拨款", "政府性基金拨款", "非税收入拨款", "其他收入"],
];

const scenario = fc.record({
  header: fc.constantFrom(...HEADERS),
  unitLine: fc.constantFrom("单位：元", "金额单位：万元", "", "单位:元"),
  givenTable: fc.boolean(),
  givenUnit: fc.constantFrom(undefined, "元" as const, "万元" as const),
  rows: fc.array(fc.tuple(rowLabel, fc.array(valueCell, { minLength: 6, maxLength: 8 })), { minLength: 1, maxLength: 8 }),
  quoteAll: fc.boolean(),
  crlf: fc.boolean(),
});

/** One TSV cell as a clipboard would carry it; quoted when needed (or always, when asked). */
function render(text: string, quoteAll: boolean): string {
  if (quoteAll || /[\t\n"]/.test(text)) return `"${text.replace(/"/g, '""')}"`;
  return text;
}

interface Rendered {
  text: string;
  /** Expected meaning of every non-empty cell, by "line:column". */
  cells: Map<string, Meaning>;
}

interface Scenario {
  header: string[];
  unitLine: string;
  rows: Array<[GenCell, GenCell[]]>;
  quoteAll: boolean;
  crlf: boolean;
}

function build(s: Scenario): Rendered {
  const records: GenCell[][] = [];
  if (s.unitLine) records.push([{ text: s.unitLine, meaning: { kind: "label" } }]);
  records.push(s.header.map((text) => ({ text, meaning: { kind: "label" } })));
  for (const [label, values] of s.rows) records.push([label, ...values]);
  const cells = new Map<string, Meaning>();
  const out: string[] = [];
  let line = 1;
  for (const record of records) {
    record.forEach((cell, c) => {
      if (cell.text.trim() !== "") cells.set(`${line}:${c + 1}`, cell.meaning);
    });
    const text = record.map((cell) => render(cell.text, s.quoteAll && cell.text !== "")).join("\t");
    out.push(text);
    line += (text.match(/\n/g) ?? []).length + 1;
  }
  return { text: out.join(s.crlf ? "\r\n" : "\n"), cells };
}

function placements(plan: ImportPlan): Array<{ key: string; bucket: string }> {
  const key = (c: { line: number; column: number }) => `${c.line}:${c.column}`;
  return [
    ...plan.writes.map((c) => ({ key: key(c), bucket: "write" })),
    ...plan.totals.map((c) => ({ key: key(c), bucket: "total" })),
    ...plan.details.map((c) => ({ key: key(c), bucket: "detail" })),
    ...plan.consumed.map((c) => ({ key: key(c), bucket: "consumed" })),
    ...plan.rejects.map((c) => ({ key: key(c), bucket: "reject" })),
  ];
}

/**
 * What every plan must satisfy for a paste (see the file comment): each non-empty cell in
 * exactly one bucket, every reject with a reason, every placed amount the decimal shown.
 */
function expectSoundPlan(s: Scenario & { givenTable: boolean; givenUnit?: "元" | "万元" }): void {
  const { text, cells } = build(s);
  const plan = planImport(text, { ...(s.givenTable ? { table: "income" } : {}), ...(s.givenUnit ? { unit: s.givenUnit } : {}) });

  // Partition: each non-empty cell in exactly one bucket, and no bucket holds anything else.
  const seen = placements(plan);
  const counts = new Map<string, number>();
  for (const p of seen) counts.set(p.key, (counts.get(p.key) ?? 0) + 1);
  for (const [k, n] of counts) expect(n, `cell ${k} placed ${n} times`).toBe(1);
  expect(new Set(counts.keys())).toEqual(new Set(cells.keys()));
  for (const r of plan.rejects) expect(r.reason.length).toBeGreaterThan(0);

  // Exactness: what is placed is the decimal that was shown.
  const toWan = (v: Dec) => (plan.unit?.value === "元" ? shiftDecimalPoint(v, -4) : v);
  const check = (key: string, parsed: string | undefined, converted: string) => {
    const meaning = cells.get(key)!;
    expect(meaning.kind === "junk" || meaning.kind === "blank", `junk placed at ${key}`).toBe(false);
    if (meaning.kind === "amount") {
      expect(new Dec(parsed ?? converted).eq(meaning.value) || new Dec(converted).eq(toWan(meaning.value)), key).toBe(true);
      expect(new Dec(converted).eq(toWan(meaning.value)), `${key}: ${converted} vs ${meaning.value.toString()}`).toBe(true);
    }
    if (meaning.kind === "none") expect(new Dec(converted).isZero()).toBe(true);
  };
  for (const w of plan.writes) {
    if (w.asText) continue;
    check(`${w.line}:${w.column}`, w.parsed, w.converted!);
    if (cells.get(`${w.line}:${w.column}`)?.kind === "amount") expect(new Dec(w.parsed!).eq((cells.get(`${w.line}:${w.column}`) as { value: Dec }).value)).toBe(true);
  }
  for (const t of plan.totals) check(`${t.line}:${t.column}`, undefined, t.exported);
  for (const d of plan.details) check(`${d.line}:${d.column}`, d.parsed, d.converted);
  // Labels that look like formulas stay text.
  for (const add of plan.listAdds) expect(add.asText).toBe(true);
}

describe("import fuzz: random messy pastes", () => {
  it("never throws, places or rejects every cell exactly once, and places exactly what was shown", () => {
    fc.assert(fc.property(scenario, expectSoundPlan), { numRuns: 400 });
  });

  // Two exports side by side under one header row (项目 … 项目: a 收入 | 支出 总表): split into
  // panels and merged, the plan still holds every cell once, whatever each panel is.
  const panelled = fc
    .record({
      header: fc.constantFrom(...HEADERS),
      unitLine: fc.constantFrom("单位：元", "金额单位：万元", ""),
      givenUnit: fc.constantFrom(undefined, "元" as const, "万元" as const),
      rows: fc.array(fc.tuple(rowLabel, fc.array(valueCell, { minLength: 6, maxLength: 6 }), rowLabel, fc.array(valueCell, { minLength: 6, maxLength: 6 })), { minLength: 1, maxLength: 8 }),
      quoteAll: fc.boolean(),
      crlf: fc.boolean(),
    })
    .map((p) => ({
      header: [...p.header, ...p.header],
      unitLine: p.unitLine,
      givenTable: false,
      givenUnit: p.givenUnit,
      rows: p.rows.map(([l1, v1, l2, v2]): [GenCell, GenCell[]] => [l1, [...v1, l2, ...v2]]),
      quoteAll: p.quoteAll,
      crlf: p.crlf,
    }));

  it("two panels side by side: never throws, every cell once, exactly what was shown", () => {
    fc.assert(fc.property(panelled, expectSoundPlan), { numRuns: 200 });
  });
});
