import { escapeHtml, htmlText, plainText } from "../../src/taskpane/model/narrative-text";

describe("the narrative as copied text", () => {
  const paragraphs = [
    { title: "人员情况", text: "我局人员编制43人。" },
    { text: "“三公经费”本年实际支出2.02万元<含>。" },
  ];

  it("gives plain text one line per title and paragraph", () => {
    expect(plainText(paragraphs)).toBe("人员情况\n我局人员编制43人。\n“三公经费”本年实际支出2.02万元<含>。");
  });

  it("gives HTML paragraphs with the two-character indent, every character of the text escaped", () => {
    const html = htmlText(paragraphs);
    expect(html).toContain('<p style="text-indent:2em">我局人员编制43人。</p>');
    expect(html).toContain("万元&#60;含&#62;。");
    expect(html).not.toContain("<含>");
    expect(escapeHtml(`<a href="x">&'`)).toBe("&#60;a href=&#34;x&#34;&#62;&#38;&#39;");
    // Every paragraph's text survives, in order, once the tags are removed and entities decoded.
    const decoded = html.replace(/<[^>]+>/g, "\n").replace(/&#(\d+);/g, (_, n) => String.fromCharCode(Number(n)));
    expect(decoded.split("\n").filter(Boolean)).toEqual(["人员情况", "我局人员编制43人。", "“三公经费”本年实际支出2.02万元<含>。"]);
  });
});
