/**
 * The form's prior-year links (FormSpec.priorYear) expanded into concrete field pairs for one
 * pair of workbooks: this year's 上年 field ← last year's 本年 field. A list row's entries are
 * paired by name, since each year's list may differ (a unit added, one merged away).
 */
import { substitute, substitutions, tableById } from "../spec/rules";
import type { Lists } from "../spec/instances";
import type { FieldRef, FormSpec, PriorLink } from "../spec/types";

export interface PriorPair {
  link: PriorLink;
  /** Stable id: the link's, with the row (sangong's reception) or the entry's name. */
  id: string;
  /** This year's field. */
  prior: string;
  /** Last year's field. */
  current: string;
}

/** A list entry's name as both years would write it: blanks and the numbering 1、 left out. */
export const entryKey = (name: string): string => name.replace(/\s+/g, "").replace(/^[(（]?\d+[)）、.．]/, "");

/** The list a starred reference's row iterates, and the parts around the star. */
function starred(form: FormSpec, ref: FieldRef): { list: string; head: string; tail: string } | undefined {
  const m = /^([^.]+)\.([^.[]+)\[\*\](.*)$/.exec(ref);
  if (!m) return undefined;
  const list = tableById(form, m[1])?.rows.find((r) => r.id === m[2])?.list;
  if (!list) throw new Error(`prior link ${ref}: ${m[1]}.${m[2]} is not a list row`);
  return { list, head: `${m[1]}.${m[2]}`, tail: m[3] };
}

export function priorPairs(form: FormSpec, thisLists: Lists, lastLists: Lists): PriorPair[] {
  const out: PriorPair[] = [];
  for (const link of form.priorYear?.links ?? []) {
    for (const s of substitutions(form, link.each, thisLists)) {
      const prior = substitute(link.prior, s);
      const current = substitute(link.current, s);
      const suffix = [s.row, s.col].filter(Boolean).join(",");
      const id = suffix ? `${link.id}[${suffix}]` : link.id;
      const p = starred(form, prior);
      const c = starred(form, current);
      if (!p || !c) {
        if (p || c) throw new Error(`prior link ${link.id}: [*] must be on both sides`);
        out.push({ link, id, prior, current });
        continue;
      }
      const last = new Map((lastLists[c.list] ?? []).map((e, i) => [entryKey(e.name), i + 1]));
      (thisLists[p.list] ?? []).forEach((entry, i) => {
        const j = last.get(entryKey(entry.name));
        if (j !== undefined) out.push({ link, id: `${id}[${entry.name}]`, prior: `${p.head}[${i + 1}]${p.tail}`, current: `${c.head}[${j}]${c.tail}` });
      });
    }
  }
  return out;
}
