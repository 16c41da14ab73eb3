// A small strict XML 1.0 parser for add-in manifests: well-formedness and namespaces,
// with the line and column of every element and attribute so problems can be located.
// It rejects what a manifest never needs (DOCTYPE, external entities) instead of supporting it.
"use strict";

const XMLNS_NS = "http://www.w3.org/2000/xmlns/";
const XML_NS = "http://www.w3.org/XML/1998/namespace";

const NAME_START = ":A-Z_a-z\\u00C0-\\u00D6\\u00D8-\\u00F6\\u00F8-\\u02FF\\u0370-\\u037D\\u037F-\\u1FFF\\u200C-\\u200D\\u2070-\\u218F\\u2C00-\\u2FEF\\u3001-\\uD7FF\\uF900-\\uFDCF\\uFDF0-\\uFFFD";
const NAME_CHAR = `${NAME_START}\\-.0-9\\u00B7\\u0300-\\u036F\\u203F-\\u2040`;
const NAME = new RegExp(`[${NAME_START}][${NAME_CHAR}]*`, "y");
const WHITESPACE = /[ \t\r\n]*/y;
const FORBIDDEN_CHAR = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/;
const PREDEFINED_ENTITIES = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };

class XmlError extends Error {
  constructor(message, line, column) {
    super(message);
    this.line = line;
    this.column = column;
  }
}

/**
 * @typedef {{ name: string, prefix: string, local: string, ns: string | null, value: string, line: number, column: number }} XmlAttribute
 * @typedef {{ name: string, prefix: string, local: string, ns: string | null, attributes: XmlAttribute[],
 *             children: XmlElement[], text: string, line: number, column: number, parent: XmlElement | null }} XmlElement
 */

/**
 * Parses a whole document and returns its root element.
 * @param {string} source
 * @returns {XmlElement}
 * @throws {XmlError} on the first well-formedness or namespace error
 */
function parseXml(source) {
  return new Parser(source).parseDocument();
}

class Parser {
  constructor(source) {
    this.source = source.charCodeAt(0) === 0xfeff ? source.slice(1) : source;
    this.pos = 0;
    this.lineStarts = [0];
    for (let i = 0; i < this.source.length; i++) if (this.source[i] === "\n") this.lineStarts.push(i + 1);
  }

