/**
 * Writes cells into an officer's workbook by editing only the parts that must change: the
 * worksheet XML of the sheets written to (and of sheets whose formulas' cached results change:
 * computed again by the core, or dropped when it cannot compute them all), xl/workbook.xml when the workbook must be told to calculate on open,
 * and the calculation chain when a formula was overwritten. Every other zip entry is copied as
 * it was (its compressed bytes reused), so charts, images, comments, sparklines, x14 data
 * validations, custom properties, pivot caches and anything ZiPing does not know survive.
 */
import type JSZip from "jszip";
import { parseSheetRange } from "../../core/excel/address";
import type { WorkbookPackage } from "./package";
import { unescapeXml } from "./names";
import { relationshipTargets, relsPathOf } from "./relationships";
import { sharedStrings as sharedStringItems } from "./cell-xml";
import { recomputeFormulaResults } from "./formula-results";
import { dropFormulaResults, needsStringEscape, writeCells, xmlStringText, type CellContent } from "./sheet-xml";

export interface CellWrite {
  /** Sheet-qualified A1 address, as the report's addresses give it. */
  address: string;
  content: string | number | undefined;
}

const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

/** A part's text as this write leaves it so far. */
async function current(zip: JSZip, changed: Map<string, string>, name: string): Promise<string | undefined> {
  return changed.get(name) ?? (await zip.file(name)?.async("string"));
}

/** The target of the workbook's relationship of a type (…/sharedStrings, …/calcChain), as a part path. */
function relationshipTarget(rels: string, workbookPath: string, type: string): string | undefined {
  return relationshipTargets(rels, workbookPath).find((r) => r.type.endsWith(`/${type}`))?.target;
}

/**
 * Adds texts to the shared-string table (made when the workbook has none) and returns each
 * one's index. Only text that needs an OOXML escape goes here (see needsStringEscape).
 */
