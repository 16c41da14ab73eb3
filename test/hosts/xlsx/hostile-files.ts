/**
 * Hostile files of issue 18, made at test time and kept small: a template whose defined name
 * spans the whole sheet, a package missing a part, an .xlsx export written by hand (any rows,
 * any stated used range), and zip bombs that claim, or hide, hundreds of megabytes.
 */
import { constants, deflateRawSync } from "node:zlib";
import CFB from "cfb";
import JSZip from "jszip";

async function edit(bytes: Buffer, change: (zip: JSZip) => Promise<void>): Promise<Buffer> {
  const zip = await JSZip.loadAsync(bytes);
  await change(zip);
  return zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
}

/** The template with one defined name pointing elsewhere (case 1: 收入!$A$1:$XFD$1048576). */
export function withDefinedName(template: Buffer, name: string, reference: string): Promise<Buffer> {
  return edit(template, async (zip) => {
    const xml = await zip.file("xl/workbook.xml")!.async("string");
    const pattern = new RegExp(`(<definedName[^>]*\\bname="${name}"[^>]*>)[^<]*(</definedName>)`);
    if (!pattern.test(xml)) throw new Error(`no defined name ${name}`);
    zip.file("xl/workbook.xml", xml.replace(pattern, (_, open: string, close: string) => `${open}${reference}${close}`));
  });
}

/** The package without one of its parts (case 7: a sheet, or the shared strings). */
export function withoutPart(bytes: Buffer, path: string): Promise<Buffer> {
  return edit(bytes, async (zip) => {
    if (!zip.file(path)) throw new Error(`no part ${path}`);
    zip.remove(path);
  });
}

/** One text of the shared-strings part replaced (case 6: a department name carrying an escape). */
export function withSharedString(bytes: Buffer, from: string, to: string): Promise<Buffer> {
  return edit(bytes, async (zip) => {
    const xml = await zip.file("xl/sharedStrings.xml")!.async("string");
    if (!xml.includes(`>${from}<`)) throw new Error(`no shared string ${from}`);
    zip.file("xl/sharedStrings.xml", xml.replace(`>${from}<`, `>${to}<`));
  });
}

const escapeXml = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

const CONTENT_TYPES =
  '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
  '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
  '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
  '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>';
const PACKAGE_RELS =
  '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
  '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>';
const WORKBOOK =
  '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">' +
  '<sheets><sheet name="明细" sheetId="1" r:id="rId1"/></sheets></workbook>';
const WORKBOOK_RELS =
  '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
  '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>' +
  '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>';

/** Column letters of a 1-based column number. */
function columnLetters(n: number): string {
  let s = "";
  for (let k = n; k > 0; k = Math.floor((k - 1) / 26)) s = String.fromCharCode(65 + ((k - 1) % 26)) + s;
  return s;
}

/**
 * An .xlsx export written by hand, as a ledger system would: texts in the shared-strings table,
 * numbers as numbers. `dimension` states a used range (Excel and WPS always do); `rows` may be
 * a generator, so a long sheet is never held as cell objects.
 */
export async function xlsxExport(rows: Iterable<Array<string | number>>, options: { dimension?: string } = {}): Promise<Buffer> {
  const strings: string[] = [];
  const index = new Map<string, number>();
  const body: string[] = [];
  let r = 0;
  for (const row of rows) {
    r++;
    const cells = row.map((v, c) => {
      const ref = `${columnLetters(c + 1)}${r}`;
      if (typeof v === "number") return `<c r="${ref}"><v>${v}</v></c>`;
      let i = index.get(v);
      if (i === undefined) {
        i = strings.push(v) - 1;
        index.set(v, i);
      }
      return `<c r="${ref}" t="s"><v>${i}</v></c>`;
    });
    body.push(`<row r="${r}">${cells.join("")}</row>`);
  }
  const dimension = options.dimension ? `<dimension ref="${options.dimension}"/>` : "";
  const zip = new JSZip();
  zip.file("[Content_Types].xml", CONTENT_TYPES);
  zip.file("_rels/.rels", PACKAGE_RELS);
  zip.file("xl/workbook.xml", WORKBOOK);
  zip.file("xl/_rels/workbook.xml.rels", WORKBOOK_RELS);
  zip.file(
    "xl/worksheets/sheet1.xml",
    `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">${dimension}<sheetData>${body.join("")}</sheetData></worksheet>`,
  );
  zip.file(
    "xl/sharedStrings.xml",
    `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="${strings.length}" uniqueCount="${strings.length}">${strings
      .map((s) => `<si><t>${escapeXml(s)}</t></si>`)
      .join("")}</sst>`,
  );
  return zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
}

