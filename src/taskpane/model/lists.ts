/**
 * The 模板 tab edits each open list (报告单位, 功能科目 lines, …) as text, one entry a line;
 * coded lists take "科目编码 科目名称". These turn that text into list entries and back.
 */
import type { ListEntry } from "../../core/spec";

/** A leading run of digits (a 科目编码 such as 2060101), then blanks, then the name. */
const CODED_LINE = /^(\d[\d.]*)[\s\u3000]+(.+)$/;

export function parseListText(text: string, coded: boolean): ListEntry[] {
  const entries: ListEntry[] = [];
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.replace(/^[\s\u3000]+|[\s\u3000]+$/g, "");
    if (!line) continue;
    const match = coded ? CODED_LINE.exec(line) : null;
    entries.push(match ? { code: match[1], name: match[2].trim() } : { name: line });
  }
  return entries;
}

export function listText(entries: readonly ListEntry[] | undefined, coded: boolean): string {
  return (entries ?? []).map((e) => (coded && e.code ? `${e.code} ${e.name}` : e.name)).join("\n");
}