async function sharedStrings(zip: JSZip, workbookPath: string, texts: string[], changed: Map<string, string>): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  if (!texts.length) return out;
  const relsPath = relsPathOf(workbookPath);
  const rels = (await current(zip, changed, relsPath)) ?? `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>`;
  let path = relationshipTarget(rels, workbookPath, "sharedStrings");
  let table = path && (await current(zip, changed, path));
  if (!path || table === undefined) {
    path = `${workbookPath.replace(/[^/]*$/, "")}sharedStrings.xml`;
    table = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="0" uniqueCount="0"></sst>`;
    changed.set(relsPath, rels.replace(/<\/((?:\w+:)?)Relationships>/, `<$1Relationship Id="rIdZiPingStrings" Type="${REL}/sharedStrings" Target="${path.slice(workbookPath.replace(/[^/]*$/, "").length)}"/></$1Relationships>`));
    const types = (await current(zip, changed, "[Content_Types].xml")) ?? "";
    changed.set("[Content_Types].xml", types.replace(/<\/((?:\w+:)?)Types>/, `<$1Override PartName="/${path}" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></$1Types>`));
  }
  const root = /<((?:\w+:)?)sst\b([^>]*?)(\/?)>/.exec(table);
  if (!root) return out;
  const prefix = root[1];
  let unique = [...table.matchAll(new RegExp(`<${prefix}si\\b`, "g"))].length;
  const added: string[] = [];
  for (const text of new Set(texts)) {
    out.set(text, unique++);
    added.push(`<${prefix}si><${prefix}t xml:space="preserve">${xmlStringText(text)}</${prefix}t></${prefix}si>`);
  }
  const setCount = (attrs: string, name: string, value: (old: number) => number) =>
    new RegExp(`\\s${name}\\s*=`).test(attrs) ? attrs.replace(new RegExp(`(\\s${name}\\s*=\\s*")(\\d*)(")`), (_, a: string, n: string, z: string) => `${a}${value(Number(n || 0))}${z}`) : attrs;
  const attrs = setCount(setCount(root[2], "uniqueCount", () => unique), "count", (old) => old + texts.length);
  const head = `<${prefix}sst${attrs}>`;
  const body = root[3] ? "" : table.slice(root.index + root[0].length, table.lastIndexOf(`</${prefix}sst>`));
  changed.set(path, `${table.slice(0, root.index)}${head}${body}${added.join("")}</${prefix}sst>`);
  return out;
}

/** The new package, or why the cells cannot be written without rebuilding the workbook. */
export type PatchOutcome = { bytes: Buffer } | { cannot: string };

/** Elements that follow <calcPr> in a workbook part, in schema order. */
const AFTER_CALC_PR = ["oleSize", "customWorkbookViews", "pivotCaches", "smartTagPr", "smartTagTypes", "webPublishing", "fileRecoveryPr", "webPublishObjects", "extLst"];

/** Asks Excel, WPS and LibreOffice to calculate every formula on open (results were dropped). */
export function withFullCalcOnLoad(xml: string): string {
  const calc = /<((?:\w+:)?)calcPr\b([^>]*?)(\/?)>/.exec(xml);
  if (calc) {
    if (/\sfullCalcOnLoad\s*=\s*["'](?:1|true)["']/.test(calc[2])) return xml;
    const attrs = calc[2].replace(/\s+fullCalcOnLoad\s*=\s*(?:"[^"]*"|'[^']*')/, "");
    return xml.slice(0, calc.index) + `<${calc[1]}calcPr${attrs} fullCalcOnLoad="1"${calc[3]}>` + xml.slice(calc.index + calc[0].length);
  }
  const prefix = /<((?:\w+:)?)workbook\b/.exec(xml)?.[1] ?? "";
  const next = AFTER_CALC_PR.map((name) => new RegExp(`<${prefix}${name}\\b`).exec(xml)?.index).filter((i): i is number => i !== undefined);
  const at = next.length ? Math.min(...next) : xml.lastIndexOf(`</${prefix}workbook>`);
  if (at < 0) return xml;
  return `${xml.slice(0, at)}<${prefix}calcPr fullCalcOnLoad="1"/>${xml.slice(at)}`;
}

/**
 * The calculation chain lists formula cells; once one of them holds a value it is out of date
 * (Excel would offer to repair the file), so it goes, with its relationship and content type.
 * Excel, WPS and LibreOffice rebuild it.
 */
async function withoutCalcChain(zip: JSZip, workbookPath: string, changed: Map<string, string>, removed: Set<string>): Promise<void> {
  const relsPath = relsPathOf(workbookPath);
  const rels = await current(zip, changed, relsPath);
  const target = rels && relationshipTarget(rels, workbookPath, "calcChain");
  if (!rels || !target) return;
  const keptRels = rels.replace(/<(?:\w+:)?Relationship\b[^>]*?(?:\/>|>[\s\S]*?<\/(?:\w+:)?Relationship>)/g, (element) =>
    /\bType\s*=\s*"[^"]*\/calcChain"/.test(element) ? "" : element,
  );
  changed.set(relsPath, keptRels);
  removed.add(target);
  const types = await current(zip, changed, "[Content_Types].xml");
  if (types) {
    const partName = `/${target}`;
    const keptTypes = types.replace(/<(?:\w+:)?Override\b[^>]*?\/>/g, (element) =>
      unescapeXml(/\bPartName\s*=\s*"([^"]*)"/.exec(element)?.[1] ?? "").toLowerCase() === partName.toLowerCase() ? "" : element,
    );
    if (keptTypes !== types) changed.set("[Content_Types].xml", keptTypes);
  }
}

/** Keeps an untouched entry's compression method, so its stored bytes are reused as they are. */
function keepCompression(zip: JSZip, name: string): void {
  const entry = zip.files[name] as JSZip.JSZipObject & { _data?: { compression?: { magic?: string } }; options: { compression?: string } };
  const magic = entry._data?.compression?.magic;
  if (magic !== undefined) entry.options.compression = magic === "\x00\x00" ? "STORE" : "DEFLATE";
}

/** Every sheet part with its formulas' results computed by the core, or undefined (see formula-results.ts). */
async function withResults(pkg: WorkbookPackage, edited: Map<string, string>, changed: Map<string, string>): Promise<Map<string, string> | undefined> {
  const rels = await current(pkg.zip, changed, relsPathOf(pkg.workbookPath));
  const stringsPath = rels && relationshipTarget(rels, pkg.workbookPath, "sharedStrings");
  const strings = sharedStringItems(stringsPath ? await current(pkg.zip, changed, stringsPath) : undefined);
  const byName = new Map<string, string>();
  for (const [name, part] of pkg.sheetParts) {
    const xml = edited.get(part);
    if (xml !== undefined) byName.set(name, xml);
  }
  const computed = recomputeFormulaResults(byName, strings);
  if (!computed) return undefined;
  return new Map([...pkg.sheetParts].flatMap(([name, part]) => (computed.has(name) ? [[part, computed.get(name)!] as const] : [])));
}

/** Writes the cells into the package and returns its new bytes (the package's zip is updated). */
export async function patchWorkbook(pkg: WorkbookPackage, writes: CellWrite[]): Promise<PatchOutcome> {
  const parts = pkg.sheetParts;
  const partOf = (sheet: string) => parts.get(sheet) ?? [...parts].find(([name]) => name.toUpperCase() === sheet.toUpperCase())?.[1];
  const changed = new Map<string, string>();
  const removed = new Set<string>();
  const escaped = writes.map((w) => w.content).filter((c): c is string => typeof c === "string" && needsStringEscape(c));
  const shared = await sharedStrings(pkg.zip, pkg.workbookPath, escaped, changed);
  const bySheet = new Map<string, Map<number, Map<number, CellContent>>>();
  for (const write of writes) {
    const at = parseSheetRange(write.address);
    const part = at && partOf(at.sheet);
    // As the ExcelJS route does: an address on no sheet of this workbook is not written.
    if (!at || !part) continue;
    const rows = bySheet.get(part) ?? new Map<number, Map<number, CellContent>>();
    bySheet.set(part, rows);
    const cells = rows.get(at.top) ?? new Map<number, CellContent>();
    rows.set(at.top, cells);
    const index = typeof write.content === "string" ? shared.get(write.content) : undefined;
    cells.set(at.left, index === undefined ? write.content : { sharedString: index });
  }

  let formulaReplaced = false;
  const edited = new Map<string, string>();
  const originals = new Map<string, string>();
  for (const part of new Set(parts.values())) {
    const original = await pkg.zip.file(part)?.async("string");
    if (original === undefined) continue;
    originals.set(part, original);
    let xml = original;
    const cells = bySheet.get(part);
    if (cells) {
      const edit = writeCells(xml, cells);
      if ("cannot" in edit) return { cannot: `${[...parts].find(([, p]) => p === part)?.[0] ?? part}!${edit.cannot}` };
      xml = edit.xml;
      formulaReplaced ||= edit.formulaReplaced;
    }
    edited.set(part, xml);
  }
  // The formulas' results for the cells as they now are; else none (stale ones must not be read).
  const recomputed = bySheet.size ? await withResults(pkg, edited, changed) : undefined;
  for (const [part, xml] of edited) {
    const next = recomputed?.get(part) ?? dropFormulaResults(xml);
    if (next !== originals.get(part)) changed.set(part, next);
  }
  // Cells changed or results dropped: the workbook is calculated when next opened.
  const workbookXml = changed.size ? withFullCalcOnLoad(pkg.workbookXml) : pkg.workbookXml;
  if (workbookXml !== pkg.workbookXml) changed.set(pkg.workbookPath, workbookXml);
  if (formulaReplaced) await withoutCalcChain(pkg.zip, pkg.workbookPath, changed, removed);

  for (const name of Object.keys(pkg.zip.files)) if (!changed.has(name)) keepCompression(pkg.zip, name);
  for (const name of removed) pkg.zip.remove(name);
  for (const [name, xml] of changed) pkg.zip.file(name, xml);
  const bytes = await pkg.zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE", compressionOptions: { level: 6 } });
  return { bytes };
}