/**
 * A raw deflate stream of `megabytes` MB of spaces, built from one compressed megabyte repeated:
 * each copy ends on a byte boundary (sync flush) and refers only to itself, so the copies chain
 * into one valid stream, closed by an empty final block. About 1 KB per inflated MB.
 */
function deflateBomb(megabytes: number): Buffer {
  const block = deflateRawSync(Buffer.alloc(1024 * 1024, 0x20), { finishFlush: constants.Z_SYNC_FLUSH });
  return Buffer.concat([...Array.from({ length: megabytes }, () => block), Buffer.from([0x03, 0x00])]);
}

/** A zip of one entry, written by hand so its stated size can be anything (CRC left 0: nothing here checks it). */
function zipOf(entries: Array<{ name: string; data: Buffer; deflated: boolean; statedSize: number }>): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, "utf8");
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(e.deflated ? 8 : 0, 8);
    local.writeUInt32LE(e.data.length, 18);
    local.writeUInt32LE(e.statedSize, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(e.deflated ? 8 : 0, 10);
    central.writeUInt32LE(e.data.length, 20);
    central.writeUInt32LE(e.statedSize, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, e.data);
    centrals.push(central, name);
    offset += local.length + name.length + e.data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

/**
 * An .xlsx whose sheet part inflates to `megabytes` MB (case 2). `honest`: the zip states that
 * size; otherwise it claims 1 KB, as a bomb meant to pass a check of the stated sizes would.
 */
export function inflatingXlsx(megabytes: number, honest: boolean): Buffer {
  const plain = (name: string, text: string) => ({ name, data: Buffer.from(text), deflated: false, statedSize: Buffer.byteLength(text) });
  const bomb = deflateBomb(megabytes);
  return zipOf([
    plain("[Content_Types].xml", CONTENT_TYPES),
    plain("_rels/.rels", PACKAGE_RELS),
    plain("xl/workbook.xml", WORKBOOK),
    plain("xl/_rels/workbook.xml.rels", WORKBOOK_RELS),
    { name: "xl/worksheets/sheet1.xml", data: bomb, deflated: true, statedSize: honest ? megabytes * 1024 * 1024 : 1024 },
  ]);
}

/** One BIFF8 record: type, length, data. */
function record(type: number, data: Buffer): Buffer {
  const head = Buffer.alloc(4);
  head.writeUInt16LE(type, 0);
  head.writeUInt16LE(data.length, 2);
  return Buffer.concat([head, data]);
}

/**
 * A legacy .xls (BIFF8 in a compound file) of one worksheet "明细" holding numbers at the given
 * 0-based rows and columns: a record may name any column up to 65,535, far past Excel's.
 */
export function xlsWithNumbers(cells: Array<{ row: number; column: number; value: number }>): Buffer {
  const bof = (kind: number) => {
    const data = Buffer.alloc(16);
    data.writeUInt16LE(0x0600, 0);
    data.writeUInt16LE(kind, 2);
    return record(0x0809, data);
  };
  const eof = record(0x000a, Buffer.alloc(0));
  const name = Buffer.from("明细", "utf16le");
  const sheetEntry = (offset: number) => {
    const data = Buffer.alloc(8);
    data.writeUInt32LE(offset, 0);
    data.writeUInt8(0, 4); // visible
    data.writeUInt8(0, 5); // worksheet
    data.writeUInt8(2, 6); // 2 characters
    data.writeUInt8(1, 7); // UTF-16
    return record(0x0085, Buffer.concat([data, name]));
  };
  const globalsLength = bof(0x0005).length + sheetEntry(0).length + eof.length;
  const numbers = cells.map(({ row, column, value }) => {
    const data = Buffer.alloc(14);
    data.writeUInt16LE(row, 0);
    data.writeUInt16LE(column, 2);
    data.writeDoubleLE(value, 6);
    return record(0x0203, data);
  });
  const stream = Buffer.concat([bof(0x0005), sheetEntry(globalsLength), eof, bof(0x0010), ...numbers, eof]);
  const container = CFB.utils.cfb_new();
  CFB.utils.cfb_add(container, "Workbook", stream);
  return Buffer.from(CFB.write(container, { type: "buffer" }) as Uint8Array);
}
