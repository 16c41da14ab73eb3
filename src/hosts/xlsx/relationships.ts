/**
 * The relationships that lead from an .xlsx package to its workbook, sheets and shared strings:
 * plain text work, no zip and no Node, so the pane's export reader uses the same code as the
 * xlsx host.
 */
import { unescapeXml } from "./names";

/** Relationship targets by id, resolved against the folder of the part they belong to. */
export function relationshipTargets(relsXml: string, partPath: string): Array<{ id: string; type: string; target: string }> {
  const dir = partPath.replace(/[^/]*$/, "");
  const out: Array<{ id: string; type: string; target: string }> = [];
  for (const m of relsXml.matchAll(/<(?:\w+:)?Relationship\b([^>]*)\/?>/g)) {
    const id = /\bId\s*=\s*"([^"]*)"/.exec(m[1])?.[1];
    const target = /\bTarget\s*=\s*"([^"]*)"/.exec(m[1])?.[1];
    const type = /\bType\s*=\s*"([^"]*)"/.exec(m[1])?.[1] ?? "";
    if (id === undefined || target === undefined) continue;
    const t = unescapeXml(target);
    out.push({ id, type, target: t.startsWith("/") ? t.slice(1) : normalisePath(dir + t) });
  }
  return out;
}

/** a/b/../c → a/c, as a relationship's relative target is meant. */
function normalisePath(path: string): string {
  const out: string[] = [];
  for (const seg of path.split("/")) {
    if (seg === "..") out.pop();
    else if (seg !== ".") out.push(seg);
  }
  return out.join("/");
}

/** Where a part's relationships are kept: xl/workbook.xml → xl/_rels/workbook.xml.rels. */
export function relsPathOf(partPath: string): string {
  const dir = partPath.replace(/[^/]*$/, "");
  return `${dir}_rels/${partPath.slice(dir.length)}.rels`;
}

/** Each sheet of workbook.xml in order, with the part its r:id leads to (undefined: no such relationship). */
export function sheetEntries(workbookXml: string, workbookRels: string, workbookPath: string): Array<{ name: string; part: string | undefined }> {
  const targets = new Map(relationshipTargets(workbookRels, workbookPath).map((r) => [r.id, r.target]));
  const out: Array<{ name: string; part: string | undefined }> = [];
  for (const m of workbookXml.matchAll(/<(?:\w+:)?sheet\b([^>]*?)\/?>/g)) {
    const name = /\bname\s*=\s*"([^"]*)"/.exec(m[1])?.[1];
    const rid = /\br:id\s*=\s*"([^"]*)"/.exec(m[1])?.[1] ?? /\b\w+:id\s*=\s*"([^"]*)"/.exec(m[1])?.[1];
    if (name !== undefined) out.push({ name: unescapeXml(name), part: rid === undefined ? undefined : targets.get(rid) });
  }
  return out;
}

/** The workbook's shared-strings part, by its relationship (undefined: it has none). */
export function sharedStringsPath(workbookRels: string, workbookPath: string): string | undefined {
  return relationshipTargets(workbookRels, workbookPath).find((r) => /\/sharedStrings$/.test(r.type))?.target;
}
