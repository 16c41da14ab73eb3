/**
 * Files ZiPing must refuse, made at test time: an encrypted workbook and an old .xls (both OLE2
 * compound files), a corrupt zip, a Word document, a 10 MB export, an empty file.
 */
import { randomBytes } from "node:crypto";
import JSZip from "jszip";
import { WorkbookFileError } from "../../../src/hosts/xlsx/errors";
import { loadWorkbookReport } from "../../../src/hosts/xlsx/report";

/** The error a workbook is refused with; fails the test when it is read as data instead. */
export async function refusal(file: string, bytes: Buffer): Promise<WorkbookFileError> {
  try {
    await loadWorkbookReport(file, [], bytes);
  } catch (e) {
    if (e instanceof WorkbookFileError) return e;
    throw e;
  }
  throw new Error(`${file} was read as data`);
}

const ENDOFCHAIN = 0xfffffffe;
const FREESECT = 0xffffffff;
const FATSECT = 0xfffffffd;
const NOSTREAM = 0xffffffff;
const SECTOR = 512;

function directoryEntry(name: string, type: 0 | 1 | 2 | 5, links: { left?: number; right?: number; child?: number } = {}): Buffer {
  const entry = Buffer.alloc(128);
  if (type !== 0) {
    entry.write(name, 0, "utf16le");
    entry.writeUInt16LE((name.length + 1) * 2, 64);
  }
  entry.writeUInt8(type, 66);
  entry.writeUInt8(1, 67); // black
  entry.writeUInt32LE(links.left ?? NOSTREAM, 68);
  entry.writeUInt32LE(links.right ?? NOSTREAM, 72);
  entry.writeUInt32LE(links.child ?? NOSTREAM, 76);
  entry.writeUInt32LE(ENDOFCHAIN, 116); // start sector: the streams are empty
  return entry;
}

/**
 * A valid version-3 compound file holding empty streams with these names, chained as right
 * siblings under the root: what an encrypted .xlsx (EncryptionInfo, EncryptedPackage) or an
 * .xls (Workbook) looks like to a reader that checks the container.
 */
export function compoundFile(streams: string[]): Buffer {
  if (streams.length > 3) throw new Error("one directory sector holds the root and three streams");
  const header = Buffer.alloc(SECTOR);
  Buffer.from("d0cf11e0a1b11ae1", "hex").copy(header, 0);
  header.writeUInt16LE(0x003e, 24);
  header.writeUInt16LE(0x0003, 26);
  header.writeUInt16LE(0xfffe, 28);
  header.writeUInt16LE(9, 30);
  header.writeUInt16LE(6, 32);
  header.writeUInt32LE(1, 44); // one FAT sector
  header.writeUInt32LE(1, 48); // directory at sector 1
  header.writeUInt32LE(0x1000, 56);
  header.writeUInt32LE(ENDOFCHAIN, 60);
  header.writeUInt32LE(ENDOFCHAIN, 68);
  for (let i = 0; i < 109; i++) header.writeUInt32LE(i === 0 ? 0 : FREESECT, 76 + i * 4);

  const fat = Buffer.alloc(SECTOR, 0xff);
  fat.writeUInt32LE(FATSECT, 0);
  fat.writeUInt32LE(ENDOFCHAIN, 4);

  const entries = [directoryEntry("Root Entry", 5, { child: streams.length ? 1 : NOSTREAM })];
  streams.forEach((name, i) => entries.push(directoryEntry(name, 2, i + 1 < streams.length ? { right: i + 2 } : {})));
  while (entries.length < 4) entries.push(directoryEntry("", 0));
  return Buffer.concat([header, fat, ...entries]);
}

export const encryptedWorkbook = (): Buffer => compoundFile(["EncryptionInfo", "EncryptedPackage"]);
export const legacyXls = (): Buffer => compoundFile(["Workbook"]);

/** A zip that stops half way: the central directory is gone. */
export function truncated(bytes: Buffer): Buffer {
  return bytes.subarray(0, Math.floor(bytes.length / 2));
}

export async function wordDocument(): Promise<Buffer> {
  const zip = new JSZip();
  zip.file("[Content_Types].xml", '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>');
  zip.file(
    "_rels/.rels",
    '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
  );
  zip.file("word/document.xml", "<w:document/>");
  return zip.generateAsync({ type: "nodebuffer" });
}

/** An accounting-system export of about 10 MB (a zip of incompressible data, as big exports are). */
export async function bigExport(megabytes = 10): Promise<Buffer> {
  const zip = new JSZip();
  zip.file("xl/workbook.xml", "<workbook/>");
  zip.file("xl/worksheets/sheet1.xml", randomBytes(megabytes * 1024 * 1024));
  return zip.generateAsync({ type: "nodebuffer", compression: "STORE" });
}

/** A template whose first worksheet part is broken XML (a damaged save). */
export async function damagedSheet(template: Buffer): Promise<Buffer> {
  const zip = await JSZip.loadAsync(template);
  zip.file("xl/worksheets/sheet1.xml", "<worksheet><sheetData><row r=");
  return zip.generateAsync({ type: "nodebuffer" });
}
