import iconv from "iconv-lite";
import { cellText, detectDelimiter, detectEncoding, gridFromCells, readDelimited } from "../../../src/core/importer";
import { splitOnBlankRuns } from "../../../src/core/importer/grid";

describe("readDelimited", () => {
  it("splits clipboard TSV, keeping quoted tabs, quotes and line breaks inside a cell", () => {
    const text = 'a\t"b\tc"\t"say ""hi"""\r\n"two\nlines"\tx\t\r\nlast\t\t';
    const grid = readDelimited(text);
    expect(grid.delimiter).toBe("\t");
    expect(grid.rows).toEqual([
      ["a", "b\tc", 'say "hi"'],
      ["two\nlines", "x", ""],
      ["last", "", ""],
    ]);
    // Each row is numbered by the source line it starts on; the quoted line break moves the next row down.
    expect(grid.lines).toEqual([1, 2, 4]);
  });

  it("takes an unclosed quote literally instead of swallowing the rest of the paste", () => {
    const grid = readDelimited('"open\t1\nnext\t2\n', "\t");
    expect(grid.rows).toEqual([
      ['"open', "1"],
      ["next", "2"],
    ]);
  });

  it("keeps a quote inside an unquoted cell as an ordinary character", () => {
    expect(readDelimited('12"3,x\n', ",").rows).toEqual([['12"3', "x"]]);
  });

  it("splits lines without the delimiter, and quoted cells holding it, wherever they fall", () => {
    // The splitter remembers where the next delimiter and line break are; lines without a
    // delimiter, and delimiters inside quotes, must still split exactly where they should.
    const text = '科目名称,金额\n行政运行\n\n"机关服务,其他",12\n一般行政管理事务\n"a\nb","1,234.50"\nx,\n,y\n';
    const grid = readDelimited(text, ",");
    expect(grid.rows).toEqual([
      ["科目名称", "金额"],
      ["行政运行"],
      [""],
      ["机关服务,其他", "12"],
      ["一般行政管理事务"],
      ["a\nb", "1,234.50"],
      ["x", ""],
      ["", "y"],
    ]);
    expect(grid.lines).toEqual([1, 2, 3, 4, 5, 6, 8, 9]);
  });

  it("drops a UTF-8 BOM and does not add a row for the final line break", () => {
    expect(readDelimited("\ufeffa,b\nc,d\n").rows).toEqual([
      ["a", "b"],
      ["c", "d"],
    ]);
  });

  it("reads 100,000 rows with quoted multi-line cells, and an unclosed quote before them, in one pass", () => {
    const text = '"open\t1\n' + 'a\t"b ""q""\nc"\n'.repeat(99_999);
    const grid = readDelimited(text);
    expect(grid.rows.length).toBe(100_000);
    expect(grid.rows[0]).toEqual(['"open', "1"]);
    expect(grid.rows[99_999]).toEqual(["a", 'b "q"\nc']);
    expect(grid.lines[99_999]).toBe(1 + 2 * 99_998 + 1);
  });
});

describe("detectDelimiter", () => {
  it("prefers a tab, then the candidate giving the most lines with the same number of cells", () => {
    expect(detectDelimiter("a\tb\nc\td")).toBe("\t");
    expect(detectDelimiter('名称,金额\n局机关,"1,075.81"\n办公室,"223.96"\n')).toBe(",");
    expect(detectDelimiter("名称;金额\n局机关;1075,81\n办公室;223,96\n")).toBe(";");
    // A PDF copy: columns aligned with spaces, numbers with thousands separators.
    expect(detectDelimiter("机构名称    收入合计    上年结转\n局机关    1,075.81    241.49\n办公室    223.96    22.56\n")).toBe("spaces");
  });
});

describe("splitOnBlankRuns", () => {
  it("splits on two or more blanks, a tab or a full-width space, keeps a single space and the indentation", () => {
    expect(splitOnBlankRuns("  公务 接待费    １．９０\u00a0\u00a0０")).toEqual(["  公务 接待费", "１．９０", "０"]);
    expect(splitOnBlankRuns("局机关\u3000241.49")).toEqual(["局机关", "241.49"]);
    expect(splitOnBlankRuns("")).toEqual([]);
  });
});

describe("cellText", () => {
  it("shows a sheet number as Excel does: 15 significant digits, never exponent notation", () => {
    expect(cellText(0.1 + 0.2)).toBe("0.3");
    expect(cellText(1299.77)).toBe("1299.77");
    expect(cellText(1e21)).toBe("1000000000000000000000");
    expect(cellText(1e-7)).toBe("0.0000001");
    expect(cellText(-0)).toBe("0");
    expect(cellText(true)).toBe("TRUE");
    expect(cellText(null)).toBe("");
    expect(gridFromCells([[1, "a"], [null, 2.5]]).rows).toEqual([
      ["1", "a"],
      ["", "2.5"],
    ]);
  });
});

describe("detectEncoding", () => {
  const text = "部门（单位）年度支出和结余情况，单位：元";
  it("recognises UTF-8 (with and without BOM), UTF-16 and GBK bytes", () => {
    expect(detectEncoding(new Uint8Array(Buffer.from(text, "utf8"))).encoding).toBe("utf-8");
    expect(detectEncoding(new Uint8Array([0xef, 0xbb, 0xbf, ...Buffer.from(text, "utf8")]))).toMatchObject({ encoding: "utf-8", bomLength: 3 });
    expect(detectEncoding(new Uint8Array([0xff, 0xfe, ...Buffer.from(text, "utf16le")]))).toMatchObject({ encoding: "utf-16le", bomLength: 2 });
    expect(detectEncoding(new Uint8Array(Buffer.from("a,b\n1,2\n", "utf16le"))).encoding).toBe("utf-16le");
    expect(detectEncoding(new Uint8Array(iconv.encode(text, "gbk"))).encoding).toBe("gb18030");
    expect(detectEncoding(new Uint8Array(iconv.encode("局机关,1075.81", "gb18030"))).encoding).toBe("gb18030");
  });

  it("rejects overlong and surrogate UTF-8 as not UTF-8", () => {
    expect(detectEncoding(new Uint8Array([0xc0, 0xaf])).encoding).toBe("gb18030");
    expect(detectEncoding(new Uint8Array([0xed, 0xa0, 0x80])).encoding).toBe("gb18030");
  });
});
