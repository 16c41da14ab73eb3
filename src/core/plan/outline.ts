/**
 * Which outline a report follows: the one `--outline` (or the pane) names, else the one the
 * form's 报告格式 cell names, else the form's default. Names are compared without spaces and
 * brackets, so "2025（湖南）", "2025 湖南" and "湖南" all name the 2025 outline.
 */
import { rawText, type ReportData } from "../spec/data";
import type { FormSpec, ReportOutline } from "../spec/types";

export type OutlineChoice =
  | { outline: ReportOutline; from: "asked" | "cell" | "default" }
  | { unknown: string; from: "asked" | "cell"; choices: string[] };

/** Every outline the form offers, the default first. */
export function outlinesOf(form: FormSpec): ReportOutline[] {
  return [...(form.report ? [form.report] : []), ...(form.reportChoice?.outlines ?? [])];
}

const plain = (s: string): string => s.replace(/[\s()（）〔〕[\]【】「」“”"'、,，]/g, "").toLowerCase();

/** The outline a word names, by id, a name, or id and name together (2025湖南). */
function named(outlines: ReportOutline[], word: string): ReportOutline | undefined {
  const w = plain(word);
  if (!w) return undefined;
  return outlines.find((o) => [o.id, ...(o.names ?? [])].some((n) => n !== undefined && plain(n) === w))
    ?? outlines.find((o) => o.id !== undefined && w.startsWith(plain(o.id)) && (o.names ?? []).some((n) => w.endsWith(plain(n))));
}

/** How the outline choices are written for a message: 2020（岳阳）、2025（湖南）. */
function choiceWords(outlines: ReportOutline[]): string[] {
  return outlines.map((o) => `${o.id ?? o.title}${o.names?.[0] ? `（${o.names[0]}）` : ""}`);
}

export function chooseOutline(form: FormSpec, data: ReportData, asked?: string): OutlineChoice | undefined {
  const outlines = outlinesOf(form);
  if (outlines.length === 0) return undefined;
  if (asked !== undefined) {
    const o = named(outlines, asked);
    return o ? { outline: o, from: "asked" } : { unknown: asked, from: "asked", choices: choiceWords(outlines) };
  }
  const field = form.reportChoice?.field;
  const written = field ? rawText(data.values[field]) : null;
  if (written !== null && String(written).trim() !== "") {
    const o = named(outlines, String(written));
    return o ? { outline: o, from: "cell" } : { unknown: String(written), from: "cell", choices: choiceWords(outlines) };
  }
  return { outline: outlines[0], from: "default" };
}
