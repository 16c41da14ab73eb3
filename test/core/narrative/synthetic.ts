/** Small reports for the builder tests: only the cells a test is about. */
import { createContext, type NarrativeContext, type NarrativeOptions } from "../../../src/core/narrative";
import { defaultForm, type ListEntry, type RawValue, type ReportData } from "../../../src/core/spec";

export function report(values: Record<string, RawValue>, lists: Record<string, ListEntry[]> = {}): ReportData {
  return { form: defaultForm.id, lists, values: { "report.year": "2024", "report.selfRef": "我局", ...values } };
}

export function context(values: Record<string, RawValue>, options: Partial<NarrativeOptions> = {}, lists: Record<string, ListEntry[]> = {}): NarrativeContext {
  return createContext(defaultForm, report(values, lists), options);
}
