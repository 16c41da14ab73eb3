// The manifest validator's XML parser: well-formed input parses with namespaces and positions,
// and each kind of malformed input is rejected at the right line and column.

interface XmlNode {
  local: string;
  ns: string | null;
  text: string;
  line: number;
  column: number;
  children: XmlNode[];
  attributes: { name: string; local: string; ns: string | null; value: string; line: number }[];
}

// scripts/ are plain CommonJS without type declarations: required and typed here.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { parseXml } = require("../../scripts/manifest/xml.js") as { parseXml: (source: string) => XmlNode };

function errorOf(source: string) {
  try {
    parseXml(source);
  } catch (error) {
    const { message, line, column } = error as { message: string; line: number; column: number };
    return { message, line, column };
  }
  throw new Error("expected a parse error");
}

describe("parseXml", () => {
  it("resolves default and prefixed namespaces and records positions", () => {
    const root = parseXml(
      '<?xml version="1.0" encoding="UTF-8"?>\n<!-- c -->\n<a xmlns="urn:a" xmlns:b="urn:b">\n  <b:c x="1"\n    y="&lt;&#x4E2D;&#25991;&amp;"/>\n  <d><![CDATA[<raw>]]> &quot;t&apos;</d>\n</a>\n',
    );
    expect([root.local, root.ns, root.line, root.column]).toEqual(["a", "urn:a", 3, 1]);
    const [c, d] = root.children;
    expect([c.local, c.ns, c.line, c.column]).toEqual(["c", "urn:b", 4, 3]);
    expect(c.attributes.map((a) => [a.local, a.ns, a.value, a.line])).toEqual([
      ["x", null, "1", 4],
      ["y", null, "<中文&", 5],
    ]);
    expect([d.ns, d.text]).toEqual(["urn:a", "<raw> \"t'"]);
  });

  it.each([
    ["<a><b></a>", /<b> opened at line 1 is not closed: found <\/a>/, 1, 7],
    ["<a>\n<b>", /<b> opened at line 2 is never closed/, 2, 4],
    ['<a x="1" x="2"/>', /attribute x appears twice/, 1, 10],
    ['<a p:x="1"/>', /prefix 'p' in p:x is not declared/, 1, 1],
    ["<p:a/>", /prefix 'p' in p:a is not declared/, 1, 1],
    ["<a>&nbsp;</a>", /unknown entity &nbsp;/, 1, 4],
    ["<a>&#1;</a>", /not an allowed XML character/, 1, 4],
    ["<a x=1/>", /must be quoted/, 1, 6],
    ['<a x="<"/>', /'<' is not allowed in the value of attribute x/, 1, 7],
    ["<a><!-- a -- b --></a>", /'--' is not allowed inside a comment/, 1, 11],
    ["<!DOCTYPE a><a/>", /DOCTYPE is not allowed/, 1, 1],
    ["<a/><b/>", /only one root element/, 1, 5],
    ["<a/>text", /text after the root element/, 1, 5],
    ['\n<?xml version="1.0"?><a/>', /XML declaration is only allowed at the very start/, 2, 1],
    ["", /no root element/, 1, 1],
    ["<a>]]></a>", /']]>' is not allowed in text/, 1, 4],
  ])("rejects %j", (source, message, line, column) => {
    const error = errorOf(source);
    expect(error.message).toMatch(message);
    expect([error.line, error.column]).toEqual([line, column]);
  });
});
