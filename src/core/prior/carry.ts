/**
 * What last year's workbook puts into this year's: each 上年 figure from last year's 本年 figure,
 * fields copied as they were (the department's name, the cover), and last year's prose as a
 * draft marked 沿用上年 for the officer to revise. Only into cells this year's workbook leaves
 * empty: nothing the officer wrote is replaced (a 上年 figure that differs is check --prior's).
 */
import { rawText, type ListEntry, type RawValue, type ReportData } from "../spec/data";
import type { Lists } from "../spec/instances";
import type { FormSpec } from "../spec/types";
import { entryKey, priorPairs } from "./pairs";

/** The mark a carried-over paragraph starts with, until the officer has revised it. */
export const PRIOR_DRAFT_MARK = "【沿用上年】";

/** A draft carried from last year that the officer has not yet revised. */
export const isPriorDraft = (text: string): boolean => text.startsWith(PRIOR_DRAFT_MARK);

export interface CarriedValue {
  fieldId: string;
  value: RawValue;
  /** Last year's field it comes from. */
  from: string;
  why: "prior" | "copy" | "draft";
}

const filled = (raw: RawValue | undefined): boolean => {
  const v = rawText(raw);
  return v !== null && String(v).trim() !== "";
};

/** The lists this year's workbook takes from last year's when it has none: those the links pair by name. */
export function carriedLists(form: FormSpec, last: ReportData): ReportData["lists"] {
  const out: ReportData["lists"] = {};
  for (const link of form.priorYear?.links ?? []) {
    const m = /^([^.]+)\.([^.[]+)\[\*\]/.exec(link.prior);
    const list = m && form.sheets.flatMap((s) => s.tables).find((t) => t.id === m[1])?.rows.find((r) => r.id === m[2])?.list;
    if (list && last.lists[list]) out[list] = last.lists[list]!.map((e) => ({ ...e }));
  }
  return out;
}

/** One of last year's entries this year's workbook lacks. */
export interface MissingEntry {
  list: string;
  entry: ListEntry;
}

/**
 * Last year's entries (units…) this year's lists lack, in the lists carriedLists takes: adding
 * them, after the officer's own, lets their 上年 figures be paired too. Matched by name as the
 * pairs are (blanks and numbering aside); an entry with a 科目编码 this year already holds is
 * the officer's, renamed, and is not missing.
 */
export function missingEntries(form: FormSpec, last: ReportData, thisLists: Lists): MissingEntry[] {
  const out: MissingEntry[] = [];
  for (const [list, entries] of Object.entries(carriedLists(form, last))) {
    const now = thisLists[list] ?? [];
    const names = new Set(now.map((e) => entryKey(e.name)));
    const codes = new Set(now.flatMap((e) => (e.code?.trim() ? [e.code.trim()] : [])));
    for (const entry of entries ?? []) {
      const key = entryKey(entry.name);
      if (!key || names.has(key) || (entry.code?.trim() && codes.has(entry.code.trim()))) continue;
      names.add(key);
      out.push({ list, entry });
    }
  }
  return out;
}

export function carryForward(form: FormSpec, last: ReportData, current: ReportData): CarriedValue[] {
  const out: CarriedValue[] = [];
  const add = (fieldId: string, from: string, why: CarriedValue["why"], value: RawValue) => {
    if (!filled(current.values[fieldId]) && !out.some((c) => c.fieldId === fieldId)) out.push({ fieldId, value, from, why });
  };
  for (const pair of priorPairs(form, current.lists, last.lists)) {
    const value = last.values[pair.current];
    if (filled(value)) add(pair.prior, pair.current, "prior", rawText(value!));
  }
  for (const field of form.priorYear?.copy ?? []) if (filled(last.values[field])) add(field, field, "copy", rawText(last.values[field]!));
  for (const field of form.priorYear?.prose ?? []) {
    const text = filled(last.values[field]) ? String(rawText(last.values[field]!)) : undefined;
    if (text) add(field, field, "draft", isPriorDraft(text) ? text : `${PRIOR_DRAFT_MARK}${text}`);
  }
  return out;
}
