/**
 * The forms ZiPing ships, with all their data. The command line and the .xlsx host use this;
 * the pane loads it only when the officer picks a form other than the default (see
 * forms/headings.ts). Another form can also be loaded from a JSON file (`--form`).
 */
import { mofBumenJuesuan } from "./forms/mof-juesuan";
import { yueyangSelfEvaluation } from "./forms/yueyang-self-eval";
import type { FormSpec } from "./types";

export const builtInForms: FormSpec[] = [yueyangSelfEvaluation, mofBumenJuesuan];

/** A form by its id, or a built-in form by its alias (`juesuan`). */
export function findForm(id: string, extra: FormSpec[] = []): FormSpec | undefined {
  return [...extra, ...builtInForms].find((f) => f.id === id) ?? builtInForms.find((f) => f.alias === id);
}