  locate(index) {
    let low = 0;
    let high = this.lineStarts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.lineStarts[mid] <= index) low = mid;
      else high = mid - 1;
    }
    return { line: low + 1, column: index - this.lineStarts[low] + 1 };
  }

  fail(message, index = this.pos) {
    const { line, column } = this.locate(index);
    return new XmlError(message, line, column);
  }

  startsWith(text) {
    return this.source.startsWith(text, this.pos);
  }

  skipWhitespace() {
    WHITESPACE.lastIndex = this.pos;
    WHITESPACE.exec(this.source);
    const skipped = WHITESPACE.lastIndex > this.pos;
    this.pos = WHITESPACE.lastIndex;
    return skipped;
  }

  readName(what) {
    NAME.lastIndex = this.pos;
    const match = NAME.exec(this.source);
    if (!match) throw this.fail(`expected ${what}`);
    this.pos = NAME.lastIndex;
    return match[0];
  }

  parseDocument() {
    const bad = FORBIDDEN_CHAR.exec(this.source);
    if (bad) throw this.fail(`character U+${bad[0].charCodeAt(0).toString(16).padStart(4, "0")} is not allowed in XML`, bad.index);
    if (this.startsWith("<?xml") && /[ \t\r\n?]/.test(this.source[this.pos + 5] ?? "")) this.skipProcessingInstruction(true);
    this.skipMisc();
    if (this.pos >= this.source.length) throw this.fail("the document has no root element");
    if (!this.startsWith("<") || this.startsWith("</")) throw this.fail("expected the root element");
    const root = this.parseElement(null, new Map([["xml", XML_NS]]));
    this.skipMisc();
    if (this.pos < this.source.length) {
      throw this.fail(this.startsWith("<") ? "only one root element is allowed" : "text after the root element");
    }
    return root;
  }

  /** Whitespace, comments and processing instructions, allowed around the root element. */
  skipMisc() {
    for (;;) {
      this.skipWhitespace();
      if (this.startsWith("<!--")) this.skipComment();
      else if (this.startsWith("<?")) this.skipProcessingInstruction(false);
      else if (this.startsWith("<!DOCTYPE")) throw this.fail("DOCTYPE is not allowed in a manifest");
      else return;
    }
  }

  skipComment() {
    const end = this.source.indexOf("-->", this.pos + 4);
    if (end < 0) throw this.fail("comment is never closed with -->");
    const doubleHyphen = this.source.indexOf("--", this.pos + 4);
    if (doubleHyphen < end) throw this.fail("'--' is not allowed inside a comment", doubleHyphen);
    this.pos = end + 3;
  }

  skipProcessingInstruction(isDeclaration) {
    const start = this.pos;
    this.pos += 2;
    const target = this.readName("a processing-instruction target");
    if (!isDeclaration && target.toLowerCase() === "xml") {
      throw this.fail("the XML declaration is only allowed at the very start of the file", start);
    }
    const end = this.source.indexOf("?>", this.pos);
    if (end < 0) throw this.fail(`<?${target} is never closed with ?>`, start);
    if (isDeclaration && !/^\s+version\s*=\s*("1\.[0-9]+"|'1\.[0-9]+')/.test(this.source.slice(this.pos, end))) {
      throw this.fail("the XML declaration needs version=\"1.0\"", start);
    }
    this.pos = end + 2;
  }

  /** Replaces entity and character references; the text must not contain '<'. */
  decode(raw, startIndex) {
    return raw.replace(/&([^;&<]*)(;?)/g, (whole, body, semicolon, offset) => {
      const at = startIndex + offset;
      if (!semicolon) throw this.fail("'&' must start a reference such as &amp;", at);
      if (body in PREDEFINED_ENTITIES) return PREDEFINED_ENTITIES[body];
      const numeric = /^#(?:([0-9]+)|x([0-9a-fA-F]+))$/.exec(body);
      if (!numeric) throw this.fail(`unknown entity &${body};`, at);
      const code = numeric[1] !== undefined ? parseInt(numeric[1], 10) : parseInt(numeric[2], 16);
      const allowed = code === 0x9 || code === 0xa || code === 0xd || (code >= 0x20 && code <= 0xd7ff) ||
        (code >= 0xe000 && code <= 0xfffd) || (code >= 0x10000 && code <= 0x10ffff);
      if (!allowed) throw this.fail(`character reference &${body}; is not an allowed XML character`, at);
      return String.fromCodePoint(code);
    });
  }

  parseAttributes() {
    const attributes = [];
    for (;;) {
      const hadSpace = this.skipWhitespace();
      if (this.startsWith("/>") || this.startsWith(">") || this.pos >= this.source.length) return attributes;
      if (!hadSpace) throw this.fail("attributes must be separated by whitespace");
      const start = this.pos;
      const name = this.readName("an attribute name");
      if (attributes.some((a) => a.name === name)) throw this.fail(`attribute ${name} appears twice`, start);
      this.skipWhitespace();
      if (this.source[this.pos] !== "=") throw this.fail(`attribute ${name} needs ="value"`);
      this.pos++;
      this.skipWhitespace();
      const quote = this.source[this.pos];
      if (quote !== '"' && quote !== "'") throw this.fail(`the value of attribute ${name} must be quoted`);
      const end = this.source.indexOf(quote, this.pos + 1);
      if (end < 0) throw this.fail(`the value of attribute ${name} is never closed`, start);
      const raw = this.source.slice(this.pos + 1, end);
      const lt = raw.indexOf("<");
      if (lt >= 0) throw this.fail(`'<' is not allowed in the value of attribute ${name}`, this.pos + 1 + lt);
      const value = this.decode(raw.replace(/[\t\r\n]/g, " "), this.pos + 1);
      const { line, column } = this.locate(start);
      attributes.push({ name, value, line, column });
      this.pos = end + 1;
    }
  }

  /** Splits prefix:local and resolves the prefix against the in-scope declarations. */
  resolve(qualifiedName, scope, isAttribute, index) {
    const colon = qualifiedName.indexOf(":");
    if (colon !== qualifiedName.lastIndexOf(":") || colon === 0 || colon === qualifiedName.length - 1) {
      throw this.fail(`${qualifiedName} is not a valid namespaced name`, index);
    }
    const prefix = colon > 0 ? qualifiedName.slice(0, colon) : "";
    const local = colon > 0 ? qualifiedName.slice(colon + 1) : qualifiedName;
    if (!prefix) return { prefix, local, ns: isAttribute ? null : (scope.get("") || null) };
    if (prefix === "xmlns") return { prefix, local, ns: XMLNS_NS };
    const ns = scope.get(prefix);
    if (!ns) throw this.fail(`namespace prefix '${prefix}' in ${qualifiedName} is not declared`, index);
    return { prefix, local, ns };
  }

  parseElement(parent, parentScope) {
    const start = this.pos;
    this.pos++; // '<'
    const name = this.readName("an element name");
    const attributes = this.parseAttributes();
    if (this.pos >= this.source.length) throw this.fail(`start tag <${name}> is never closed`, start);

    const scope = new Map(parentScope);
    for (const attribute of attributes) {
      if (attribute.name === "xmlns") scope.set("", attribute.value);
      else if (attribute.name.startsWith("xmlns:")) {
        if (!attribute.value) throw this.fail(`${attribute.name} must not be empty`, start);
        scope.set(attribute.name.slice(6), attribute.value);
      }
    }
    const { line, column } = this.locate(start);
    const element = { name, ...this.resolve(name, scope, false, start), attributes: [], children: [], text: "", line, column, parent };
    const seen = new Set();
    for (const attribute of attributes) {
      const resolved = this.resolve(attribute.name, scope, true, start);
      const key = `${resolved.ns}|${resolved.local}`;
      if (seen.has(key)) throw this.fail(`attribute ${attribute.name} duplicates another in the same namespace`, start);
      seen.add(key);
      element.attributes.push({ ...attribute, ...resolved });
    }

    if (this.startsWith("/>")) {
      this.pos += 2;
      return element;
    }
    this.pos++; // '>'
    this.parseContent(element, scope);
    return element;
  }

  parseContent(element, scope) {
    const textParts = [];
    for (;;) {
      const next = this.source.indexOf("<", this.pos);
      if (next < 0) {
        throw this.fail(`<${element.name}> opened at line ${element.line} is never closed (end of file reached)`, this.source.length);
      }
      if (next > this.pos) {
        const raw = this.source.slice(this.pos, next);
        const cdataEnd = raw.indexOf("]]>");
        if (cdataEnd >= 0) throw this.fail("']]>' is not allowed in text", this.pos + cdataEnd);
        textParts.push(this.decode(raw, this.pos));
        this.pos = next;
      }
      if (this.startsWith("</")) {
        const closeStart = this.pos;
        this.pos += 2;
        const closing = this.readName("an element name in the end tag");
        this.skipWhitespace();
        if (this.source[this.pos] !== ">") throw this.fail(`end tag </${closing}> is not closed with '>'`, closeStart);
        if (closing !== element.name) {
          throw this.fail(`<${element.name}> opened at line ${element.line} is not closed: found </${closing}> instead of </${element.name}>`, closeStart);
        }
        this.pos++;
        element.text = textParts.join("");
        return;
      }
      if (this.startsWith("<!--")) this.skipComment();
      else if (this.startsWith("<![CDATA[")) {
        const end = this.source.indexOf("]]>", this.pos + 9);
        if (end < 0) throw this.fail("CDATA section is never closed with ]]>");
        textParts.push(this.source.slice(this.pos + 9, end));
        this.pos = end + 3;
      } else if (this.startsWith("<?")) this.skipProcessingInstruction(false);
      else if (this.startsWith("<!")) throw this.fail("markup declarations are not allowed here");
      else element.children.push(this.parseElement(element, scope));
    }
  }
}

/** The attribute with this local name in this namespace (null = unqualified), or undefined. */
function attributeOf(element, local, ns = null) {
  return element.attributes.find((a) => a.local === local && a.ns === ns);
}

module.exports = { parseXml, attributeOf, XmlError, XMLNS_NS };
