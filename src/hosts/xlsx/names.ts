/**
 * Defined names as they sit in xl/workbook.xml. ExcelJS keeps only names that point at cell
 * ranges (it drops constants such as ZIPING_FORM="…", and the hidden and comment attributes),
 * so the host writes and reads the <definedNames> element itself.
 */

export interface DefinedName {
  name: string;
  /** The reference or constant as written, e.g. 收入!$A$6:$G$7 or "yueyang-self-eval@1". */
  text: string;
  /** Set for a name scoped to one sheet (0-based position in <sheets>). */
  localSheetId?: number;
  hidden?: boolean;
  comment?: string;
}

export function escapeXml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&apos;");
}

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

export function unescapeXml(text: string): string {
  return text.replace(/&(#x[0-9a-fA-F]+|#\d+|amp|lt|gt|quot|apos);/g, (_, e: string) => {
    if (e.startsWith("#x")) return String.fromCodePoint(parseInt(e.slice(2), 16));
    if (e.startsWith("#")) return String.fromCodePoint(parseInt(e.slice(1), 10));
    return ENTITIES[e];
  });
}

/** Attributes of one start tag, prefixes dropped (some writers use x:definedName). */
function attributes(tag: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of tag.matchAll(/([\w:.-]+)\s*=\s*("([^"]*)"|'([^']*)')/g)) {
    out.set(m[1].replace(/^.*:/, ""), unescapeXml(m[3] ?? m[4] ?? ""));
  }
  return out;
}

export function renderDefinedNames(names: DefinedName[]): string {
  const items = names.map((n) => {
    const attrs = [`name="${escapeXml(n.name)}"`];
    if (n.comment) attrs.push(`comment="${escapeXml(n.comment)}"`);
    if (n.localSheetId !== undefined) attrs.push(`localSheetId="${n.localSheetId}"`);
    if (n.hidden) attrs.push(`hidden="1"`);
    return `<definedName ${attrs.join(" ")}>${escapeXml(n.text)}</definedName>`;
  });
  return items.length ? `<definedNames>${items.join("")}</definedNames>` : "";
}

/**
 * Replaces the workbook's <definedNames> with these. The element goes after <sheets> (and
 * before <calcPr>), where the schema puts it; Excel refuses a workbook.xml out of order.
 */
export function withDefinedNames(workbookXml: string, names: DefinedName[]): string {
  const rendered = renderDefinedNames(names);
  const stripped = workbookXml.replace(/<definedNames>[\s\S]*?<\/definedNames>|<definedNames\s*\/>/, "");
  const at = stripped.indexOf("</sheets>");
  if (at < 0) throw new Error("workbook.xml has no <sheets> element");
  const end = at + "</sheets>".length;
  return stripped.slice(0, end) + rendered + stripped.slice(end);
}

export function parseDefinedNames(workbookXml: string): DefinedName[] {
  const out: DefinedName[] = [];
  for (const m of workbookXml.matchAll(/<(?:\w+:)?definedName\b([^>]*?)(?:\/>|>([\s\S]*?)<\/(?:\w+:)?definedName>)/g)) {
    const attrs = attributes(m[1]);
    const name = attrs.get("name");
    if (!name) continue;
    const local = attrs.get("localSheetId");
    const hidden = attrs.get("hidden");
    out.push({
      name,
      text: unescapeXml(m[2] ?? "").trim(),
      ...(local !== undefined && /^\d+$/.test(local) ? { localSheetId: Number(local) } : {}),
      ...(hidden === "1" || hidden === "true" ? { hidden: true } : {}),
      ...(attrs.get("comment") ? { comment: attrs.get("comment") } : {}),
    });
  }
  return out;
}

/** The workbook-scoped name `name` (Excel compares names without case). */
export function findDefinedName(names: readonly DefinedName[], name: string): DefinedName | undefined {
  const upper = name.toUpperCase();
  return names.find((n) => n.name.toUpperCase() === upper && n.localSheetId === undefined);
}

/** Sheet names in workbook order, as <sheets> lists them. */
export function parseSheetNames(workbookXml: string): string[] {
  return [...workbookXml.matchAll(/<(?:\w+:)?sheet\b([^>]*?)\/?>/g)]
    .map((m) => attributes(m[1]).get("name"))
    .filter((n): n is string => n !== undefined);
}
